/**
 * Every item's own history, indexed once per build: one pass over the records gives each item the
 * records where it appears. A file page then reads its item's own records instead of walking
 * all of them (issue 6: 5,000 file pages each walked the whole history, three times).
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

const indexes = new WeakMap<readonly HistoryRecord[], Map<string, number[]>>();

/**
 * Item id → the indexes of the records that have it, built on first use for each history array.
 * Only numbers are kept: an object per item and record (150,000 in the benchmark) would stay in
 * the garbage collector's way for the whole build; a page makes its item's points when needed.
 */
function recordsByItem(history: readonly HistoryRecord[]): Map<string, number[]> {
  let index = indexes.get(history);
  if (index) return index;
  index = new Map();
  history.forEach((record, k) => {
    for (const id in record.items) {
      const list = index!.get(id);
      if (list) list.push(k);
      else index!.set(id, [k]);
    }
  });
  indexes.set(history, index);
  return index;
}

/** The points of one item, oldest first (empty when the history never saw it). */
export function itemTimeline(history: readonly HistoryRecord[], itemId: string): ItemPoint[] {
  return (recordsByItem(history).get(itemId) ?? []).map((k) => {
    const record = history[k]!;
    const raw = record.items[itemId]!;
    return {
      date: record.at.slice(0, 10),
      commit: record.commit,
      declared: normaliseStatus(raw.declared),
      detected: normaliseStatus(raw.detected),
      remaining: raw.remaining ?? null,
    };
  });
}
