/**
 * `formatDay` prints from a month table (issue 21: `toLocaleDateString` loads ICU's date data on
 * its first call, 20–40 ms of a cold `scan`): every day of a leap year and a common one, checked
 * against what `toLocaleDateString('en-US')` prints, with and without the year.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/history/dates.js';

function days(year: number): string[] {
  const out: string[] = [];
  for (let at = Date.UTC(year, 0, 1); new Date(at).getUTCFullYear() === year; at += 86_400_000) out.push(new Date(at).toISOString().slice(0, 10));
  return out;
}

describe('formatDay', () => {
  it('prints every day as en-US does', () => {
    for (const day of [...days(2028), ...days(2026)]) {
      const intl = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
      expect(formatDay(day, '2026-06-01')).toBe(day.startsWith('2026') ? intl : `${intl}, ${day.slice(0, 4)}`);
      expect(formatDay(day)).toBe(`${intl}, ${day.slice(0, 4)}`);
    }
  });
});
