/**
 * The history as one value per calendar day: the last record of each day, carried forward over
 * days without commits (the state of the code did not change, so neither did the numbers).
 */
import { dayOf, dayRange } from './dates.js';
import { compareRecords } from './merge.js';
import type { HistoryRecord } from './schema.js';

export interface DailyState {
  day: string;
  /** Latest record at or before the end of `day`, or null before the first record. */
  record: HistoryRecord | null;
}

/** One entry per day from `from` to `to` inclusive. `records` need not be sorted. */
export function dailyStates(records: readonly HistoryRecord[], from: string, to: string): DailyState[] {
  const sorted = [...records].sort(compareRecords);
  const lastOfDay = new Map<string, HistoryRecord>();
  for (const record of sorted) lastOfDay.set(dayOf(record.at), record);
  // Records dated before `from` still set the state on `from`.
  let current: HistoryRecord | null = null;
  for (const record of sorted) if (dayOf(record.at) < from) current = record;
  return dayRange(from, to).map((day) => {
    current = lastOfDay.get(day) ?? current;
    return { day, record: current };
  });
}

/** Slots not declared done, or null when the doc did not exist at that point. */
export function declaredRemaining(record: HistoryRecord | null): number | null {
  if (record?.slots == null || record.declaredDone === null) return null;
  return Math.max(0, record.slots - record.declaredDone);
}

/** Slots the code does not show as done, or null when unknown. */
export function verifiedRemaining(record: HistoryRecord | null): number | null {
  if (record?.slots == null || record.verifiedDone === null) return null;
  return Math.max(0, record.slots - record.verifiedDone);
}
