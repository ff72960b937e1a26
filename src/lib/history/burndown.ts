/**
 * The burndown: per day, how many slots there are (scope), how many are left by the doc's word
 * (declared) and by the code's (verified), and where the plan says we should be (ideal). Pure.
 * Issue 5: scope changes are shown as scope, not progress, so remaining is always slots − done.
 */
import type { Milestone, TrackingDoc } from '../doc/model.js';
import { daysBetween, dayOf } from './dates.js';
import type { HistoryRecord } from './schema.js';
import { dailyStates, declaredRemaining, verifiedRemaining } from './series.js';

/** One day of the burndown (matches the snapshot's `BurndownPoint`). */
export interface BurndownDay {
  date: string;
  commit: string | null;
  scope: number;
  declaredRemaining: number | null;
  verifiedRemaining: number | null;
  ideal: number | null;
  /** Slots added (+) or removed (−) since the previous day: scope change, not progress. */
  scopeChange: number;
  /** Metric id → value that day. */
  metrics: Record<string, number | null>;
}

/**
 * Points for every day from the migration's start (the doc's start date, else the first record)
 * to `today`. Days without a commit repeat the previous state. Before the first record, remaining
 * is null and scope is the current doc's.
 */
export function buildBurndown(records: readonly HistoryRecord[], doc: TrackingDoc, today: string): BurndownDay[] {
  const first = records.length > 0 ? records.map((r) => dayOf(r.at)).sort()[0] : undefined;
  const start = doc.header.startDate ?? first ?? today;
  const states = dailyStates(records, start, today < start ? start : today);
  const currentScope = doc.items.length;
  let previousScope: number | null = null;
  const points = states.map(({ day, record }): BurndownDay => {
    const scope = record?.slots ?? currentScope;
    const change = previousScope === null ? 0 : scope - previousScope;
    previousScope = scope;
    return {
      date: day,
      commit: record?.commit ?? null,
      scope,
      declaredRemaining: declaredRemaining(record),
      verifiedRemaining: verifiedRemaining(record),
      ideal: null,
      scopeChange: change,
      metrics: record?.metrics ?? {},
    };
  });
  const plan = idealPlan(start, doc.milestones);
  for (const point of points) point.ideal = idealRemaining(plan, point.date, point.scope);
  return points;
}

/** (day, fraction of scope still remaining) knots: 1 at the start, then each dated target. */
export type IdealKnot = { day: string; remainingFraction: number };

export function idealPlan(start: string, milestones: readonly Milestone[]): IdealKnot[] {
  const knots: IdealKnot[] = [{ day: start, remainingFraction: 1 }];
  const targets = milestones
    .filter((m) => m.endDate !== null && m.target !== null && m.target.total > 0)
    .sort((a, b) => (a.endDate ?? '').localeCompare(b.endDate ?? ''));
  for (const milestone of targets) {
    const target = milestone.target;
    if (milestone.endDate === null || target === null || milestone.endDate <= start) continue;
    knots.push({ day: milestone.endDate, remainingFraction: Math.max(0, 1 - target.done / target.total) });
  }
  return knots;
}

/**
 * The ideal remaining on `day`, as a share of that day's scope (so a scope change moves the line
 * with it), interpolated between knots and flat after the last. Null before the start or when the
 * plan has no dated target.
 */
export function idealRemaining(plan: readonly IdealKnot[], day: string, scope: number): number | null {
  const start = plan[0];
  if (start === undefined || plan.length < 2 || day < start.day) return null;
  for (let i = 1; i < plan.length; i++) {
    const from = plan[i - 1];
    const to = plan[i];
    if (from === undefined || to === undefined || day > to.day) continue;
    const t = daysBetween(from.day, day) / Math.max(1, daysBetween(from.day, to.day));
    return round2(scope * (from.remainingFraction + (to.remainingFraction - from.remainingFraction) * t));
  }
  return round2(scope * (plan[plan.length - 1]?.remainingFraction ?? 0));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

