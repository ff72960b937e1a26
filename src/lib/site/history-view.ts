/**
 * Reading the history series for the pages: the previous run, per-metric deltas, per-item
 * transitions ("what moved") and an item's own timeline.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { ItemStatus, Snapshot } from '../snapshot/schema.js';
import { normaliseStatus } from './status.js';

/**
 * The record before the current run: the last one whose commit differs from the snapshot's
 * (the history usually already holds a record for the current run itself).
 */
export function previousRecord(history: readonly HistoryRecord[], snapshot: Snapshot): HistoryRecord | null {
  const current = snapshot.repo.commit;
  const now = Date.parse(snapshot.generatedAt);
  for (let i = history.length - 1; i >= 0; i--) {
    const record = history[i]!;
    // Outside git there is no commit to compare: the current run is any record not older than now.
    if (current !== null ? record.commit === current : Date.parse(record.at) >= now) continue;
    return record;
  }
  return null;
}

/** The state of one item at a point, as the pages compare it. */
export interface ItemState {
  declared: ItemStatus;
  detected: ItemStatus;
}

/** Item id → state, from the snapshot (the "now" side of every comparison). */
export function snapshotStates(snapshot: Snapshot): Map<string, ItemState> {
  return new Map(snapshot.items.map((i) => [i.id, { declared: i.declaredStatus, detected: i.detectedStatus }]));
}

/** Item id → state, from a history record. */
export function recordStates(record: HistoryRecord): Map<string, ItemState> {
  return new Map(
    Object.entries(record.items)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => [id, { declared: normaliseStatus(r.declared), detected: normaliseStatus(r.detected) }]),
  );
}

export type TransitionKind = 'completed' | 'regressed' | 'declared-done' | 'declared-changed';

/** One thing that moved for one item between two points. */
export interface Transition {
  itemId: string;
  kind: TransitionKind;
  from: ItemStatus;
  to: ItemStatus;
}

/** Item transitions from `before` to `after`, in the after-map's order (stable). */
export function transitions(before: Map<string, ItemState>, after: Map<string, ItemState>): Transition[] {
  const out: Transition[] = [];
  for (const [itemId, now] of after) {
    const was = before.get(itemId);
    if (!was) continue;
    if (was.detected !== 'done' && now.detected === 'done') out.push({ itemId, kind: 'completed', from: was.detected, to: now.detected });
    if (was.detected === 'done' && now.detected !== 'done') out.push({ itemId, kind: 'regressed', from: was.detected, to: now.detected });
    if (was.declared !== now.declared) {
      out.push({ itemId, kind: now.declared === 'done' ? 'declared-done' : 'declared-changed', from: was.declared, to: now.declared });
    }
  }
  return out;
}

/** Metric id → value in a record (undefined when the record predates the metric). */
export function metricAt(record: HistoryRecord | null, id: string): number | null | undefined {
  return record ? record.metrics[id] : undefined;
}

/** A metric's values over the series, for its chart; records without it are skipped. */
export function metricSeries(history: readonly HistoryRecord[], id: string): { date: string; value: number | null }[] {
  return history.filter((r) => id in r.metrics).map((r) => ({ date: r.at.slice(0, 10), value: r.metrics[id] ?? null }));
}

/** Day (YYYY-MM-DD) `days` before an ISO timestamp, in UTC. */
export function daysBefore(iso: string, days: number): string {
  const t = Date.parse(iso);
  return new Date(t - days * 86_400_000).toISOString().slice(0, 10);
}
