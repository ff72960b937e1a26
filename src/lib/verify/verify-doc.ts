/**
 * verifyDoc: the whole verify stage over one tree. Resolves groups, derives and runs every item's
 * checks (reading each file once, and not at all when a cache already holds the result for its
 * blob), then computes category figures and drift. The history stage calls it once per commit.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import type { ScanCache } from '../scan/index.js';
import type { RepoTree } from '../scan/types.js';
import type { Check, Drift } from '../snapshot/schema.js';
import { categoryVerdicts } from './categories.js';
import { categoryPatternsOf, commandFilesOf } from './commands.js';
import { deriveChecks } from './derive-checks.js';
import { docDrift } from './drift-doc.js';
import { itemDrift } from './drift-items.js';
import { evaluateChecks } from './evaluate-checks.js';
import { itemVerdict } from './evaluate-item.js';
import { fileText, type FileText } from './file-text.js';
import { resolveGroups } from './groups.js';
import { staleLineRanges } from './line-ranges.js';
import { pathSet } from '../scan/index.js';
import { PatternCache } from './patterns.js';
import type { CategoryPattern, CheckOverride, CheckSpec, ItemEvaluation, VerifyResult } from './types.js';
import { createVerifyCache, type DocPlan, type VerifyCache } from './cache.js';

/** Options for verifyDoc; all optional. */
export interface VerifyOptions {
  /** Old path → new path for files git saw renamed (history/git layer). */
  renames?: ReadonlyMap<string, string>;
  /** Config checks to add or replace. */
  overrides?: readonly CheckOverride[];
  /** Config metrics mapped to a category: their patterns must be gone from its files too. */
  categoryPatterns?: readonly CategoryPattern[];
  /** Files each group "Command to find" reports, by command id, when the caller already ran them. */
  commandFiles?: ReadonlyMap<string, readonly string[]>;
  /**
   * Group members seen at other commits, by group id (see GroupInputs.knownMembers). Explicit, not
   * remembered by `cache`: a cache must never change a result.
   */
  knownMembers?: ReadonlyMap<string, readonly string[]>;
  /** Reuse across calls (history): results keyed by blob id. */
  cache?: VerifyCache;
  /** The scanner's cache for the group commands verifyDoc runs itself; defaults to `cache.scan`. */
  scanCache?: ScanCache;
}

