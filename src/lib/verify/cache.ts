/**
 * Results keyed by (path, git blob id, what was asked), so verifying many commits of history reads
 * and scans each distinct file content once. Bounded: a long history must not hold every result.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import { createScanCache, type ScanCache } from '../scan/index.js';
import type { Check, Drift } from '../snapshot/schema.js';
import type { CategoryMemo } from './categories.js';
import type { CategoryPattern, CheckOverride, CheckSpec, ItemEvaluation } from './types.js';

/**
 * What verifyDoc derives from the doc and the options alone, before looking at any file: the same
 * for every commit at which the doc did not change.
 */
export interface DocPlan {
  /** The options it was derived with: a plan is reused only for the very same ones. */
  readonly extraPatterns: readonly CategoryPattern[] | undefined;
  readonly overrides: readonly CheckOverride[] | undefined;
  readonly categoryPatterns: ReadonlyMap<string, readonly CategoryPattern[]>;
  /** Each item's checks, and a string identifying them in `checks` cache keys. */
  readonly specs: ReadonlyMap<string, { specs: CheckSpec[]; key: string }>;
  /** The same checks alone, as categoryVerdicts takes them: one map per doc version, not per run. */
  readonly specsByItem: ReadonlyMap<string, readonly CheckSpec[]>;
  /** Each item's position in the doc, by id. */
  readonly positions: ReadonlyMap<string, number>;
  /** Problems found while deriving (a category command grep cannot run). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Each item's last verdict and drift, with what they were computed from (path, blob, rename):
   * on most commits of a history walk, most files did not change.
   */
  readonly verdicts: Map<string, { path: string | null; blob: string | undefined; renamedTo: string; evaluation: ItemEvaluation; drift: readonly Drift[] }>;
  /** Each category's last verdict, reused while its items' verdicts are the same objects. */
  readonly categories: CategoryMemo;
}

/** Cross-call cache for verifyDoc; create one per history walk. */
export interface VerifyCache {
  readonly checks: Map<string, Check[]>;
  readonly stale: Map<string, Drift[]>;
  /** Plans by doc version (the parsed doc object). */
  readonly plans: WeakMap<TrackingDoc, DocPlan>;
  /** The scanner's per-blob results for the group commands verifyDoc runs. */
  readonly scan: ScanCache;
  put<T>(map: Map<string, T>, key: string, value: T): void;
}

/** A cache holding at most `limit` entries per map (oldest dropped first). */
export function createVerifyCache(limit = 20_000): VerifyCache {
  return {
    checks: new Map(),
    stale: new Map(),
    plans: new WeakMap(),
    scan: createScanCache(),
    put(map, key, value) {
      if (map.size >= limit) {
        const oldest = map.keys().next();
        if (!oldest.done) map.delete(oldest.value);
      }
      map.set(key, value);
    },
  };
}
