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

interface TimelineIndex {
  /** Item id → the indexes of the records that have it. */
  recordsOf: Map<string, number[]>;
  /** Each record's day, cut once rather than on each of its 5,000 items' pages. */
  dates: string[];
}

const indexes = new WeakMap<readonly HistoryRecord[], TimelineIndex>();

/**
 * The timeline index, built on first use for each history array. Only numbers are kept per item:
 * an object per item and record (150,000 in the benchmark) would stay in the garbage
 * collector's way for the whole build; a page makes its item's points when needed.
 */
function timelineIndex(history: readonly HistoryRecord[]): TimelineIndex {
  let index = indexes.get(history);
  if (index) return index;
  const recordsOf = new Map<string, number[]>();
  history.forEach((record, k) => {
    for (const id of Object.keys(record.items)) {
      const list = recordsOf.get(id);
      if (list) list.push(k);
      else recordsOf.set(id, [k]);
    }
  });
  index = { recordsOf, dates: history.map((record) => record.at.slice(0, 10)) };
  indexes.set(history, index);
  return index;
}

/** The points of one item, oldest first (empty when the history never saw it). */
export function itemTimeline(history: readonly HistoryRecord[], itemId: string): ItemPoint[] {
  const { recordsOf, dates } = timelineIndex(history);
  return (recordsOf.get(itemId) ?? []).map((k) => {
    const record = history[k]!;
    const raw = record.items[itemId]!;
    return {
      date: dates[k]!,
      commit: record.commit,
      declared: normaliseStatus(raw.declared),
      detected: normaliseStatus(raw.detected),
      remaining: raw.remaining ?? null,
    };
  });
}
