/**
 * Deltas that matter (issue 18, item 4): a figure now against the end of the day a week ago,
 * four weeks ago, and at the last milestone, instead of only "since the previous run". The
 * windows are fixed once per build; each figure is looked up in the history at their days.
 */
import { addDays } from '../history/dates.js';
import type { HistoryRecord } from '../history/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { deltaTone, formatDelta } from './status.js';
import { asOfDay, lastMilestoneEnd } from './time-scale.js';

export interface DeltaWindow {
  id: 'week' | 'four-weeks' | 'milestone';
  /** "this week", "last 4 weeks", "since Phase 2 (2026-03-27)". */
  label: string;
  /** The figure is compared with the state at the end of this day. */
  since: string;
}

export interface DeltaView {
  windowId: DeltaWindow['id'];
  label: string;
  /** "+3", "−2", "±0". */
  text: string;
  tone: 'good' | 'bad' | 'same' | 'none';
}

const windowsOf = new WeakMap<Snapshot, DeltaWindow[]>();

/** This week, the last 4 weeks, and since the last milestone that has passed (when there is one). */
export function deltaWindows(snapshot: Snapshot): DeltaWindow[] {
  const known = windowsOf.get(snapshot);
  if (known) return known;
  const asOf = asOfDay(snapshot);
  const windows: DeltaWindow[] = [
    { id: 'week', label: 'this week', since: addDays(asOf, -7) },
    { id: 'four-weeks', label: 'last 4 weeks', since: addDays(asOf, -28) },
  ];
  const end = lastMilestoneEnd(snapshot, asOf);
  const milestone = snapshot.milestones.find((m) => m.endDate === end);
  if (end !== null && milestone) windows.push({ id: 'milestone', label: `since ${milestone.title} (${end})`, since: end });
  windowsOf.set(snapshot, windows);
  return windows;
}

/** The last record on or before the end of `day` (history sorted by `at`), by binary search. */
export function recordAtEndOf(history: readonly HistoryRecord[], day: string): HistoryRecord | null {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.at.slice(0, 10) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? history[lo - 1]! : null;
}

/**
 * The deltas of one figure: `valueAt` reads it from a record (undefined when the record did not
 * have it yet, which leaves that window out).
 */
export function deltas(
  windows: readonly DeltaWindow[],
  history: readonly HistoryRecord[],
  now: number | null,
  valueAt: (record: HistoryRecord) => number | null | undefined,
  better: 'lower' | 'higher',
): DeltaView[] {
  return windows.flatMap((w) => {
    const record = recordAtEndOf(history, w.since);
    const before = record ? valueAt(record) : undefined;
    const text = formatDelta(now, before);
    return text === null ? [] : [{ windowId: w.id, label: w.label, text, tone: deltaTone(now, before, better) }];
  });
}
