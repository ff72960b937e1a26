/**
 * Data the verify stage exchanges: the checks it derives from the doc, its per-item verdicts, and
 * the inputs other stages hand it (metric results, renames, config overrides).
 */
import type { PatternSpec } from '../scan/types.js';
import type { Check, Drift, Match, ItemStatus, SnapshotCategory } from '../snapshot/schema.js';
import type { Diagnostic } from '../diagnostics.js';

/** What a check tests in one file. */
export type CheckTest =
  | {
      type: 'import';
      module: string;
      /** Any one name set, fully imported, satisfies it; `[]` means `import module`. */
      alternatives: string[][];
      expect: 'present' | 'absent';
      /** Group templates list every name a file might need: one of them is enough. */
      anyName: boolean;
    }
  | { type: 'pattern'; spec: PatternSpec; expect: 'present' | 'absent' };

/** A check derived from the doc's words (or the config), before it is run against a file. */
export interface CheckSpec {
  /** Stable within an item, e.g. "absent:bigquery.Client(". */
  id: string;
  kind: Check['kind'];
  description: string;
  /** The thing looked for, for evidence and category totals: "`bigquery.Client(`". */
  label: string;
  docLine: number | null;
  test: CheckTest;
  /**
   * "Replace X → Y" makes two checks sharing a pairId. When neither X nor Y is in the file there is
   * nothing to replace there: both are not applicable (passed: null) instead of a free pass.
   */
  pairId: string | null;
  source: 'doc' | 'config';
}

/** A pattern that must be gone from every file of a category (its "Command to find", a config metric). */
export interface CategoryPattern {
  categoryId: string;
  label: string;
  spec: PatternSpec;
  docLine: number | null;
  source: 'doc' | 'config';
}

/**
 * A config entry that adds checks to matching items, or replaces the doc-derived ones. Shaped so
 * the config stage's `CheckOverride` (src/lib/config/schema-metrics.ts) can be passed as is.
 * @example { category: "3.3", kind: "text-absent", text: "bigquery.Client(" }
 * @example { item: 57, kind: "import-present", text: "from shared.clients.http_pool import get_http_session", mode: "replace" }
 */
export interface CheckOverride {
  /** Category id ("3.3"). */
  category?: string;
  /** Item id ("file-27"), doc file number (27 or "27") or repo path. */
  item?: string | number;
  kind: 'import-present' | 'text-absent' | 'text-present' | 'definition-removed' | 'metric-zero';
  /** An import statement, literal text, a definition name, or a pattern (see `flavour`). */
  text: string;
  /** Shown instead of the generated description. */
  description?: string;
  /** For text/metric kinds: how `text` is written. Default 'fixed'. */
  flavour?: PatternSpec['flavour'];
  /** 'replace' drops every doc-derived check of the matching items first. Default 'add'. */
  mode?: 'add' | 'replace';
}

/** Inputs deriveChecks needs beyond the item and doc. */
export interface DeriveContext {
  categoryPatterns: ReadonlyMap<string, readonly CategoryPattern[]>;
  overrides: readonly CheckOverride[];
}

/** The verdict for one tracked item. */
export interface ItemEvaluation {
  itemId: string;
  /** The path evaluated: the doc's, or the group member that filled an unresolved slot. */
  path: string | null;
  detectedStatus: ItemStatus;
  checks: Check[];
  /** Call sites still to migrate: failing absent checks' matches, one per (path, line). */
  remaining: Match[];
  renamedTo: string | null;
  /** One sentence: "2 of 3 checks pass; `bigquery.Client(` still on lines 41, 88". */
  summary: string;
}

/** Per-category figures, as they go into the snapshot (url and docLine included). */
export type CategoryVerdict = SnapshotCategory;

/** What verifyDoc returns: everything the snapshot needs from the verify stage. */
export interface VerifyResult {
  items: ItemEvaluation[];
  categories: CategoryVerdict[];
  drift: Drift[];
  diagnostics: Diagnostic[];
}
