/**
 * Merging backfill points and recorded runs into one series (issue 5: "backfill and recorded runs
 * merge into one series"; "re-running on the same commit does not duplicate a point").
 */
import type { HistoryFile, HistoryRecord } from './schema.js';

/** A build saw the real config and working tree, so its numbers win over a replayed backfill. */
const PRIORITY: Record<HistoryRecord['source'], number> = { backfill: 0, run: 1 };

/**
 * Returns a new history with `records` merged in: one point per commit (records without a commit,
 * outside git, are keyed by time), sorted by time. For a commit seen twice the record from the
 * higher-priority source wins (`run` over `backfill`, then the later one), and keeps the earliest
 * `at`, so the point stays on the day that state first existed.
 */
export function appendRecords(history: HistoryFile, records: readonly HistoryRecord[]): HistoryFile {
  const byKey = new Map<string, HistoryRecord>();
  for (const record of [...history.records, ...records]) {
    const key = record.commit ?? `at:${record.at}`;
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? record : pick(seen, record));
  }
  return { ...history, records: sortedByTime([...byKey.values()]) };
}

function pick(a: HistoryRecord, b: HistoryRecord): HistoryRecord {
  const winner = PRIORITY[b.source] > PRIORITY[a.source] ? b : PRIORITY[b.source] < PRIORITY[a.source] ? a : laterOf(a, b);
  const earliest = time(a.at) <= time(b.at) ? a.at : b.at;
  return winner.at === earliest ? winner : { ...winner, at: earliest };
}

function laterOf(a: HistoryRecord, b: HistoryRecord): HistoryRecord {
  return time(b.at) >= time(a.at) ? b : a;
}

/** Orders by instant (ISO strings with different offsets do not sort as text). Stable for ties. */
export function compareRecords(a: HistoryRecord, b: HistoryRecord): number {
  return time(a.at) - time(b.at);
}

/**
 * The records in compareRecords' order, each instant parsed once rather than at every comparison
 * (a 5,000-commit backfill: ~120,000 Date.parse calls). Sorting the indexes with the same
 * differences gives the same order, ties included.
 */
function sortedByTime(records: readonly HistoryRecord[]): HistoryRecord[] {
  const times = records.map((r) => time(r.at));
  const order = records.map((_, i) => i).sort((i, j) => (times[i] as number) - (times[j] as number));
  return order.map((i) => records[i] as HistoryRecord);
}

function time(iso: string): number {
  return Date.parse(iso);
}
