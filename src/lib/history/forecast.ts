/**
 * When will it be done? A least-squares line through the daily remaining count over the last
 * `windowDays` days; its slope is the velocity, and its standard error gives the range. Pure.
 * Issue 5: never a date in the past, never a division by zero, "no progress in N days" at zero.
 */
import { plural } from '../snapshot/figures.js';
import type { ItemNoun } from '../snapshot/schema.js';
import { addDays, dayOf, daysBetween } from './dates.js';
import type { HistoryRecord } from './schema.js';
import { dailyStates, declaredRemaining, verifiedRemaining } from './series.js';

export interface ForecastOptions {
  /** Days of history the fit looks at, ending today. @default 14 */
  windowDays?: number;
  /** Which remaining count to extrapolate: the doc's word or the code's. @default "declared" */
  basis?: 'declared' | 'verified';
  /** What remains: files, or items when some are not files (snapshot/figures.ts nounOf). @default "file" */
  noun?: ItemNoun;
}

/** Matches the snapshot's `Forecast`. */
export interface CompletionForecast {
  date: string | null;
  earliest: string | null;
  latest: string | null;
  velocityPerDay: number | null;
  windowDays: number;
  message: string;
}

/** Beyond this a "date" is noise; say so instead. */
const MAX_DAYS = 3650;

/** Forecasts the day remaining reaches zero, from the records up to `today`. */
export function forecastCompletion(records: readonly HistoryRecord[], options: ForecastOptions, today: string): CompletionForecast {
  const windowDays = Math.max(2, Math.floor(options.windowDays ?? 14));
  const remainingOf = options.basis === 'verified' ? verifiedRemaining : declaredRemaining;
  // Says whose count it is: the summary prints both, and "2 remaining" beside "1 file left in
  // code" reads as a bug when the 2 is the doc's (issue 18, item 7).
  const left = (n: number) => `${plural(n, options.noun ?? 'file')} remaining ${options.basis === 'verified' ? 'in the code' : 'by the doc'}`;
  const result = (fields: Partial<CompletionForecast>, message: string): CompletionForecast => ({
    date: null, earliest: null, latest: null, velocityPerDay: null, windowDays, ...fields, message,
  });
  const firstDay = records.map((r) => dayOf(r.at)).sort()[0];
  if (firstDay === undefined) return result({}, 'No history yet: run a backfill or a few builds to get a forecast.');
  const from = maxDay(addDays(today, -(windowDays - 1)), firstDay);
  const points = dailyStates(records, from, today)
    .map(({ day, record }) => ({ x: daysBetween(from, day), y: remainingOf(record) }))
    .filter((p): p is { x: number; y: number } => p.y !== null);
  const now = points[points.length - 1];
  if (now === undefined) return result({}, 'No declared progress recorded yet in the forecast window.');
  if (now.y === 0) return result({ velocityPerDay: 0 }, 'Complete: nothing remains.');
  if (points.length < 2) return result({}, `Not enough history for a forecast (${plural(points.length, 'day')}); need at least 2.`);

  const fit = leastSquares(points);
  const velocity = -fit.slope;
  if (!(velocity > 1e-9)) {
    const stalled = daysSinceLastDrop(points);
    return result({ velocityPerDay: round2(velocity) }, `No progress in ${plural(stalled, 'day')}: ${left(now.y)}.`);
  }
  const spread = 2 * fit.slopeError;
  const daysAt = (v: number): number | null => (v > 1e-9 && now.y / v <= MAX_DAYS ? Math.max(1, Math.ceil(now.y / v)) : null);
  const days = daysAt(velocity);
  const fast = daysAt(velocity + spread);
  const slow = daysAt(velocity - spread);
  const date = days === null ? null : addDays(today, days);
  const message = date === null
    ? `At ${round2(velocity)} per day, ${left(now.y)} would take more than ten years.`
    : `${left(now.y)} at ${round2(velocity)} per day (fit over ${plural(points.length, 'day')}): done around ${date}` +
      (slow === null ? ', possibly much later.' : '.');
  return result({
    date,
    earliest: fast === null ? date : addDays(today, fast),
    latest: slow === null ? null : addDays(today, slow),
    velocityPerDay: round2(velocity),
  }, message);
}

/** Ordinary least squares of y on x, with the slope's standard error (0 for 2 points or a perfect fit). */
export function leastSquares(points: readonly { x: number; y: number }[]): { slope: number; intercept: number; slopeError: number } {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  // All x equal (one distinct day) cannot define a slope: report flat rather than divide by zero.
  if (sxx === 0) return { slope: 0, intercept: meanY, slopeError: 0 };
  const slope = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const residual = points.reduce((s, p) => s + (p.y - intercept - slope * p.x) ** 2, 0);
  const slopeError = n > 2 ? Math.sqrt(residual / (n - 2) / sxx) : 0;
  return { slope, intercept, slopeError };
}

/** Days since the remaining count last went down, within the window (the whole window if never). */
function daysSinceLastDrop(points: readonly { x: number; y: number }[]): number {
  const last = points[points.length - 1];
  if (last === undefined) return 0;
  for (let i = points.length - 1; i > 0; i--) {
    const point = points[i];
    const before = points[i - 1];
    if (point && before && point.y < before.y) return last.x - point.x;
  }
  return last.x - (points[0]?.x ?? 0) + 1;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
