/**
 * Public types of the demo generator: what `generateDemoRepo` returns and what the manifest holds.
 * Ground truth in here comes from the plan, never from running migratrack on the result.
 */

/** A code change the plan applies to a file; templates render each combination. */
export type Flag =
  /** Task 3.1.1: duplicate `_is_serialization_conflict` removed, shared import added. */
  | 'dedupe'
  /** Task 3.1.2: batch_writer's manual retry loops replaced with decorators. */
  | 'retry'
  /** Tasks 3.1.3/3.2: `@SERIALIZATION_RETRY` around BigQuery writes. */
  | 'jitter'
  /** Task 3.3: `bigquery.Client(` replaced with `get_bigquery_client(`. */
  | 'pooled'
  /** Task 3.4: `requests.get(`/`post(`/`Session()` replaced with the pooled helpers. */
  | 'http'
  /** A hotfix that brings a removed direct call back. */
  | 'regressed';

/** The kinds of deliberate mess the demo contains. */
export type DemoDriftKind =
  /** The doc says ✅ Complete while the code is not migrated yet (it lands later). */
  | 'declared-before-code'
  /** The doc says ✅ Complete and the code is not migrated at HEAD. */
  | 'declared-not-in-code'
  /** The code is migrated, the doc still says Not Started at HEAD. */
  | 'code-not-declared'
  /** A removed direct call comes back on a later day. */
  | 'regression'
  /** `git mv` of a tracked file; the doc keeps the old path. */
  | 'renamed'
  /** A tracked file is deleted; the doc still lists it. */
  | 'deleted'
  /** The progress summary table (and header) disagree with the entries at HEAD. */
  | 'summary-stale'
  /** A file the doc's command covers that no slot or list names. */
  | 'scope-growth';

/** One deliberate discrepancy, with when it starts (and ends, if it does) on the first-parent line. */
export interface DemoDrift {
  kind: DemoDriftKind;
  /** The doc's file number, when the case concerns a numbered item or group slot. */
  itemNumber?: number;
  /** Repo-relative path concerned (the doc's path for renamed/deleted files). */
  path: string;
  description: string;
  /** YYYY-MM-DD the discrepancy appears. */
  since: string;
  /** YYYY-MM-DD it is resolved, or null when it still holds at HEAD. */
  until: string | null;
  /** Commit that introduces it, and the one that resolves it (null while unresolved). */
  commit: string;
  resolvedBy: string | null;
  /**
   * The snapshot drift kind (src/lib/snapshot/schema.ts) a verifier should report for this case at
   * HEAD, or null when the case is resolved by HEAD (visible only in history).
   */
  snapshotKind:
    | 'declared-done-not-in-code'
    | 'done-in-code-not-declared'
    | 'path-missing'
    | 'summary-disagrees'
    | 'scope-growth'
    | null;
  /** Extra facts for tests, e.g. the new path of a rename or the line that came back. */
  details: Record<string, string | number>;
}

/** Declared progress of the doc at the end of a day (last first-parent commit of that day). */
export interface DemoDay {
  date: string;
  commit: string;
  /** Slots the doc declares done (individual entries ✅ + ticked group list lines), of 76. */
  declaredDone: number;
  /** What the summary table's TOTAL row says that day. */
  summaryTotalDone: number;
  /**
   * Each tracking command of the doc (exact text, as key) → its value that day: lines for
   * `| wc -l` and bare grep pipelines, files for `| cut -d: -f1 | sort -u`, the count for `grep -c`.
   */
  metrics: Record<string, number>;
}

/** Ground truth recorded from the plan, for tests of other stages. */
export interface DemoExpected {
  startDate: string;
  endDate: string;
  totalSlots: number;
  days: DemoDay[];
  milestones: { id: string; endDate: string; target: number; declaredDoneAtEnd: number; metOn: string | null }[];
  /** Declared status of every numbered entry at HEAD (1-29, 57), as the doc shows it. */
  headDeclared: Record<number, 'done' | 'in-progress' | 'not-started'>;
  /** Declared done per category at HEAD (entries + group ticks) and what the summary table claims. */
  headCategories: Record<string, { slots: number; declaredDone: number; summaryDone: number }>;
  /** Slot 1-76 → is the change really in the code at HEAD (from the plan's final flags). */
  headCode: Record<number, 'done' | 'not-done' | 'missing' | 'n/a'>;
  /** Slot 1-76 → the path it stands for (the doc's path, list entry or our resolution of a group). */
  slotPaths: Record<number, string>;
  merges: { commit: string; date: string; branch: string; branchCommits: string[] }[];
  /** Files that exist to trip scanners (hidden, binary, spaces, "test" substrings). */
  traps: { path: string; why: string }[];
}

/** What `generateDemoRepo` returns; also stored as the manifest next to the repo. */
export interface DemoRepoInfo {
  /**
   * Generator version, "<format>-<hash of the commit stream>-<hash of the ground truth>": any change
   * to the plan, templates, seed or manifest changes it and forces regeneration.
   */
  version: string;
  root: string;
  head: string;
  /** Commits reachable from main (first-parent line plus the merged branch). */
  commits: number;
  firstParentCommits: number;
  docPath: string;
  drift: DemoDrift[];
  expected: DemoExpected;
}
