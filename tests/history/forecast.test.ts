import { describe, expect, it } from 'vitest';
import { forecastCompletion, leastSquares } from '../../src/lib/history/index.js';
import { record } from './records.js';

/** Remaining 76, 73, 70, ... : exactly 3 a day. */
function steady(days: number, perDay: number, from = 19): ReturnType<typeof record>[] {
  return Array.from({ length: days }, (_, i) => record(`2026-01-${String(from + i).padStart(2, '0')}`, i * perDay));
}

describe('forecastCompletion', () => {
  it('extrapolates a constant velocity exactly', () => {
    // Jan 19..28: done 0..27 → remaining 49 on the 28th at 3/day → 17 days → Feb 14.
    const forecast = forecastCompletion(steady(10, 3), { windowDays: 10 }, '2026-01-28');
    expect(forecast.velocityPerDay).toBe(3);
    expect(forecast.date).toBe('2026-02-14');
    // A perfect fit has no spread.
    expect([forecast.earliest, forecast.latest]).toEqual(['2026-02-14', '2026-02-14']);
  });

  it('gives a range around a noisy velocity and never a date in the past', () => {
    const noisy = [0, 4, 5, 9, 10, 16, 17, 20].map((done, i) => record(`2026-01-${19 + i}`, done));
    const forecast = forecastCompletion(noisy, { windowDays: 8 }, '2026-01-26');
    expect(forecast.earliest! < forecast.date!).toBe(true);
    expect(forecast.latest! > forecast.date!).toBe(true);
    expect(forecast.earliest! > '2026-01-26').toBe(true);
  });

  it('says "no progress in N days" at zero or negative velocity, without a date', () => {
    const stalled = [record('2026-01-19', 5), record('2026-01-20', 10), record('2026-01-24', 10)];
    const flat = forecastCompletion(stalled, { windowDays: 5 }, '2026-01-28');
    expect(flat.date).toBeNull();
    expect(flat.message).toBe('No progress in 5 days: 66 files remaining by the doc.');
    const worse = forecastCompletion([record('2026-01-19', 10), record('2026-01-20', 8)], { windowDays: 7 }, '2026-01-20');
    expect(worse.date).toBeNull();
    expect(worse.velocityPerDay).toBe(-2);
  });

  it('handles no history, one day, and completion without dividing by zero', () => {
    expect(forecastCompletion([], {}, '2026-01-20').message).toMatch(/No history yet/);
    expect(forecastCompletion([record('2026-01-20', 3)], {}, '2026-01-20').date).toBeNull();
    expect(forecastCompletion(steady(3, 38), {}, '2026-01-21').message).toBe('Complete: nothing remains.');
    expect(leastSquares([{ x: 1, y: 2 }, { x: 1, y: 4 }])).toEqual({ slope: 0, intercept: 3, slopeError: 0 });
  });

  it('projects from today, not from the last record', () => {
    // Progress stopped at the 23rd at 3/day; asked on the 25th with a 7-day window the fit slows.
    const forecast = forecastCompletion(steady(5, 3), { windowDays: 7 }, '2026-01-25');
    expect(forecast.date! > '2026-01-25').toBe(true);
    expect(forecast.velocityPerDay!).toBeLessThan(3);
  });

  it('can forecast on the verified count instead', () => {
    const records = steady(4, 2).map((r, i) => ({ ...r, verifiedDone: i }));
    expect(forecastCompletion(records, { basis: 'verified' }, '2026-01-22').velocityPerDay).toBe(1);
  });
});
