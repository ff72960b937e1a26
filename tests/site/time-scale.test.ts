/** Issue 18 items 1-2: resolution from the span, ranges, and marks placed on the right points. */
import { describe, expect, it } from 'vitest';
import { dayRange } from '../../src/lib/history/dates.js';
import { annotate, bigMoves, docEditDays, moveEvents } from '../../src/lib/site/annotations.js';
import { bucketOf, MAX_POINTS, resolutionFor, sampleIndexes, timeRanges } from '../../src/lib/site/time-scale.js';

describe('time scale', () => {
  it('is daily up to 8 weeks, weekly up to 60 weeks, then monthly', () => {
    expect(resolutionFor('2026-01-01', '2026-02-25')).toBe('day'); // 56 days
    expect(resolutionFor('2026-01-01', '2026-02-26')).toBe('week');
    expect(resolutionFor('2026-01-05', '2026-12-03')).toBe('week');
    expect(resolutionFor('2025-01-01', '2026-12-03')).toBe('month');
  });

  it('buckets by ISO week (Monday) and month, sampling the last day of each', () => {
    expect(bucketOf('2026-03-08', 'week')).toBe('2026-03-02'); // a Sunday
    expect(bucketOf('2026-03-09', 'week')).toBe('2026-03-09');
    expect(bucketOf('2026-03-31', 'month')).toBe('2026-03-01');
    const days = dayRange('2026-03-01', '2026-03-20');
    expect(sampleIndexes(days, 'week').map((i) => days[i])).toEqual(['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-20']);
  });

  it('never has more than 60 points at any range, over spans up to five years', () => {
    for (const end of ['2026-02-01', '2026-06-30', '2026-12-31', '2027-12-31', '2030-12-31']) {
      for (const r of timeRanges('2026-01-01', end, '2026-01-20')) {
        const days = dayRange(r.from, r.to);
        expect(sampleIndexes(days, r.resolution).length, `${r.id} to ${end}`).toBeLessThanOrEqual(MAX_POINTS);
      }
    }
  });

  it('offers last 4 weeks, since the last milestone and all; one range for a short story', () => {
    expect(timeRanges('2026-01-05', '2026-12-03', '2026-03-27').map((r) => [r.id, r.from, r.resolution])).toEqual([
      ['last-4-weeks', '2026-11-06', 'day'],
      ['since-milestone', '2026-03-27', 'week'],
      ['all', '2026-01-05', 'week'],
    ]);
    expect(timeRanges('2026-01-19', '2026-02-08', null).map((r) => r.id)).toEqual(['all']);
    // A milestone inside the last four weeks adds nothing the first range does not show.
    expect(timeRanges('2026-01-05', '2026-12-03', '2026-11-20').map((r) => r.id)).toEqual(['last-4-weeks', 'all']);
  });
});

describe('annotations', () => {
  it('finds big moves only, and calls a rise of a remaining count scope, a fall a drop', () => {
    const series = [75, 73, 70, 310, 305, 65, 68].map((value, i) => ({ day: `2026-03-0${i + 1}`, value }));
    const moves = bigMoves(series);
    expect(moves).toEqual([{ day: '2026-03-04', from: 70, to: 310 }, { day: '2026-03-06', from: 305, to: 65 }]);
    expect(moveEvents(moves, 'calls', 'lower').map((e) => e.kind)).toEqual(['scope', 'drop']);
    expect(moveEvents(moves, 'uses', 'higher').map((e) => e.kind)).toEqual(['drop', 'scope']);
  });

  it('places events on the point of their bucket, merging those that share one', () => {
    const days = ['2026-03-08', '2026-03-15', '2026-03-22'];
    const marks = annotate([
      { day: '2026-03-10', kind: 'milestone', text: 'Phase 1 due' },
      { day: '2026-03-12', kind: 'doc-edit', text: 'doc edited' },
      { day: '2026-02-01', kind: 'doc-edit', text: 'before the range' },
      { day: '2026-04-01', kind: 'doc-edit', text: 'after the range' },
    ], days, 'week');
    expect(marks).toEqual([{ index: 1, kinds: ['milestone', 'doc-edit'], mark: 'M D', colour: expect.any(String), text: '2026-03-10: Phase 1 due; 2026-03-12: doc edited' }]);
  });

  it('dates doc edits by the first record with a new doc commit', () => {
    const r = (at: string, docCommit: string | null) => ({ at, docCommit }) as never;
    expect(docEditDays([r('2026-01-05T10:00:00Z', 'a'), r('2026-01-06T10:00:00Z', 'a'), r('2026-01-09T10:00:00Z', 'b'), r('2026-01-10T10:00:00Z', 'b')])).toEqual(['2026-01-09']);
  });
});
