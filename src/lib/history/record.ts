/**
 * Turning one point's results (metric values, the doc, the verifier's verdicts) into a compact
 * {@link HistoryRecord}. Pure.
 */
import type { TrackingDoc } from '../doc/model.js';
import type { CategoryRecord, HistoryRecord, ItemRecord } from './schema.js';
import type { Verification } from './stages.js';

export interface PointInput {
  at: string;
  commit: string | null;
  docCommit: string | null;
  source: HistoryRecord['source'];
  metrics: Record<string, number | null>;
  /** Null when the doc did not exist (or could not be read) at this point. */
  doc: TrackingDoc | null;
  /** Null when the verifier failed; declared figures then come from the doc alone. */
  verification: Verification | null;
}

/**
 * Builds the record for one point of history or one build. `previous` is the point before, when
 * there is one: if it had the very same doc and verdicts (no tracked file changed in between, as on
 * most commits), its per-item and per-category parts are shared rather than built again.
 */
export function buildRecord(input: PointInput, previous?: { input: PointInput; record: HistoryRecord }): HistoryRecord {
  const { doc, verification } = input;
  const base = { at: input.at, commit: input.commit, docCommit: input.docCommit, source: input.source, metrics: input.metrics };
  if (previous && doc !== null && previous.input.doc === doc && previous.input.verification === verification) {
    const { categories, items, declaredDone, verifiedDone, slots } = previous.record;
    return { ...base, categories, items, declaredDone, verifiedDone, slots };
  }
  if (doc === null) {
    return { ...base, categories: {}, items: {}, declaredDone: null, verifiedDone: null, slots: null };
  }
  const verdicts = verdictLookup(verification);
  // Same doc, another verdict: the items whose verdict is the very same object keep their state
  // object, so a long walk holds one per change, not one per item per record (issue 21).
  const before = previous && previous.input.doc === doc && previous.input.verification ? previous : undefined;
  const verdictsBefore = before ? verdictLookup(before.input.verification) : undefined;
  // Copied whole from the record before (the same keys in the same order: one shape copy, not a
  // hundred property additions), then only the items with another verdict are replaced.
  const items: Record<string, ItemRecord> = before ? { ...before.record.items } : {};
  doc.items.forEach((item, index) => {
    const verdict = verdicts(item.id, index);
    if (before !== undefined && verdict !== undefined && verdictsBefore?.(item.id, index) === verdict && items[item.id] !== undefined) return;
    items[item.id] = verdict?.remaining !== undefined
      ? { declared: item.status.status, detected: verdict.detectedStatus, remaining: verdict.remaining.length }
      : { declared: item.status.status, detected: verdict?.detectedStatus ?? null };
  });
  const categories = verification ? fromVerification(verification) : fromDoc(doc);
  const totals = Object.values(categories);
  const sum = (pick: (c: CategoryRecord) => number): number => totals.reduce((s, c) => s + pick(c), 0);
  return {
    ...base,
    categories,
    items,
    declaredDone: sum((c) => c.declaredDone),
    verifiedDone: verification ? sum((c) => c.verifiedDone) : null,
    slots: sum((c) => c.slots),
  };
}

type ItemVerdict = Verification['items'][number];

/**
 * Each item's verdict by id. The verifier lists them in doc order, one per item, so the item at the
 * same index is checked first: no map of every verdict per record (~900 of them in a backfill).
 */
function verdictLookup(verification: Verification | null): (id: string, index: number) => ItemVerdict | undefined {
  const list = verification?.items ?? [];
  let byId: Map<string, ItemVerdict> | undefined;
  return (id, index) => {
    const atIndex = list[index];
    if (atIndex?.itemId === id) return atIndex;
    byId ??= new Map(list.map((item) => [item.itemId, item]));
    return byId.get(id);
  };
}

function fromVerification(verification: Verification): Record<string, CategoryRecord> {
  const categories: Record<string, CategoryRecord> = {};
  for (const c of verification.categories) {
    categories[c.id] = { declaredDone: c.declared.done, verifiedDone: c.verified.done, slots: c.slots };
  }
  return categories;
}

/** Without a verdict: count the doc's own statuses per category (verified stays 0, totals say null). */
function fromDoc(doc: TrackingDoc): Record<string, CategoryRecord> {
  const categories: Record<string, CategoryRecord> = {};
  for (const category of doc.categories) categories[category.id] = { declaredDone: 0, verifiedDone: 0, slots: 0 };
  for (const item of doc.items) {
    const c = (categories[item.categoryId] ??= { declaredDone: 0, verifiedDone: 0, slots: 0 });
    if (item.status.status === 'skipped') continue;
    c.slots++;
    if (item.status.status === 'done') c.declaredDone++;
  }
  return categories;
}
