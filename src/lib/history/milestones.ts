/**
 * Judging each milestone of the doc against the history (issue 5): met on date, met late (when),
 * missed (by how much), at risk (the forecast says so), on track, not yet due, or no numeric
 * target. The count judged is what the doc declares done, as a share of the scope that day, so a
 * milestone of "26/76" needs 28 when the doc has grown to 80 slots. Pure.
 */
import type { Milestone } from '../doc/model.js';
import { daysBetween, dayOf, formatDay } from './dates.js';
import type { CompletionForecast } from './forecast.js';
import type { HistoryRecord } from './schema.js';
import { dailyStates } from './series.js';

export type MilestoneStatus = 'met' | 'missed' | 'met-late' | 'at-risk' | 'on-track' | 'not-yet-due' | 'no-target';

/** Matches the snapshot's `SnapshotMilestone`. */
export interface JudgedMilestone {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  targetDone: number | null;
  targetTotal: number | null;
  status: MilestoneStatus;
  actualDone: number | null;
  metOn: string | null;
  explanation: string;
  tasks: { text: string; checked: boolean }[];
}

/** Judges every milestone as of `today` (YYYY-MM-DD). */
export function judgeMilestones(
  milestones: readonly Milestone[],
  records: readonly HistoryRecord[],
  forecast: CompletionForecast,
  today: string,
): JudgedMilestone[] {
  const firstDay = records.map((r) => dayOf(r.at)).sort()[0];
  const states = firstDay === undefined || firstDay > today ? [] : dailyStates(records, firstDay, today);
  return milestones.map((milestone) => judgeOne(milestone, states, forecast, today));
}

type States = ReturnType<typeof dailyStates>;

function judgeOne(milestone: Milestone, states: States, forecast: CompletionForecast, today: string): JudgedMilestone {
  const { target, endDate } = milestone;
  const base = {
    id: milestone.id,
    title: milestone.title,
    startDate: milestone.startDate,
    endDate,
    targetDone: target?.done ?? null,
    targetTotal: target?.total ?? null,
    tasks: milestone.tasks.map((t) => ({ text: t.text, checked: t.checked })),
  };
  if (target === null || target.total <= 0) {
    const checked = milestone.tasks.filter((t) => t.checked).length;
    return { ...base, status: 'no-target', actualDone: null, metOn: null,
      explanation: `No numeric target; ${checked} of ${milestone.tasks.length} tasks are checked.` };
  }
  const share = target.done / target.total;
  const required = (slots: number): number => Math.ceil(share * slots - 1e-9);
  const metState = states.find((s) => s.record?.declaredDone != null && s.record.slots != null && s.record.declaredDone >= required(s.record.slots));
  const metOn = metState?.day ?? null;
  const due = endDate ?? today;
  const atDue = [...states].reverse().find((s) => s.day <= due)?.record ?? null;
  const actualDone = atDue?.declaredDone ?? null;
  const latest = states[states.length - 1]?.record ?? null;
  const goal = `${target.done}/${target.total}`;
  const dueText = endDate === null ? 'its date' : formatDay(endDate, today);

  if (metOn !== null && (endDate === null || metOn <= endDate)) {
    return { ...base, status: 'met', actualDone, metOn, explanation: `Met on ${formatDay(metOn, today)}: ${goal} reached by ${dueText}.` };
  }
  if (endDate !== null && today > endDate) {
    if (metOn !== null) {
      const late = daysBetween(endDate, metOn);
      return { ...base, status: 'met-late', actualDone, metOn,
        explanation: `Met ${late} day${late === 1 ? '' : 's'} late, on ${formatDay(metOn, today)} (target ${goal} by ${dueText}).` };
    }
    if (atDue === null) {
      return { ...base, status: 'missed', actualDone: null, metOn: null,
        explanation: `Not met: the history starts after ${dueText}, and ${goal} has not been reached since.` };
    }
    const need = atDue.slots != null ? required(atDue.slots) : target.done;
    const short = need - (actualDone ?? 0);
    const now = latest?.declaredDone ?? null;
    return { ...base, status: 'missed', actualDone, metOn: null,
      explanation: `Missed by ${short}: ${actualDone ?? 0} of ${need} done on ${dueText}` + (now === null ? '.' : `; ${now} done now.`) };
  }
  return { ...base, ...judgeAhead(milestone, latest, required, forecast, today, goal, dueText), actualDone, metOn: null };
}

/** Not yet met and not past due: does the current velocity get there in time? */
function judgeAhead(
  milestone: Milestone,
  latest: HistoryRecord | null,
  required: (slots: number) => number,
  forecast: CompletionForecast,
  today: string,
  goal: string,
  dueText: string,
): { status: MilestoneStatus; explanation: string } {
  const started = milestone.startDate === null || milestone.startDate <= today;
  const done = latest?.declaredDone ?? null;
  const slots = latest?.slots ?? null;
  const velocity = forecast.velocityPerDay;
  if (done === null || slots === null || velocity === null || milestone.endDate === null) {
    return started
      ? { status: 'at-risk', explanation: `Target ${goal} by ${dueText}; no velocity yet to say whether it will be met.` }
      : { status: 'not-yet-due', explanation: `Starts ${formatDay(milestone.startDate ?? today, today)}; target ${goal} by ${dueText}.` };
  }
  const days = daysBetween(today, milestone.endDate);
  const projected = Math.floor(done + Math.max(0, velocity) * days);
  const need = required(slots);
  if (projected >= need) {
    return started
      ? { status: 'on-track', explanation: `On track: ${done} done, about ${Math.min(projected, slots)} by ${dueText} at ${velocity} per day (need ${need}).` }
      : { status: 'not-yet-due', explanation: `Not started yet; at ${velocity} per day about ${Math.min(projected, slots)} would be done by ${dueText} (need ${need}).` };
  }
  return { status: 'at-risk',
    explanation: `At risk: ${done} done, about ${projected} by ${dueText} at ${Math.max(0, velocity)} per day; needs ${need}.` };
}
