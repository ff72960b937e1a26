/** `/diagnostics/`: what the stages warned about, worst first, pointing at the file and line. */
import type { SiteData } from './load.js';

export interface DiagnosticView {
  severity: string;
  className: string;
  code: string;
  message: string;
  where: string | null;
}

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Builds the diagnostics list (stable order: severity, then snapshot order). */
export function buildDiagnosticsPage(data: SiteData): { entries: DiagnosticView[] } {
  const entries = data.snapshot.diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (RANK[a.d.severity] ?? 3) - (RANK[b.d.severity] ?? 3) || a.i - b.i)
    .map(({ d }) => ({
      severity: d.severity,
      className: `sev-${d.severity}`,
      code: d.code,
      message: d.message,
      where: d.file ? `${d.file}${d.line !== null ? `:${d.line}` : ''}` : null,
    }));
  return { entries };
}