/** Verifies every tracked item of `doc` against `tree`. */
export async function verifyDoc(doc: TrackingDoc, tree: RepoTree, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const cache = opts.cache ?? createVerifyCache();
  const plan = planFor(doc, opts, cache);
  const diagnostics: Diagnostic[] = [...plan.diagnostics];
  const patterns = new PatternCache();
  const commandFiles = opts.commandFiles ?? (await commandFilesOf(doc, tree, { cache: opts.scanCache ?? cache.scan }));
  const groups = resolveGroups(doc, { paths: tree.paths, commandFiles, knownMembers: opts.knownMembers });
  const exists = pathSet(tree.paths);
  const files = new Map<string, Promise<FileText | null>>();
  const readOnce = (path: string): Promise<FileText | null> => {
    let hit = files.get(path);
    if (!hit) files.set(path, (hit = tree.read(path).then((b) => (b ? fileText(path, b) : null))));
    return hit;
  };

  // One per item, in doc order (pushed by both branches below): no map of every verdict per call.
  const evaluations: ItemEvaluation[] = [];
  const drift: Drift[] = [...groups.drift];
  for (const item of doc.items) {
    const path = groups.paths.get(item.id) ?? item.path;
    const { specs, key: specsKey } = plan.specs.get(item.id) ?? { specs: [], key: '[]' };
    const present = path !== null && exists.has(path);
    const blob = present ? tree.blobId?.(path) : undefined;
    // What the verdict depends on besides the item: the file's content, or the rename of a missing
    // file (compared field by field: no key string per item and commit in a history walk).
    const reusable = blob !== undefined || !present;
    const renamedTo = present ? '' : (path !== null && opts.renames?.get(path)) || '';
    const known = reusable ? plan.verdicts.get(item.id) : undefined;
    if (known !== undefined && known.path === path && known.blob === blob && known.renamedTo === renamedTo) {
      evaluations.push(known.evaluation);
      drift.push(...known.drift);
      continue;
    }
    const itemDriftStart = drift.length;
    const key = blob ? `${path}\0${blob}\0${specsKey}` : null;
    let checks: Check[] | undefined = key ? cache.checks.get(key) : undefined;
    let readable = true;
    if (!checks) {
      const file = present ? await readOnce(path) : null;
      readable = !present || file !== null;
      if (present && !file) diagnostics.push(diagnostic('warning', 'verify/unreadable-file', `Could not read \`${path}\`; its checks are skipped`, { file: path }));
      checks = evaluateChecks(specs, file, patterns);
      if (key && file) cache.put(cache.checks, key, checks);
    }
    const evaluation = itemVerdict({ item, path, exists: present, renames: opts.renames ?? new Map(), readable }, checks);
    evaluations.push(evaluation);
    drift.push(...itemDrift(item, evaluation, doc));
    if (present && item.lineSpans.length > 0) drift.push(...(await staleFor(item, path, blob)));
    if (reusable && readable) plan.verdicts.set(item.id, { path, blob, renamedTo, evaluation, drift: drift.slice(itemDriftStart) });
  }
  for (const { pattern, error } of patterns.errors()) {
    diagnostics.push(diagnostic('warning', 'verify/invalid-pattern', `Pattern \`${pattern}\` cannot be checked: ${error}`));
  }
  const byId = { get: (id: string) => evaluations[plan.positions.get(id) ?? -1] };
  const categories = categoryVerdicts(doc, byId, plan.specsByItem, plan.categories);
  drift.push(...docDrift(doc, categories));
  return { items: evaluations, categories, drift, diagnostics };

  async function staleFor(item: TrackingDoc['items'][number], path: string, blob: string | undefined): Promise<Drift[]> {
    const key = blob ? `${path}\0${blob}\0${item.id}\0${JSON.stringify(item.lineSpans)}` : null;
    const hit = key ? cache.stale.get(key) : undefined;
    if (hit) return hit;
    const file = await readOnce(path);
    const found = file ? staleLineRanges(item, file, patterns) : [];
    if (key) cache.put(cache.stale, key, found);
    return found;
  }
}

/** The doc's derived checks, from the cache when this doc object was verified with the same options. */
function planFor(doc: TrackingDoc, opts: VerifyOptions, cache: VerifyCache): DocPlan {
  const known = cache.plans.get(doc);
  if (known && known.extraPatterns === opts.categoryPatterns && known.overrides === opts.overrides) return known;
  const diagnostics: Diagnostic[] = [];
  const derived = categoryPatternsOf(doc, diagnostics);
  const categoryPatterns = groupBy([...derived, ...(opts.categoryPatterns ?? [])], (p) => p.categoryId);
  const specs = new Map<string, { specs: CheckSpec[]; key: string }>();
  const specsByItem = new Map<string, CheckSpec[]>();
  const positions = new Map<string, number>();
  for (const [index, item] of doc.items.entries()) {
    positions.set(item.id, index);
    const itemSpecs = deriveChecks(item, doc, { categoryPatterns, overrides: opts.overrides ?? [] });
    specs.set(item.id, { specs: itemSpecs, key: JSON.stringify(itemSpecs) });
    specsByItem.set(item.id, itemSpecs);
  }
  const plan: DocPlan = { extraPatterns: opts.categoryPatterns, overrides: opts.overrides, categoryPatterns, specs, specsByItem, positions, diagnostics, verdicts: new Map(), categories: new Map() };
  cache.plans.set(doc, plan);
  return plan;
}

function groupBy<T>(values: readonly T[], key: (v: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const v of values) out.set(key(v), [...(out.get(key(v)) ?? []), v]);
  return out;
}
