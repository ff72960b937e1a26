/**
 * The snapshot's view over time (snapshot/schema.ts): the doc's milestones as judged against the
 * history, the burndown's daily points and the completion forecast (history stage). Part of the
 * one snapshot contract (docs/SNAPSHOT.md, SNAPSHOT_SCHEMA_VERSION).
 */
import * as z from 'zod/v4';
import { Int } from '../schema-numbers.js';

export const MilestoneStatus = z.enum(['met', 'missed', 'met-late', 'at-risk', 'on-track', 'not-yet-due', 'no-target']);

export const SnapshotMilestone = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targetDone: z.number().nullable(),
  targetTotal: z.number().nullable(),
  status: MilestoneStatus,
  /** Declared done on the milestone's end date (from history), when known. */
  actualDone: z.number().nullable(),
  metOn: z.string().nullable(),
  explanation: z.string(),
  tasks: z.array(z.object({ text: z.string(), checked: z.boolean() })),
});

export const BurndownPoint = z.object({
  date: z.string(),
  commit: z.string().nullable(),
  scope: z.number(),
  declaredRemaining: z.number().nullable(),
  verifiedRemaining: z.number().nullable(),
  ideal: z.number().nullable(),
  /** Slots added (+) or removed (−) in the doc since the previous day: scope, not progress (history stage). */
  scopeChange: z.number().optional(),
  /** Metric id → value at the end of that day (history stage), for per-metric charts. */
  metrics: z.record(z.string(), z.number().nullable()).optional(),
});

export const Forecast = z.object({
  /** Projected completion date, never in the past; null when velocity is zero or unknown. */
  date: z.string().nullable(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  velocityPerDay: z.number().nullable(),
  windowDays: Int,
  message: z.string(),
});
