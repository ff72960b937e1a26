/**
 * Numbers both summaries print. The figures themselves come from snapshot/figures.ts, the module
 * the site's view-models read too (issue 18, item 7: one source of truth for site and summary).
 */
import { percent, plural, totalsFigures, type TotalsFigures } from '../../snapshot/figures.js';
import type { Snapshot, SnapshotMetric } from '../../snapshot/schema.js';

export { percent };

export function shortCommit(commit: string | null): string | null {
  return commit === null ? null : commit.slice(0, 7);
}

export interface SummaryFigures extends TotalsFigures {
  commit: string | null;
  date: string;
}

export function summaryFigures(s: Snapshot): SummaryFigures {
  return { ...totalsFigures(s), commit: shortCommit(s.repo.commit), date: s.generatedAt.slice(0, 10) };
}

/** Files listed per category before "and N more". */
export const TOP_FILES = 5;

const UNIT_ONE: Record<SnapshotMetric['unit'], [string, string]> = { lines: ['line', 'lines'], files: ['file', 'files'], matches: ['match', 'matches'] };

/** "1 line", "12 files", or null when the metric has no value. */
export function metricValueText(m: Pick<SnapshotMetric, 'value' | 'unit'>): string | null {
  if (m.value === null) return null;
  const [one, many] = UNIT_ONE[m.unit];
  return plural(m.value, one, many);
}

/** Drift entries worth listing in a summary: errors first, then warnings; info is site-only. */
export function notableDrift(s: Snapshot): Snapshot['drift'] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return s.drift.filter((d) => d.severity !== 'info').sort((a, b) => rank[a.severity] - rank[b.severity]);
}
