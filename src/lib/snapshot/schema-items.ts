/**
 * The snapshot's items (snapshot/schema.ts): each tracked item with its statuses, the checks
 * derived from the doc's words and the lines of code they matched, and the noun they are counted
 * in. Part of the one snapshot contract (docs/SNAPSHOT.md, SNAPSHOT_SCHEMA_VERSION).
 */
import * as z from 'zod/v4';
import { Int, Count, PositiveInt } from '../schema-numbers.js';

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
