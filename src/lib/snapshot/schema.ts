/**
 * The snapshot: everything the site renders and other tools read (`.migratrack/snapshot.json`,
 * published as `/api/snapshot.json`). A documented, versioned contract: see docs/SNAPSHOT.md.
 * No field changes meaning without a new SNAPSHOT_SCHEMA_VERSION.
 */
import * as z from 'zod/v4';
import { Int, Count, PositiveInt } from '../schema-numbers.js';
import { Diagnostic } from '../diagnostics.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** `skipped` (declared only: n/a, won't do, keep as-is) is left out of every denominator: `slots` excludes it. */
export const ItemStatus = z.enum(['done', 'in-progress', 'not-started', 'blocked', 'skipped', 'missing', 'unknown']);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** One line grep would print, with a little code around it for the file pages. */
export const Match = z.object({
  path: z.string(),
  line: PositiveInt,
  text: z.string(),
  before: z.array(z.string()),
  after: z.array(z.string()),
});
export type Match = z.infer<typeof Match>;

export const PathCount = z.object({ path: z.string(), count: Count });

/** One check derived from the doc's words for an item ("import present", "`bigquery.Client(` gone"). */
export const Check = z.object({
  id: z.string(),
  /** `import-removed`: the old import of a "Replace: `from a import b` → …" is gone (added by verify). */
  kind: z.enum(['import-present', 'import-removed', 'text-absent', 'text-present', 'definition-removed', 'metric-zero', 'config']),
  description: z.string(),
  /** null when it could not be evaluated (file missing, pattern invalid). */
  passed: z.boolean().nullable(),
  evidence: z.string(),
  /** Lines that make it fail (for "absent" checks) or pass (for "present" checks). */
  matches: z.array(Match),
  /** Doc line the check was derived from. */
  docLine: Int.nullable(),
});
export type Check = z.infer<typeof Check>;

export const SnapshotItem = z.object({
  id: z.string(),
  number: Int.nullable(),
  category: z.string(),
  subgroup: z.string().nullable(),
  name: z.string(),
  path: z.string().nullable(),
  declaredStatus: ItemStatus,
  declaredStatusText: z.string(),
  detectedStatus: ItemStatus,
  /** Site-relative URL of its page, without the base path: "files/data_processors/raw/x.py/". */
  url: z.string(),
  docLine: Int.nullable(),
  updatedBy: z.string().nullable(),
  date: z.string().nullable(),
  checks: z.array(Check),
  /** Call sites still to migrate in this file (union of failing checks' matches, by line). */
  remaining: z.array(Match),
  /** A rename git saw for a missing path. */
  renamedTo: z.string().nullable(),
  checklist: z.array(z.object({ text: z.string(), checked: z.boolean(), docLine: Int.nullable() })),
  fields: z.array(z.object({ key: z.string(), value: z.string(), children: z.array(z.string()) })),
  /** Other items that track the same path (processor_base.py is File 1 and File 27). */
  sameFileItems: z.array(z.string()),
  groupId: z.string().nullable(),
  /**
   * One sentence on why detectedStatus is what it is (added by verify).
   * @example "1 of 2 checks pass; `bigquery.Client(` still on lines 41, 88"
   */
  summary: z.string().optional(),
});
export type SnapshotItem = z.infer<typeof SnapshotItem>;

/**
 * What a count of items is a count of (issue 17): `file` when every item counted is a file (it has
 * a path, or is a slot of the seed family's file group), `item` otherwise (a checklist of tasks, a
 * phase plan). Optional and additive (no new version): readers derive it from the items when
 * absent, with snapshot/figures.ts `nounOf`. @example "item"
 */
export const ItemNoun = z.enum(['file', 'item']);
export type ItemNoun = z.infer<typeof ItemNoun>;

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

export const MilestoneStatus = z.enum(['met', 'missed', 'met-late', 'at-risk', 'on-track', 'not-yet-due', 'no-target']);

export const SnapshotMilestone = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targetDone: z.number().nullable(),
  targetTotal: z.number().nullable(),
  status: MilestoneStatus,
  /** Declared done on the milestone's end date (from history), when known. */
  actualDone: z.number().nullable(),
  metOn: z.string().nullable(),
  explanation: z.string(),
  tasks: z.array(z.object({ text: z.string(), checked: z.boolean() })),
});

export const BurndownPoint = z.object({
  date: z.string(),
  commit: z.string().nullable(),
  scope: z.number(),
  declaredRemaining: z.number().nullable(),
  verifiedRemaining: z.number().nullable(),
  ideal: z.number().nullable(),
  /** Slots added (+) or removed (−) in the doc since the previous day: scope, not progress (history stage). */
  scopeChange: z.number().optional(),
  /** Metric id → value at the end of that day (history stage), for per-metric charts. */
  metrics: z.record(z.string(), z.number().nullable()).optional(),
});

export const Forecast = z.object({
  /** Projected completion date, never in the past; null when velocity is zero or unknown. */
  date: z.string().nullable(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  velocityPerDay: z.number().nullable(),
  windowDays: Int,
  message: z.string(),
});

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
