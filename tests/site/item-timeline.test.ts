import { describe, expect, it } from 'vitest';
import { itemSparkline, sparklinePath } from '../../src/lib/site/charts.js';
import { itemTimeline, type ItemPoint } from '../../src/lib/site/item-timeline.js';
import { siteData } from './helpers.js';

const point = (date: string, remaining: number | null): ItemPoint => ({ date, commit: null, declared: 'in-progress', detected: 'in-progress', remaining });

describe('item timelines', () => {
  it('index every item’s points once per history, oldest first', () => {
    const { history } = siteData();
    const f27 = itemTimeline(history, 'file-27');
    expect(f27.map((p) => [p.date, p.detected, p.remaining])).toEqual([
      ['2026-01-19', 'not-started', null],
      ['2026-01-25', 'not-started', null],
      ['2026-02-03', 'done', 0],
      ['2026-02-08', 'in-progress', 1],
    ]);
    expect(itemTimeline(history, 'file-27')).toEqual(f27);
    expect(itemTimeline(history, 'file-41').map((p) => p.detected)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(itemTimeline(history, 'nope')).toEqual([]);
  });

  it('the sparkline keeps one value per day, the last of the day', () => {
    const spark = itemSparkline([point('2026-01-01', 5), point('2026-01-01', 4), point('2026-01-02', 4), point('2026-01-03', 2)], 'f', 'File 1')!;
    expect(spark.labels).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(spark.dataset.data).toEqual([4, 4, 2]);
    expect(spark.table.rows.map((r) => [r.label, r.cells[0]])).toEqual([['2026-01-01', '4'], ['2026-01-03', '2']]);
    expect(spark.table.caption).not.toContain('not counted');
  });

  it('no sparkline for fewer than two days or when no day has a count', () => {
    expect(itemSparkline([point('2026-01-01', 3), point('2026-01-01', 2)], 'f', 'File 1')).toBeNull();
    expect(itemSparkline([point('2026-01-01', null), point('2026-01-02', null)], 'f', 'File 1')).toBeNull();
  });
});

describe('sparkline paths', () => {
  it('scale to the box, break at gaps and mark a lone value', () => {
    expect(sparklinePath([2, 1, 0])).toBe('M0 1L50 12L100 23');
    expect(sparklinePath([null, 3, null, 1, 1])).toBe('M25 1h0.5M75 15.67L100 15.67');
    expect(sparklinePath([0, 0])).toBe('M0 23L100 23');
    expect(sparklinePath([null, null])).toBe('');
  });
});
