/**
 * The org dashboard's view-model (issue 24): one row per repository (declared and verified done,
 * remaining calls, trend, last change; or why it has no figures), the totals, and the burndown of
 * the sum with a line per repository. Pure: computed from the merge's reductions, printed by
 * ./markup/org-dashboard.ts.
 */
import { isRepo, mergeHistoryByDate, orgTotals, type OrgDay, type OrgRepo, type OrgRow } from '../org/index.js';
import { percent, plural } from '../snapshot/figures.js';
import { formatPercent } from './status.js';
import { joinBase } from './urls.js';

export interface OrgRowView {
  name: string;
  /** The repository's own site, under the org site's base; null for a missing or failed shard. */
  href: string | null;
  status: 'ok' | 'failed' | 'missing';
  /** "3/6 (50%)", or "—" without figures. */
  declaredText: string;
  verifiedText: string;
  /** For sorting and the bar: verified done in percent, -1 without figures (shown first). */
  verifiedPct: number;
  remainingText: string;
  /** What the remaining calls count (the metric's label), for its title. */
  remainingWhat: string | null;
  trendText: string;
  trendTone: 'good' | 'bad' | 'same' | 'none';
  lastChange: string;
  /** Why there are no figures (failed or missing), else the doc or "patterns only". */
  note: string;
}

export interface OrgBurndownView {
  /** The repositories drawn as their own line (the most files left first), at most MAX_LINES. */
  lines: string[];
  /** Repositories summed into the total but not drawn on their own. */
  notDrawn: number;
  days: OrgDay[];
}

export interface OrgDashboard {
  title: string;
  generatedAt: string | null;
  totals: { repos: string; problems: number; declared: string; verified: string; remainingCalls: number };
  rows: OrgRowView[];
  burndown: OrgBurndownView | null;
}

/** More lines than this are a tangle: the rest are in the sum and the repository table. */
export const MAX_LINES = 12;

export function buildOrgDashboard(rows: readonly OrgRow[], title: string, base: string): OrgDashboard {
  const totals = orgTotals(rows);
  const repos = rows.filter(isRepo);
  const days = mergeHistoryByDate(repos);
  const views = rows.map((row) => rowView(row, base)).sort((a, b) => a.verifiedPct - b.verifiedPct || a.name.localeCompare(b.name));
  const lastDay = days.at(-1);
  const lines = lastDay === undefined ? [] : repos.map((r) => r.name).sort((a, b) => (lastDay.byRepo[b] ?? 0) - (lastDay.byRepo[a] ?? 0) || a.localeCompare(b));
  return {
    title,
    generatedAt: repos.map((r) => r.generatedAt).sort().at(-1) ?? null,
    totals: {
      repos: `${totals.repos - totals.problems} of ${plural(totals.repos, 'repository', 'repositories')}`,
      problems: totals.problems,
      declared: doneText(totals.declaredDone, totals.slots),
      verified: doneText(totals.verifiedDone, totals.slots),
      remainingCalls: totals.remainingCalls,
    },
    rows: views,
    burndown: days.length === 0 ? null : { lines: lines.slice(0, MAX_LINES), notDrawn: Math.max(0, lines.length - MAX_LINES), days },
  };
}

function doneText(done: number, slots: number): string {
  return `${done}/${slots} (${formatPercent(done, slots)})`;
}

function rowView(row: OrgRow, base: string): OrgRowView {
  if (!isRepo(row)) {
    return {
      name: row.name, href: null, status: row.status, declaredText: '—', verifiedText: '—', verifiedPct: -1,
      remainingText: '—', remainingWhat: null, trendText: '—', trendTone: 'none', lastChange: '—',
      note: row.status === 'missing' ? `missing: ${row.reason}` : `failed: ${row.reason}`,
    };
  }
  return {
    name: row.name,
    href: joinBase(base, `${encodeURIComponent(row.name)}/`),
    status: 'ok',
    declaredText: doneText(row.declaredDone, row.slots),
    verifiedText: doneText(row.verifiedDone, row.slots),
    verifiedPct: row.slots === 0 ? 100 : percent(row.verifiedDone, row.slots),
    remainingText: row.remainingCalls === null ? '—' : String(row.remainingCalls),
    remainingWhat: row.remainingMetric,
    ...trend(row),
    lastChange: row.lastChange ?? '—',
    note: row.docPath === null ? 'no tracking doc: the org\'s patterns only' : row.docPath,
  };
}

/** Verified done over the last TREND_DAYS days (or all the history when shorter), and remaining calls (fewer is better). */
function trend(row: OrgRepo): Pick<OrgRowView, 'trendText' | 'trendTone'> {
  const { since, verifiedDone: done, remainingCalls: calls } = row.trend;
  if (since === null || (done === null && calls === null)) return { trendText: 'one point of history', trendTone: 'none' };
  const parts: string[] = [];
  if (done !== null && row.slots > 0) parts.push(`${done >= 0 ? '+' : '−'}${Math.abs(done)} done`);
  if (calls !== null) parts.push(`${calls > 0 ? '+' : calls < 0 ? '−' : '±'}${Math.abs(calls)} calls`);
  const better = (done ?? 0) > 0 || (calls ?? 0) < 0;
  const worse = (done ?? 0) < 0 || (calls ?? 0) > 0;
  return { trendText: `${parts.join(', ')} since ${since}`, trendTone: worse ? 'bad' : better ? 'good' : 'same' };
}
