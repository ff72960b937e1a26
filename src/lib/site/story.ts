/**
 * The facts behind the dashboard's signals (issue 18, item 3), computed from the snapshot and the
 * history: when the doc was last edited and what moved in code since, which files went back and
 * in which commit, where a count came back from its low, calls outside the doc's files, and when
 * the code last made progress. Pure; the wording is signals.ts's.
 */
import { daysBetween } from '../history/dates.js';
import type { HistoryRecord } from '../history/schema.js';
import type { Snapshot, SnapshotMetric } from '../snapshot/schema.js';
import { normaliseStatus } from './status.js';

/** The doc's last edit: the first record that carries the snapshot's doc commit. */
export interface DocEdit {
  day: string;
  commit: string | null;
  /** Days from the edit to `asOf`. */
  daysSince: number;
  /** Distinct code commits the history recorded after the edit's day, and on how many days. */
  commitsSince: number;
  daysWithCommits: number;
  /** Items whose detected status now differs from the one at the edit. */
  movedItems: string[];
}

export function lastDocEdit(snapshot: Snapshot, history: readonly HistoryRecord[], asOf: string): DocEdit | null {
  const docCommit = snapshot.doc.commit;
  const at = docCommit === null ? -1 : history.findIndex((r) => r.docCommit === docCommit);
  if (at < 0) return null;
  const edit = history[at]!;
  const day = edit.at.slice(0, 10);
  const after = new Map<string, string>();
  for (const r of history) if (r.at.slice(0, 10) > day && r.commit !== null && !after.has(r.commit)) after.set(r.commit, r.at.slice(0, 10));
  const movedItems = snapshot.items
    .filter((i) => {
      const then = edit.items[i.id];
      return then !== undefined && normaliseStatus(then.detected) !== i.detectedStatus;
    })
    .map((i) => i.id);
  return { day, commit: edit.commit, daysSince: daysBetween(day, asOf), commitsSince: after.size, daysWithCommits: new Set(after.values()).size, movedItems };
}

/** A file that was verified done and is not any more, and the record where it went back. */
export interface Regression {
  itemId: string;
  day: string;
  commit: string | null;
}

/** Items not done now whose last done record was followed by a not-done one: the commit that undid it. */
export function regressions(snapshot: Snapshot, history: readonly HistoryRecord[]): Regression[] {
  const out: Regression[] = [];
  for (const item of snapshot.items) {
    if (item.detectedStatus === 'done') continue;
    let wentBack: Regression | null = null;
    let wasDone = false;
    for (const r of history) {
      const state = r.items[item.id];
      if (state === undefined) continue;
      const done = normaliseStatus(state.detected) === 'done';
      if (wasDone && !done) wentBack = { itemId: item.id, day: r.at.slice(0, 10), commit: r.commit };
      wasDone = done;
    }
    if (wentBack) out.push(wentBack);
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** A count that rose again from its lowest value (the latest day it was that low). */
export interface CameBack {
  low: number;
  lowDay: string;
  now: number;
}

export function cameBackFromLow(history: readonly HistoryRecord[], id: string, now: number | null): CameBack | null {
  if (now === null) return null;
  let low: { value: number; day: string } | null = null;
  for (const r of history) {
    const v = r.metrics[id];
    if (v === null || v === undefined) continue;
    if (low === null || v <= low.value) low = { value: v, day: r.at.slice(0, 10) };
  }
  return low !== null && now > low.value ? { low: low.value, lowDay: low.day, now } : null;
}

/** Matches of a metric in files the doc does not track: scope the doc does not see. */
export function untrackedCalls(snapshot: Snapshot, m: SnapshotMetric): { calls: number; files: string[] } {
  const tracked = new Set(snapshot.items.flatMap((i) => (i.path === null ? [] : [i.path])));
  const outside = m.byFile.filter((f) => !tracked.has(f.path) && f.count > 0);
  return { calls: outside.reduce((n, f) => n + f.count, 0), files: outside.map((f) => f.path).sort() };
}

/** The last day the verified remaining count fell, from the burndown (null: never). */
export function lastVerifiedDrop(snapshot: Snapshot): string | null {
  const points = snapshot.burndown?.points ?? [];
  let last: string | null = null;
  points.forEach((p, i) => {
    const before = points[i - 1]?.verifiedRemaining;
    if (before !== undefined && before !== null && p.verifiedRemaining !== null && p.verifiedRemaining < before) last = p.date;
  });
  return last;
}
