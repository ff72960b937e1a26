/**
 * The record a build appends for itself (`source: 'run'`), taken from the snapshot it just
 * computed, so a run and a backfill point of the same commit carry the same figures.
 */
import type { Snapshot } from '../snapshot/schema.js';
import type { CategoryRecord, HistoryRecord, ItemRecord } from './schema.js';

/** Builds this build's history record from its snapshot. `at` defaults to the snapshot's time. */
export function recordFromSnapshot(snapshot: Snapshot, options: { at?: string } = {}): HistoryRecord {
  const categories: Record<string, CategoryRecord> = {};
  for (const c of snapshot.categories) categories[c.id] = { declaredDone: c.declared.done, verifiedDone: c.verified.done, slots: c.slots };
  const items: Record<string, ItemRecord> = {};
  for (const item of snapshot.items) items[item.id] = { declared: item.declaredStatus, detected: item.detectedStatus, remaining: item.remaining.length };
  const metrics: Record<string, number | null> = {};
  for (const metric of snapshot.metrics) metrics[metric.id] = metric.value;
  return {
    at: options.at ?? snapshot.generatedAt,
    commit: snapshot.repo.commit,
    docCommit: snapshot.doc.commit,
    source: 'run',
    metrics,
    categories,
    items,
    declaredDone: snapshot.totals.declaredDone,
    verifiedDone: snapshot.totals.verifiedDone,
    slots: snapshot.totals.slots,
  };
}
