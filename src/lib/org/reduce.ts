/**
 * One shard reduced to what the org dashboard shows of its repository: a few figures and one
 * point per day. The merge keeps only this of each shard (issue 24: read, reduce, drop), so its
 * memory grows with repositories × days, never with the files they track.
 */
import { addDays, dayOf } from '../history/dates.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { ShardSummary } from './schema.js';

/** A repository on one day: its last record of that day. */
export interface RepoDay {
  date: string;
  declaredDone: number;
  verifiedDone: number;
  slots: number;
  /** The repository's remaining-calls metric (remainingMetricId); null when it counts none. */
  remainingCalls: number | null;
}

/** How far back the trend looks. */
export const TREND_DAYS = 28;

export interface OrgRepo {
  name: string;
  status: 'ok';
  title: string | null;
  /** The tracking doc, repo-relative; null for a repository tracked by the org's patterns only. */
  docPath: string | null;
  commit: string | null;
  webUrl: string | null;
  generatedAt: string;
  declaredDone: number;
  verifiedDone: number;
  slots: number;
  remainingCalls: number | null;
  /** The label of the metric `remainingCalls` is (remainingMetricId), or null. */
  remainingMetric: string | null;
  /**
   * Change since `since`: TREND_DAYS days before the last point, or the first point when history
   * is shorter (null figures with a single point).
   */
  trend: { since: string | null; verifiedDone: number | null; remainingCalls: number | null };
  /** The last day any of the figures above moved (or the first record's day). */
  lastChange: string | null;
  days: RepoDay[];
}

/** A repository listed or found but not shown with figures: the dashboard says why. */
export interface OrgRepoProblem {
  name: string;
  status: 'failed' | 'missing';
  reason: string;
  /** The shard file, as the user named it (null when it is missing). */
  file: string | null;
}

export type OrgRow = OrgRepo | OrgRepoProblem;

/**
 * The metric a repository's "remaining calls" is: its first one that counts what is left, in the
 * snapshot's order (the doc's grep commands, then the config's). Not their sum: a doc and a config
 * often count the same calls two ways, and the sum would count them twice.
 */
export function remainingMetricId(snapshot: Pick<Snapshot, 'metrics'> | ShardSummary['snapshot']): string | null {
  return snapshot.metrics.find((m) => (m.role ?? (m.better === 'lower' ? 'remaining' : 'adoption')) === 'remaining')?.id ?? null;
}

function valueOf(id: string | null, values: Record<string, number | null>): number | null {
  return id === null ? null : (values[id] ?? null);
}

/** Reads only what ShardSummary validates, so a merge without pages needs no more. */
export function reduceShard(shard: ShardSummary): OrgRepo {
  const { snapshot } = shard;
  const id = remainingMetricId(snapshot);
  const current = Object.fromEntries(snapshot.metrics.map((m) => [m.id, m.value]));
  const days = dailyPoints(shard, id);
  const last = days.at(-1);
  const before = last === undefined || days.length < 2 ? undefined : (dayAtOrBefore(days, addDays(last.date, -TREND_DAYS)) ?? days[0]);
  const remainingCalls = valueOf(id, current);
  return {
    name: shard.name,
    status: 'ok',
    title: snapshot.doc.title,
    docPath: shard.metricsOnly ? null : snapshot.doc.path,
    commit: snapshot.repo.commit,
    webUrl: snapshot.repo.webUrl,
    generatedAt: snapshot.generatedAt,
    declaredDone: snapshot.totals.declaredDone,
    verifiedDone: snapshot.totals.verifiedDone,
    slots: snapshot.totals.slots,
    remainingCalls,
    remainingMetric: id === null ? null : (snapshot.metrics.find((m) => m.id === id)?.label ?? id),
    trend: {
      since: before?.date ?? null,
      verifiedDone: before === undefined ? null : snapshot.totals.verifiedDone - before.verifiedDone,
      remainingCalls: before === undefined || remainingCalls === null || before.remainingCalls === null ? null : remainingCalls - before.remainingCalls,
    },
    lastChange: lastChangeDay(days),
    days,
  };
}

/** The last record of each day, in date order (records are stored sorted by time). */
function dailyPoints(shard: ShardSummary, id: string | null): RepoDay[] {
  const byDay = new Map<string, RepoDay>();
  for (const record of shard.history.records) {
    const date = dayOf(new Date(record.at).toISOString());
    byDay.set(date, {
      date,
      declaredDone: record.declaredDone ?? 0,
      verifiedDone: record.verifiedDone ?? 0,
      slots: record.slots ?? 0,
      remainingCalls: valueOf(id, record.metrics),
    });
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The point of `day`, else the last before it; undefined when history starts later. */
export function dayAtOrBefore(days: readonly RepoDay[], day: string): RepoDay | undefined {
  let found: RepoDay | undefined;
  for (const point of days) {
    if (point.date > day) break;
    found = point;
  }
  return found;
}

function lastChangeDay(days: readonly RepoDay[]): string | null {
  let changed: string | null = days[0]?.date ?? null;
  for (let i = 1; i < days.length; i += 1) {
    const [a, b] = [days[i - 1]!, days[i]!];
    if (a.declaredDone !== b.declaredDone || a.verifiedDone !== b.verifiedDone || a.slots !== b.slots || a.remainingCalls !== b.remainingCalls) changed = b.date;
  }
  return changed;
}
