/**
 * Numbers both summaries print, computed once so the markdown and terminal renderers cannot
 * disagree (istanbul's reports share one tree the same way).
 */
import type { Snapshot } from '../../snapshot/schema.js';

/** Percentage rounded down, so 75/76 never shows as "100%". */
export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

export function shortCommit(commit: string | null): string | null {
  return commit === null ? null : commit.slice(0, 7);
}

export interface SummaryFigures {
  title: string;
  declaredDone: number;
  verifiedDone: number;
  slots: number;
  declaredPercent: number;
  verifiedPercent: number;
  commit: string | null;
  date: string;
  driftErrors: number;
  driftWarnings: number;
}

export function summaryFigures(s: Snapshot): SummaryFigures {
  return {
    title: s.doc.title ?? s.doc.path,
    declaredDone: s.totals.declaredDone,
    verifiedDone: s.totals.verifiedDone,
    slots: s.totals.slots,
    declaredPercent: percent(s.totals.declaredDone, s.totals.slots),
    verifiedPercent: percent(s.totals.verifiedDone, s.totals.slots),
    commit: shortCommit(s.repo.commit),
    date: s.generatedAt.slice(0, 10),
    driftErrors: s.drift.filter((d) => d.severity === 'error').length,
    driftWarnings: s.drift.filter((d) => d.severity === 'warning').length,
  };
}

/** Drift entries worth listing in a summary: errors first, then warnings; info is site-only. */
export function notableDrift(s: Snapshot): Snapshot['drift'] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return s.drift.filter((d) => d.severity !== 'info').sort((a, b) => rank[a.severity] - rank[b.severity]);
}
