/**
 * The history file (`history.json`): the one artefact migratrack cannot regenerate, so it is
 * versioned, validated on read and refused (never rewritten) when it is not ours. See issue 5
 * ("Runs that accumulate") and issue 8 (corrupt / newer / foreign history files).
 *
 * In memory every record holds every item's state. On disk, since version 2, a record holds only
 * the items whose state changed since the record before it (src/lib/history/stored.ts): version 1
 * repeated all of them in every record, 10 MB for 30 nightly runs of 5,000 files, and the site
 * build read and validated all of it. Version 1 files are still read; the next write upgrades them.
 */
import * as z from 'zod/v4';
import { Count } from '../schema-numbers.js';

export const HISTORY_SCHEMA_VERSION = 2;

/** Full 40-hex (SHA-1) or 64-hex (SHA-256) object name. */
const Sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'expected a full commit sha');

/**
 * An ISO 8601 date-time ending in `Z` or an offset, seconds optional: what zod 3's
 * `datetime({ offset: true })` accepted. Not zod 4's `z.iso.datetime`, which requires a colon in
 * the offset and so would refuse a `+0100` history file that earlier versions read (and that
 * `Date.parse` reads). The date part is zod's own regex (month lengths, leap days).
 */
const DateTime = z
  .string()
  .regex(
    new RegExp(`^${z.regexes.date.source.slice(1, -1)}T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})$`),
    'expected a date-time with an offset, e.g. "2026-01-20T18:04:00+01:00"',
  );

export const CategoryRecord = z.object({
  /** Items of the category the doc marks done at this point. @example 12 */
  declaredDone: Count,
  /** Items whose detected (code) status is done. @example 10 */
  verifiedDone: Count,
  /** Tracked slots, counting unresolved group slots. @example 18 */
  slots: Count,
});
export type CategoryRecord = z.infer<typeof CategoryRecord>;

export const ItemRecord = z.object({
  /** Declared status as the doc said at this point. @example "done" */
  declared: z.string(),
  /** Status the code shows (null when it could not be computed). @example "partial" */
  detected: z.string().nullable(),
  /**
   * Call sites still to migrate in the item's file (the file page's "remaining" lines), when the
   * code was checked. Absent in records written before it existed. @example 3
   */
  remaining: Count.nullable().optional(),
});
export type ItemRecord = z.infer<typeof ItemRecord>;

export const HistoryRecord = z.object({
  /** When the point was taken: the commit's committer time (backfill) or the build time (run). @example "2026-01-20T18:04:00+01:00" */
  at: DateTime,
  /** Full sha of the target repo's commit, or null outside git. */
  commit: Sha.nullable(),
  /** Sha of the last commit that changed the tracking doc, or null when unknown. */
  docCommit: Sha.nullable(),
  /** `backfill` points come from git history; `run` points from builds. */
  source: z.enum(['backfill', 'run']),
  /** Metric id → value (null when it could not be evaluated). Ids as in the snapshot. */
  metrics: z.record(z.string(), z.number().nullable()),
  /** Category id → declared / verified done and slots. Empty when the doc was absent. */
  categories: z.record(z.string(), CategoryRecord),
  /** Item id → declared and detected status. */
  items: z.record(z.string(), ItemRecord),
  /** Totals over all categories; null when the doc did not exist at this point. */
  declaredDone: Count.nullable(),
  verifiedDone: Count.nullable(),
  slots: Count.nullable(),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

const Repo = z.object({
  /** Root commit sha of the target (or `path:<hash>` outside git): refuses another repo's file. */
  id: z.string().min(1),
});

/** A version 1 file, written by migratrack until 2026-11-29: every record lists every item. */
export const HistoryFileV1 = z.object({
  schemaVersion: z.literal(1),
  repo: Repo,
  /** Sorted by `at`, at most one point per (commit, source). */
  records: z.array(HistoryRecord),
});
export type HistoryFileV1 = z.infer<typeof HistoryFileV1>;

/** A record as version 2 stores it: the items that changed, and those gone, since the record before. */
export const StoredRecord = HistoryRecord.extend({
  /**
   * Item id → state, for the items whose state differs from the record before, or that it did
   * not have (in the first record: every item).
   */
  items: z.record(z.string(), ItemRecord),
  /** Items the record before had and this one has not (the doc stopped tracking them). */
  removed: z.array(z.string()).optional(),
});
export type StoredRecord = z.infer<typeof StoredRecord>;

/** A version 2 file, what migratrack writes. */
export const HistoryFileV2 = z.object({
  schemaVersion: z.literal(2),
  repo: Repo,
  /** Sorted by `at`, at most one point per (commit, source); each stores its changes from the one before. */
  records: z.array(StoredRecord),
});
export type HistoryFileV2 = z.infer<typeof HistoryFileV2>;

/** Any history file this migratrack reads. */
export const StoredHistoryFile = z.discriminatedUnion('schemaVersion', [HistoryFileV1, HistoryFileV2]);
export type StoredHistoryFile = z.infer<typeof StoredHistoryFile>;

/** The history in memory, whichever version it was read from: every record has every item. */
export interface HistoryFile {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  repo: { id: string };
  /** Sorted by `at`, at most one point per (commit, source). */
  records: HistoryRecord[];
}

/** An empty history for a repo, what a missing file reads as. */
export function emptyHistory(repoId: string): HistoryFile {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, repo: { id: repoId }, records: [] };
}
