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

/**
 * Per-category verdicts in doc order. `specs` are each item's checks, by item id. With `memo` (kept
 * per doc version), a category whose item verdicts are the very same objects as last time keeps its
 * verdict: in a history walk, a commit changes one category's files at most.
 */
export function categoryVerdicts(
  doc: TrackingDoc,
  evaluations: ReadonlyMap<string, ItemEvaluation>,
  specs: ReadonlyMap<string, readonly CheckSpec[]>,
  memo?: CategoryMemo,
): SnapshotCategory[] {
  return doc.categories.map((category) => {
    const items = doc.items.filter((i) => i.categoryId === category.id);
    const evals = items.map((i) => evaluations.get(i.id)).filter((e): e is ItemEvaluation => e !== undefined);
    const known = memo?.get(category.id);
    if (known && known.evals.length === evals.length && known.evals.every((e, i) => e === evals[i])) return known.verdict;
    const verdict = categoryVerdict(category, items, evals, doc, specs);
    memo?.set(category.id, { evals, verdict });
    return verdict;
  });
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
  const lines = new Map<string, Match>();
  const byLabel = new Map<string, Map<string, Match>>();
  for (const e of evals) {
    for (const site of callSitesOf(e, specs.get(e.itemId))) {
      const forLabel = byLabel.get(site.label) ?? new Map<string, Match>();
      byLabel.set(site.label, forLabel);
      for (const [key, m] of site.lines) {
        lines.set(key, m);
        forLabel.set(key, m);
      }
    }
  }
  // Stable sort: most calls first, then the order the checks appear in the doc.
  const byPattern = [...byLabel.entries()]
    .map(([label, ms]) => ({ label, calls: ms.size, files: new Set([...ms.values()].map((m) => m.path)).size }))
    .sort((a, b) => b.calls - a.calls);
  // One label when it covers every remaining line (the category's command pattern usually does),
  // else up to three; "0 `bigquery.Client(` calls left" still says what was being removed.
  const top = byPattern[0];
  const named = top && top.calls < lines.size ? byPattern.filter((p) => p.calls > 0).slice(0, 3) : byPattern.slice(0, 1);
  return {
    calls: lines.size,
    files: new Set([...lines.values()].map((m) => m.path)).size,
    what: named.map((p) => p.label).join(', '),
    byPattern,
  };
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
