/** `/drift/`: every disagreement between doc and code, grouped by kind, linking to the file. */
import type { Drift } from '../snapshot/schema.js';
import { itemById } from './common.js';
import type { SiteData } from './load.js';
import { joinBase, type SiteContext } from './urls.js';

/** Headings for each drift kind, in the order the page shows them (worst first). */
export const DRIFT_KINDS: { kind: Drift['kind']; title: string }[] = [
  { kind: 'declared-done-not-in-code', title: 'Marked done in the doc, not done in code' },
  { kind: 'done-in-code-not-declared', title: 'Done in code, not marked done in the doc' },
  { kind: 'path-missing', title: 'Paths the doc names that do not exist' },
  { kind: 'line-range-stale', title: 'Line ranges that no longer match' },
  { kind: 'scope-growth', title: 'Files the doc does not track yet' },
  { kind: 'summary-disagrees', title: 'Summary table disagrees with the items' },
  { kind: 'declared-count-mismatch', title: 'Declared counts that do not add up' },
];

export interface DriftEntry {
  severity: string;
  className: string;
  message: string;
  evidence: string;
  path: string | null;
  href: string | null;
  docLine: number | null;
}

export interface DriftPage {
  total: number;
  groups: { kind: string; title: string; entries: DriftEntry[] }[];
}

/** Builds the drift page; entries link to their item's page (file page when it has a path). */
export function buildDriftPage(data: SiteData, ctx: SiteContext): DriftPage {
  const { snapshot } = data;
  const entry = (d: Drift): DriftEntry => {
    const item = d.itemId ? itemById(snapshot, d.itemId) : undefined;
    return {
      severity: d.severity,
      className: `sev-${d.severity}`,
      message: d.message,
      evidence: d.evidence,
      path: d.path,
      href: item ? `${joinBase(ctx.base, item.url)}#${item.id}` : null,
      docLine: d.docLine,
    };
  };
  return {
    total: snapshot.drift.length,
    groups: DRIFT_KINDS.map(({ kind, title }) => ({ kind, title, entries: snapshot.drift.filter((d) => d.kind === kind).map(entry) })).filter((g) => g.entries.length > 0),
  };
}
