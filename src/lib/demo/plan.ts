/** The whole demo history, 2026-01-19 → 2026-02-08, in day order. */
import type { PlanDay } from './plan-types.js';
import { WEEK_1 } from './plan-week1.js';
import { WEEK_2 } from './plan-week2.js';
import { WEEK_3 } from './plan-week3.js';

export const PLAN: readonly PlanDay[] = [...WEEK_1, ...WEEK_2, ...WEEK_3];
