/**
 * Time that scales (issue 18, item 1): a chart's resolution follows its span (daily up to eight
 * weeks, then weekly, then monthly, so no series has more than MAX_POINTS points), and each time
 * chart offers the ranges a reader asks for: the last four weeks, since the last milestone, all.
 */
import { addDays, daysBetween } from '../history/dates.js';
import type { HistoryRecord } from '../history/schema.js';
import { dailyStates } from '../history/series.js';
import type { Snapshot } from '../snapshot/schema.js';

export type Resolution = 'day' | 'week' | 'month';
export type RangeId = 'last-4-weeks' | 'since-milestone' | 'all';

/** The most points a series has at any range. */
export const MAX_POINTS = 60;
/** Daily resolution up to this many days. */
const DAILY_UP_TO = 56;

/** The resolution for a span of days: daily ≤ 8 weeks, weekly while ≤ MAX_POINTS weeks, then monthly. */
export function resolutionFor(from: string, to: string): Resolution {
  const days = daysBetween(from, to) + 1;
  if (days <= DAILY_UP_TO) return 'day';
  return Math.ceil(days / 7) <= MAX_POINTS ? 'week' : 'month';
}

/** The bucket a day falls in: itself, the Monday of its week, or the first of its month. */
export function bucketOf(day: string, resolution: Resolution): string {
  if (resolution === 'day') return day;
  if (resolution === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/**
 * Indexes of the days a chart shows: the last day of each bucket (the state at the end of the
 * week or month), so the latest point is always today's figure.
 */
export function sampleIndexes(days: readonly string[], resolution: Resolution): number[] {
  const out: number[] = [];
  days.forEach((day, i) => {
    const next = days[i + 1];
    if (next === undefined || bucketOf(next, resolution) !== bucketOf(day, resolution)) out.push(i);
  });
  return out;
}

/** Axis label of a sampled day: the day itself, or "2026-03" for a month. */
export function pointLabel(day: string, resolution: Resolution): string {
  return resolution === 'month' ? day.slice(0, 7) : day;
}

export interface TimeRange {
  id: RangeId;
  label: string;
  from: string;
  to: string;
  resolution: Resolution;
}

/** The ranges shown before any choice: all of it (the whole story fits MAX_POINTS points). */
export const DEFAULT_RANGE: RangeId = 'all';

/** The day of the latest milestone end on or before `asOf`, if any. */
export function lastMilestoneEnd(snapshot: Snapshot, asOf: string): string | null {
  const ends = snapshot.milestones.flatMap((m) => (m.endDate !== null && m.endDate <= asOf ? [m.endDate] : []));
  return ends.sort().at(-1) ?? null;
}

/**
 * The ranges of a chart over `start`..`asOf`: the last 4 weeks, since the last milestone (when
 * one has passed and it differs from the others), all. A range never starts before `start`.
 */
export function timeRanges(start: string, asOf: string, milestoneEnd: string | null): TimeRange[] {
  const range = (id: RangeId, label: string, from: string): TimeRange => {
    const clamped = from < start ? start : from;
    return { id, label, from: clamped, to: asOf, resolution: resolutionFor(clamped, asOf) };
  };
  const fourWeeks = addDays(asOf, -27);
  // A story shorter than four weeks has one range: all of it.
  const ranges = fourWeeks > start ? [range('last-4-weeks', 'Last 4 weeks', fourWeeks)] : [];
  if (milestoneEnd !== null && milestoneEnd > start && milestoneEnd < fourWeeks) {
    ranges.push(range('since-milestone', `Since the last milestone (${milestoneEnd})`, milestoneEnd));
  }
  ranges.push(range('all', 'All', start));
  return ranges;
}

/** The day the story of a site ends: the burndown's last day, else the snapshot's. */
export function asOfDay(snapshot: Snapshot): string {
  return snapshot.burndown?.points.at(-1)?.date ?? snapshot.generatedAt.slice(0, 10);
}

/** The first day of the story: the doc's start date, else the first history record's day. */
export function startDay(snapshot: Snapshot, history: readonly HistoryRecord[]): string {
  const first = snapshot.burndown?.points[0]?.date ?? history[0]?.at.slice(0, 10);
  return snapshot.doc.startDate ?? first ?? asOfDay(snapshot);
}

/** A metric's value at the end of each day from..to (null before the metric was first counted). */
export function dailyMetric(history: readonly HistoryRecord[], id: string, from: string, to: string): { day: string; value: number | null }[] {
  return dailyStates(history, from, to).map(({ day, record }) => ({ day, value: record && id in record.metrics ? (record.metrics[id] ?? null) : null }));
}
