/** Builders for constructed history records (known answers for burndown, forecast, milestones). */
import type { Milestone, TrackingDoc } from '../../src/lib/doc/model.js';
import type { HistoryRecord } from '../../src/lib/history/index.js';

let counter = 0;

/** A backfill record at noon UTC of `day` with the given totals. */
export function record(day: string, declaredDone: number | null, slots: number | null = 76, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  counter++;
  return {
    at: `${day}T12:00:00Z`,
    commit: counter.toString(16).padStart(40, '0'),
    docCommit: null,
    source: 'backfill',
    metrics: {},
    categories: {},
    items: {},
    declaredDone,
    verifiedDone: declaredDone,
    slots,
    ...extra,
  };
}

export function sha(n: number): string {
  return n.toString(16).padStart(40, 'a');
}

export function milestone(id: string, startDate: string | null, endDate: string | null, target: [number, number] | null): Milestone {
  return {
    id,
    title: id,
    startDate,
    endDate,
    target: target === null ? null : { done: target[0], total: target[1], percent: null },
    targetText: null,
    tasks: [{ text: 'a task', checked: false, categoryIds: [], source: { startLine: 1, endLine: 1 } }],
    source: { startLine: 1, endLine: 1 },
  };
}

/** The demo doc's three milestones: Week 1 26/76 by Jan 25, Week 2 76/76 by Feb 1, Week 3 no target. */
export const WEEKS = [
  milestone('week-1', '2026-01-19', '2026-01-25', [26, 76]),
  milestone('week-2', '2026-01-26', '2026-02-01', [76, 76]),
  milestone('week-3', '2026-02-02', '2026-02-08', null),
];

/** A minimal doc: only what the burndown reads (start date, milestones, item count). */
export function docWith(startDate: string | null, milestones: Milestone[], slots = 76): TrackingDoc {
  return {
    path: 'TRACKING.md',
    encoding: { repairedFrom: null, bom: false, crlf: false },
    header: { title: null, project: null, startDate, status: null, progress: null, fields: {}, lastUpdated: null },
    summary: [],
    categories: [],
    items: Array.from({ length: slots }, () => ({}) as TrackingDoc['items'][number]),
    groups: [],
    milestones,
    commands: [],
    text: '',
    diagnostics: [],
  };
}
