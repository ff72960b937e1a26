/**
 * The snapshot: everything the site renders and other tools read (`.migratrack/snapshot.json`,
 * published as `/api/snapshot.json`). A documented, versioned contract: see docs/SNAPSHOT.md.
 * No field changes meaning without a new SNAPSHOT_SCHEMA_VERSION.
 */
import * as z from 'zod/v4';
import { Int, Count, PositiveInt } from '../schema-numbers.js';
import { Diagnostic } from '../diagnostics.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

// The contract is split by what it describes; every schema is still exported from here.
export { Check, ItemNoun, ItemStatus, Match, PathCount, SnapshotItem } from './schema-items.js';
export { BurndownPoint, Forecast, MilestoneStatus, SnapshotMilestone } from './schema-time.js';
import { ItemNoun, Match, PathCount, SnapshotItem } from './schema-items.js';
import { BurndownPoint, Forecast, SnapshotMilestone } from './schema-time.js';

export const StatusCounts = z.object({
  done: Count,
  inProgress: Count,
  notStarted: Count,
  blocked: Count,
  unknown: Count,
  /** Items declared skipped; not in `slots`. Absent in snapshots written before issue 17. */
  skipped: Count.optional(),
});

export const SnapshotCategory = z.object({
  id: z.string(),
  title: z.string(),
  /** Files the category tracks, counting unresolved group slots; items declared skipped are not counted. */
  slots: Count,
  declared: StatusCounts,
  verified: z.object({
    done: Count,
    partial: Count,
    notStarted: Count,
    missing: Count,
    unknown: Count,
  }),
  /** Call sites left in the category's files, and in how many files. */
  remaining: z.object({
    calls: Count,
    files: Count,
    what: z.string(),
    /** The same figures per pattern, most calls first (added by verify). */
    byPattern: z
      .array(z.object({ label: z.string(), calls: Count, files: Count }))
      .optional(),
  }),
  url: z.string(),
  docLine: Int.nullable(),
  /** What its `slots` count: files or items (added by verify; see ItemNoun). */
  noun: ItemNoun.optional(),
});
export type SnapshotCategory = z.infer<typeof SnapshotCategory>;

/**
 * What a metric measures (issue 18, item 6): call sites still to migrate (`remaining`, lower is
 * better), uses of the new API (`adoption`, higher is better), or lines of the tracking doc itself
 * (`doc-check`, e.g. `grep -c "✅ Complete" TRACKING.md`), which says nothing about the code.
 */
export const MetricRole = z.enum(['remaining', 'adoption', 'doc-check']);
export type MetricRole = z.infer<typeof MetricRole>;

export const SnapshotMetric = z.object({
  id: z.string(),
  label: z.string(),
  command: z.string().nullable(),
  unit: z.enum(['lines', 'files', 'matches']),
  /** null when the command could not be evaluated (see `error`). */
  value: Int.nullable(),
  error: z.string().nullable(),
  better: z.enum(['lower', 'higher']),
  /**
   * Its role (added by the pipeline; optional and additive: readers derive it from `better` when
   * absent, see site/metric-roles.ts). @example "remaining"
   */
  role: MetricRole.optional(),
  categoryId: z.string().nullable(),
  source: z.enum(['doc', 'config']),
  docLine: Int.nullable(),
  byFile: z.array(PathCount),
  byDirectory: z.array(PathCount),
  /** The output lines' matches (first 500), for the metric page. */
  matches: z.array(Match),
  url: z.string(),
});
export type SnapshotMetric = z.infer<typeof SnapshotMetric>;

export const Drift = z.object({
  kind: z.enum([
    'declared-done-not-in-code',
    'done-in-code-not-declared',
    'path-missing',
    'summary-disagrees',
    'line-range-stale',
    'scope-growth',
    'declared-count-mismatch',
  ]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  itemId: z.string().nullable(),
  path: z.string().nullable(),
  docLine: Int.nullable(),
  evidence: z.string(),
});
export type Drift = z.infer<typeof Drift>;

export const Snapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: z.string(),
  repo: z.object({
    /** The name of the folder scanned (not its path: the snapshot is published). */
    root: z.string(),
    commit: z.string().nullable(),
    isGit: z.boolean(),
    /** Web URL of the repository (GitHub/GitLab/Bitbucket) when a remote is known. */
    webUrl: z.string().nullable(),
    host: z.enum(['github', 'gitlab', 'bitbucket']).nullable(),
  }),
  doc: z.object({
    path: z.string(),
    title: z.string().nullable(),
    project: z.string().nullable(),
    startDate: z.string().nullable(),
    commit: z.string().nullable(),
    repairedFrom: z.string().nullable(),
    /**
     * The tracking doc's markdown (after mojibake repair), for the site's /doc/ page. Optional and
     * additive: producers that do not fill it get a /doc/ page saying the text is unavailable.
     * @example "# Jitter Adoption & Connection Pooling - File Tracking\n..."
     */
    text: z.string().nullable().optional(),
  }),
  totals: z.object({
    slots: Count,
    declaredDone: Count,
    verifiedDone: Count,
    /** What `slots` counts over the whole doc: files or items (added by verify; see ItemNoun). */
    noun: ItemNoun.optional(),
  }),
  categories: z.array(SnapshotCategory),
  items: z.array(SnapshotItem),
  metrics: z.array(SnapshotMetric),
  drift: z.array(Drift),
  diagnostics: z.array(Diagnostic),
  milestones: z.array(SnapshotMilestone),
  burndown: z.object({ points: z.array(BurndownPoint), forecast: Forecast }).nullable(),
});
export type Snapshot = z.infer<typeof Snapshot>;
