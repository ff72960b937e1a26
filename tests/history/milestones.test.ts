import { describe, expect, it } from 'vitest';
import { forecastCompletion, judgeMilestones } from '../../src/lib/history/index.js';
import { milestone, record, WEEKS } from './records.js';

const judge = (records: ReturnType<typeof record>[], today: string, milestones = WEEKS) =>
  judgeMilestones(milestones, records, forecastCompletion(records, { windowDays: 7 }, today), today);

describe('judgeMilestones', () => {
  it('met on date, met late with the date, no target', () => {
    const records = [record('2026-01-19', 0), record('2026-01-24', 26), record('2026-02-03', 76)];
    const [week1, week2, week3] = judge(records, '2026-02-05');
    expect(week1).toMatchObject({ status: 'met', metOn: '2026-01-24', actualDone: 26 });
    expect(week1?.explanation).toBe('Met on Jan 24: 26/76 reached by Jan 25.');
    expect(week2).toMatchObject({ status: 'met-late', metOn: '2026-02-03', actualDone: 26 });
    expect(week2?.explanation).toBe('Met 2 days late, on Feb 3 (target 76/76 by Feb 1).');
    expect(week3).toMatchObject({ status: 'no-target', explanation: 'No numeric target; 0 of 1 tasks are checked.' });
  });

  it('missed, by how much', () => {
    const [week1] = judge([record('2026-01-19', 0), record('2026-01-25', 20), record('2026-01-27', 22)], '2026-01-28');
    expect(week1).toMatchObject({ status: 'missed', actualDone: 20, metOn: null });
    expect(week1?.explanation).toBe('Missed by 6: 20 of 26 done on Jan 25; 22 done now.');
  });

  it('on track, at risk and not yet due from the forecast velocity', () => {
    const steady = Array.from({ length: 4 }, (_, i) => record(`2026-01-${19 + i}`, i * 5));
    // Jan 22, 15 done at 5/day: 30 by Jan 25 (need 26) → on track; 65 by Feb 1 (need 76) → at risk.
    const [week1, week2] = judge(steady, '2026-01-22');
    expect(week1?.status).toBe('on-track');
    expect(week2?.status).toBe('at-risk');
    expect(week2?.explanation).toBe('At risk: 15 done, about 65 by Feb 1 at 5 per day; needs 76.');
    const fast = Array.from({ length: 4 }, (_, i) => record(`2026-01-${19 + i}`, i * 9));
    expect(judge(fast, '2026-01-22')[1]?.status).toBe('not-yet-due');
  });

  it('scales the target with the scope', () => {
    const grown = [record('2026-01-19', 0, 76), record('2026-01-25', 26, 80)];
    // 26/76 of 80 slots is 27.4 → 28 needed.
    expect(judge(grown, '2026-01-26', [milestone('w', '2026-01-19', '2026-01-25', [26, 76])])[0]).toMatchObject({ status: 'missed' });
  });

  it('with no history says so instead of inventing numbers', () => {
    const [week1] = judge([], '2026-01-20');
    expect(week1?.status).toBe('at-risk');
    const [late] = judge([record('2026-01-27', 10)], '2026-01-28');
    expect(late?.explanation).toMatch(/history starts after Jan 25/);
  });
});
