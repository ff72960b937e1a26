import { describe, expect, it } from 'vitest';
import { buildBurndown, idealPlan, idealRemaining } from '../../src/lib/history/index.js';
import { docWith, record, WEEKS } from './records.js';

describe('buildBurndown', () => {
  const records = [record('2026-01-19', 0), record('2026-01-21', 10), record('2026-01-21', 12), record('2026-01-24', 20)];
  const points = buildBurndown(records, docWith('2026-01-19', WEEKS), '2026-01-26');

  it('has one point per day from the start date to today, carrying the last state forward', () => {
    expect(points.map((p) => p.date)).toEqual([
      '2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23', '2026-01-24', '2026-01-25', '2026-01-26',
    ]);
    expect(points.map((p) => p.declaredRemaining)).toEqual([76, 76, 64, 64, 64, 56, 56, 56]);
    // The last record of the 21st wins.
    expect(points[2]?.commit).toBe(records[2]?.commit);
  });

  it('draws the ideal line from all remaining at the start through each dated target', () => {
    expect(points[0]?.ideal).toBe(76);
    // Week 1: 26/76 by Jan 25 → 50 remaining; Week 2: 76/76 by Feb 1 → 0.
    expect(points[6]?.ideal).toBe(50);
    expect(points[7]?.ideal).toBeCloseTo(50 - 50 / 7, 2);
    const plan = idealPlan('2026-01-19', WEEKS);
    expect(idealRemaining(plan, '2026-02-01', 76)).toBe(0);
    expect(idealRemaining(plan, '2026-02-05', 76)).toBe(0);
    expect(idealRemaining(plan, '2026-01-18', 76)).toBeNull();
  });

  it('shows a scope change as scope, not as progress', () => {
    const grown = buildBurndown([record('2026-01-19', 10, 76), record('2026-01-20', 10, 80)], docWith('2026-01-19', WEEKS, 80), '2026-01-20');
    expect(grown.map((p) => [p.scope, p.scopeChange, p.declaredRemaining])).toEqual([[76, 0, 66], [80, 4, 70]]);
  });

  it('has no remaining before the first record and none when the doc did not exist', () => {
    const early = buildBurndown([record('2026-01-21', null, null)], docWith('2026-01-19', []), '2026-01-21');
    expect(early.map((p) => p.declaredRemaining)).toEqual([null, null, null]);
    expect(early.map((p) => p.scope)).toEqual([76, 76, 76]);
    expect(early.every((p) => p.ideal === null)).toBe(true);
  });
});
