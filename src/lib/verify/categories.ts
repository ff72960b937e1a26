/**
 * Per-category figures: slots, declared and verified tallies, and the call sites still to migrate
 * ("41 `bigquery.Client(` calls left in 9 files"), the figure the dashboard leads with.
 */
import type { TrackingDoc } from '../doc/model.js';
import type { Match, SnapshotCategory } from '../snapshot/schema.js';
import { countDeclared, countVerified, declaredStatusOf } from './declared.js';
import { CALL_SITE_KINDS } from './evaluate-item.js';
import type { CheckSpec, ItemEvaluation } from './types.js';
import { categoryUrl } from './urls.js';

/** A category's last verdict and the item verdicts it was computed from (see categoryVerdicts). */
export type CategoryMemo = Map<string, { evals: readonly ItemEvaluation[]; verdict: SnapshotCategory }>;

/** Item verdicts by item id (a Map will do). */
export interface ItemVerdicts {
  get(itemId: string): ItemEvaluation | undefined;
}

/**
 * Per-category verdicts in doc order. `specs` are each item's checks, by item id. With `memo` (kept
 * per doc version), a category whose item verdicts are the very same objects as last time keeps its
 * verdict: in a history walk, a commit changes one category's files at most.
 */
export function categoryVerdicts(
  doc: TrackingDoc,
  evaluations: ItemVerdicts,
  specs: ReadonlyMap<string, readonly CheckSpec[]>,
  memo?: CategoryMemo,
): SnapshotCategory[] {
  const byCategory = itemsByCategory(doc);
  return doc.categories.map((category) => {
    const items = byCategory.get(category.id) ?? [];
    const known = memo?.get(category.id);
    if (known && sameEvaluations(known.evals, items, evaluations)) return known.verdict;
    const evals = items.map((i) => evaluations.get(i.id)).filter((e): e is ItemEvaluation => e !== undefined);
    const verdict = categoryVerdict(category, items, evals, doc, specs);
    memo?.set(category.id, { evals, verdict });
    return verdict;
  });
}

/**
 * Each category's items in doc order, worked out once per items list (a walk verifies each doc
 * version ~10 times); kept with the list's length, so a list grown since is grouped again.
 */
const itemsByCategoryMemo = new WeakMap<TrackingDoc['items'], { length: number; byCategory: Map<string, TrackingDoc['items']> }>();

function itemsByCategory(doc: TrackingDoc): ReadonlyMap<string, TrackingDoc['items']> {
  const known = itemsByCategoryMemo.get(doc.items);
  if (known !== undefined && known.length === doc.items.length) return known.byCategory;
  const byCategory = new Map<string, TrackingDoc['items']>();
  for (const item of doc.items) {
    const list = byCategory.get(item.categoryId);
    if (list === undefined) byCategory.set(item.categoryId, [item]);
    else list.push(item);
  }
  itemsByCategoryMemo.set(doc.items, { length: doc.items.length, byCategory });
  return byCategory;
}

/** Whether the items' verdicts are the very objects `known` holds (items without one are left out of both). */
function sameEvaluations(known: readonly ItemEvaluation[], items: TrackingDoc['items'], evaluations: ItemVerdicts): boolean {
  let k = 0;
  for (const item of items) {
    const e = evaluations.get(item.id);
    if (e === undefined) continue;
    if (known[k++] !== e) return false;
  }
  return k === known.length;
}

function categoryVerdict(
  category: TrackingDoc['categories'][number],
  items: TrackingDoc['items'],
  evals: readonly ItemEvaluation[],
  doc: TrackingDoc,
  specs: ReadonlyMap<string, readonly CheckSpec[]>,
): SnapshotCategory {
  const declared = countDeclared(items.map((i) => declaredStatusOf(i, doc)));
  return {
    id: category.id,
    title: category.title,
    // Items declared skipped are out of every denominator.
    slots: items.length - declared.skipped,
    declared,
    verified: countVerified(evals.map((e) => e.detectedStatus)),
    remaining: remainingCalls(evals, specs),
    url: categoryUrl(category.id),
    docLine: category.source.startLine,
  };
}

/**
 * The union of the failing "must be gone" checks' matches over the category's items, one per
 * (path, line): a file tracked twice, or a line two checks both match, counts once. `what` names
 * the pattern behind them (several, most frequent first, when no one pattern covers every line);
 * `''` when the category has no call-site checks.
 */
export function remainingCalls(
  evals: readonly ItemEvaluation[],
  specs: ReadonlyMap<string, readonly CheckSpec[]>,
): SnapshotCategory['remaining'] & { byPattern: PatternCount[] } {
  // A key names its path (`path:line`, the line a number): paths counted as keys are added give
  // the same files as the paths of the matches kept, with no second pass over them.
  const all = new Tally();
  const byLabel = new Map<string, Tally>();
  for (const e of evals) {
    for (const site of callSitesOf(e, specs.get(e.itemId))) {
      let forLabel = byLabel.get(site.label);
      if (forLabel === undefined) byLabel.set(site.label, (forLabel = new Tally()));
      for (const [key, m] of site.lines) {
        all.add(key, m.path);
        forLabel.add(key, m.path);
      }
    }
  }
  const lines = all.lines;
  // Stable sort: most calls first, then the order the checks appear in the doc.
  const byPattern = [...byLabel.entries()]
    .map(([label, tally]) => ({ label, calls: tally.lines.size, files: tally.files.size }))
    .sort((a, b) => b.calls - a.calls);
  // One label when it covers every remaining line (the category's command pattern usually does),
  // else up to three; "0 `bigquery.Client(` calls left" still says what was being removed.
  const top = byPattern[0];
  const named = top && top.calls < lines.size ? byPattern.filter((p) => p.calls > 0).slice(0, 3) : byPattern.slice(0, 1);
  return {
    calls: lines.size,
    files: all.files.size,
    what: named.map((p) => p.label).join(', '),
    byPattern,
  };
}

/** Distinct `path:line` keys and distinct paths among them. */
class Tally {
  readonly lines = new Set<string>();
  readonly files = new Set<string>();
  add(key: string, path: string): void {
    this.lines.add(key);
    this.files.add(path);
  }
}

/** One call-site check of an item: its label, and its matches by `path:line` when it fails. */
interface CallSites {
  label: string;
  lines: readonly (readonly [string, Match])[];
}

/**
 * Each verdict's call-site checks, worked out once per verdict object: a history walk tallies a
 * category again for every changed item (~900 times for 5,000 commits) while its other items keep
 * their verdict objects. Kept with the specs they were labelled from, and recomputed for others.
 */
const callSitesMemo = new WeakMap<ItemEvaluation, { specs: readonly CheckSpec[] | undefined; sites: CallSites[] }>();

function callSitesOf(e: ItemEvaluation, specs: readonly CheckSpec[] | undefined): CallSites[] {
  const known = callSitesMemo.get(e);
  if (known !== undefined && known.specs === specs) return known.sites;
  const labels = new Map((specs ?? []).map((s) => [s.id, s.label]));
  const sites: CallSites[] = [];
  for (const check of e.checks) {
    if (!CALL_SITE_KINDS.has(check.kind)) continue;
    const label = labels.get(check.id) ?? check.description;
    sites.push({ label, lines: check.passed !== false ? [] : check.matches.map((m) => [`${m.path}:${m.line}`, m] as const) });
  }
  callSitesMemo.set(e, { specs, sites });
  return sites;
}

/** Remaining call sites of one pattern in a category. */
export interface PatternCount {
  label: string;
  calls: number;
  files: number;
}
