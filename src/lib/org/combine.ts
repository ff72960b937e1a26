/**
 * The org's figures from its repositories' reductions: totals now, and the history merged by
 * date (each repository counted on every day with its last point on or before it, so a
 * repository scanned less often does not dip the sum on the days it has no record).
 */
import { dayAtOrBefore, type OrgRepo, type OrgRow } from './reduce.js';

export interface OrgTotals {
  repos: number;
  /** Repositories listed or found without figures (missing or failed shards). */
  problems: number;
  declaredDone: number;
  verifiedDone: number;
  slots: number;
  remainingCalls: number;
}

export interface OrgDay {
  date: string;
  /** Files left as the code shows it, summed: slots − verified done. */
  verifiedLeft: number;
  remainingCalls: number;
  /** Each repository's files left that day, by name (absent before its first record). */
  byRepo: Record<string, number>;
}

export function isRepo(row: OrgRow): row is OrgRepo {
  return row.status === 'ok';
}

export function orgTotals(rows: readonly OrgRow[]): OrgTotals {
  const totals: OrgTotals = { repos: rows.length, problems: 0, declaredDone: 0, verifiedDone: 0, slots: 0, remainingCalls: 0 };
  for (const row of rows) {
    if (!isRepo(row)) {
      totals.problems += 1;
      continue;
    }
    totals.declaredDone += row.declaredDone;
    totals.verifiedDone += row.verifiedDone;
    totals.slots += row.slots;
    totals.remainingCalls += row.remainingCalls ?? 0;
  }
  return totals;
}

/** One point per date any repository has a record on, sorted. */
export function mergeHistoryByDate(repos: readonly OrgRepo[]): OrgDay[] {
  const dates = [...new Set(repos.flatMap((r) => r.days.map((d) => d.date)))].sort();
  return dates.map((date) => {
    const day: OrgDay = { date, verifiedLeft: 0, remainingCalls: 0, byRepo: {} };
    for (const repo of repos) {
      const point = dayAtOrBefore(repo.days, date);
      if (point === undefined) continue;
      const left = point.slots - point.verifiedDone;
      day.byRepo[repo.name] = left;
      day.verifiedLeft += left;
      day.remainingCalls += point.remainingCalls ?? 0;
    }
    return day;
  });
}
