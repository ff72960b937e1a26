/**
 * Calendar-day arithmetic on "YYYY-MM-DD" strings. Days are the dates people write in the doc, so
 * we never go through local time: a record's day is the date part of its ISO time as written (the
 * committer's own calendar day), and arithmetic is done in UTC.
 */

const DAY_MS = 86_400_000;

/**
 * True for a real calendar day written YYYY-MM-DD: "2026-13-45" and "2026-02-30" are not (a Date
 * would roll the latter over to March 2, and the former is an invalid time that throws later).
 */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** "2026-01-20T23:30:00-08:00" → "2026-01-20": the day in the writer's own time zone. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day from `from` to `to`, inclusive; empty when `to` is before `from`. */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Today as a day, in UTC (callers pass `today` explicitly so tests are stable). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** en-US's short month names, as `toLocaleDateString('en-US', { month: 'short' })` prints them. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Jan 25" / "Feb 1, 2027" for explanations: the year only when it differs from `reference`.
 * From a table, not `toLocaleDateString`: its first call loads ICU's date and time-zone data, which
 * cost every `scan` with milestones 20–40 ms of a cold start (issue 21).
 */
export function formatDay(day: string, reference?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const text = Number.isNaN(date.getTime()) ? 'Invalid Date' : `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return reference !== undefined && reference.slice(0, 4) === day.slice(0, 4) ? text : `${text}, ${day.slice(0, 4)}`;
}
