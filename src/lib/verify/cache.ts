/**
 * Results keyed by (path, git blob id, what was asked), so verifying many commits of history reads
 * and scans each distinct file content once. Bounded: a long history must not hold every result.
 */
import { createScanCache, type ScanCache } from '../scan/index.js';
import type { Check, Drift } from '../snapshot/schema.js';

/** Cross-call cache for verifyDoc; create one per history walk. */
export interface VerifyCache {
  readonly checks: Map<string, Check[]>;
  readonly stale: Map<string, Drift[]>;
  /** The scanner's per-blob results for the group commands verifyDoc runs. */
  readonly scan: ScanCache;
  put<T>(map: Map<string, T>, key: string, value: T): void;
}

/** A cache holding at most `limit` entries per map (oldest dropped first). */
export function createVerifyCache(limit = 20_000): VerifyCache {
  return {
    checks: new Map(),
    stale: new Map(),
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
