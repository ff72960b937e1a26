/**
 * An item's own history: its state at each history record that has it. A page looks its item up
 * in each record (30 records × 5,000 file pages are 150,000 lookups, a few milliseconds), so no
 * index of every item's records is built.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { ItemStatus } from '../snapshot/schema.js';
import { normaliseStatus } from './status.js';

/** One item at one history record. */
export interface ItemPoint {
  /** Day of the record (YYYY-MM-DD). */
  date: string;
  /** The record's commit, or null outside git. */
  commit: string | null;
  declared: ItemStatus;
  detected: ItemStatus;
  /** Call sites left in the item's file, or null when the record predates the count. */
  remaining: number | null;
}

/** Each record's day, cut once per history rather than on each of its 5,000 items' pages. */
const recordDays = new WeakMap<readonly HistoryRecord[], string[]>();

function daysOf(history: readonly HistoryRecord[]): string[] {
  let days = recordDays.get(history);
  if (!days) {
    days = history.map((record) => record.at.slice(0, 10));
    recordDays.set(history, days);
  }
  return days;
}

/** The points of one item, oldest first (empty when the history never saw it). */
export function itemTimeline(history: readonly HistoryRecord[], itemId: string): ItemPoint[] {
  const days = daysOf(history);
  const points: ItemPoint[] = [];
  history.forEach((record, k) => {
    if (!Object.hasOwn(record.items, itemId)) return;
    const raw = record.items[itemId]!;
    points.push({
      date: days[k]!,
      commit: record.commit,
      declared: normaliseStatus(raw.declared),
      detected: normaliseStatus(raw.detected),
      remaining: raw.remaining ?? null,
    });
  });
  return points;
}
