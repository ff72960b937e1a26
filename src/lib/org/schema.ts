/**
 * The shard (issue 24): one repository's snapshot and history in one self-contained file, made by
 * `migratrack scan --shard <name>` in a CI matrix job and merged by `migratrack build --merge`.
 * Versioned twice: `shardVersion` is this envelope's format, `tool.version` the migratrack that
 * wrote it. A merge refuses a shard whose either differs from its own (the snapshot and history
 * inside follow the tool's schemas, which a version change may move).
 */
import * as z from 'zod/v4';
import { Int } from '../schema-numbers.js';
import { HistoryFileV2, StoredRecord } from '../history/schema.js';
import { Snapshot, SnapshotMetric } from '../snapshot/schema.js';

/** What every shard's `format` says: how a merge (and `scan --out`) tells a shard from any other JSON. */
export const SHARD_FORMAT = 'migratrack-shard';
export const SHARD_VERSION = 1;

/**
 * A repository's name in the org site: its URL segment (`/<name>/`), so slug-shaped, and never one
 * of the names the org site itself uses at its root.
 */
// favicon.svg and index.html: the org site's own files at its root, beside the repositories' folders.
export const RESERVED_SHARD_NAMES = ['api', 'files', 'items', 'org', 'favicon.svg', 'index.html'];
export const SHARD_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const SHARD_NAME_EXPECTED = 'expected a lower-case slug such as "billing-api" (a-z, 0-9, ".", "_", "-"; at most 100)';
export const SHARD_NAME_RESERVED = `is reserved by the org site (not one of ${RESERVED_SHARD_NAMES.join(', ')})`;
export const ShardName = z
  .string()
  .regex(SHARD_NAME_PATTERN, SHARD_NAME_EXPECTED)
  .refine((name) => !RESERVED_SHARD_NAMES.includes(name), SHARD_NAME_RESERVED);

/** The envelope's first fields: read alone to refuse another version before validating the rest. */
export const ShardHeader = z.object({
  /** @example "migratrack-shard" */
  format: z.literal(SHARD_FORMAT),
  /** @example 1 */
  shardVersion: Int,
  /** The migratrack that wrote the shard. @example { name: "migratrack", version: "0.1.0" } */
  tool: z.object({ name: z.literal('migratrack'), version: z.string() }),
  /** The snapshot and history schema versions inside. @example { snapshot: 1, history: 2 } */
  schemas: z.object({ snapshot: Int, history: Int }),
});
export type ShardHeader = z.infer<typeof ShardHeader>;

export const Shard = ShardHeader.extend({
  shardVersion: z.literal(SHARD_VERSION),
  /** The repository's name in the org site. @example "billing-api" */
  name: ShardName,
  /**
   * True when the repository has no tracking doc and is tracked by the org config's patterns only
   * (the snapshot then has metrics and no items).
   */
  metricsOnly: z.boolean(),
  /** The snapshot `migratrack scan --format json` prints, with no absolute path in it. */
  snapshot: Snapshot,
  /** The history file as stored (version 2: each record keeps its changes from the one before). */
  history: HistoryFileV2,
});
export type Shard = z.infer<typeof Shard>;

/**
 * What the org dashboard reads of a shard, for a merge without the repositories' own pages
 * (`--no-repo-pages`): the envelope, the snapshot's figures and the history's totals, validated as
 * in `Shard`; the items and the matches are not looked at. With the pages, the whole `Shard` is
 * validated, since each repository's site prints all of it.
 */
export const ShardSummary = ShardHeader.extend({
  shardVersion: z.literal(SHARD_VERSION),
  name: ShardName,
  metricsOnly: z.boolean(),
  snapshot: Snapshot.pick({ schemaVersion: true, generatedAt: true, repo: true, totals: true }).extend({
    doc: Snapshot.shape.doc.pick({ path: true, title: true }),
    metrics: z.array(SnapshotMetric.pick({ id: true, label: true, value: true, better: true, role: true })),
  }),
  history: HistoryFileV2.pick({ schemaVersion: true, repo: true }).extend({
    records: z.array(StoredRecord.pick({ at: true, declaredDone: true, verifiedDone: true, slots: true, metrics: true })),
  }),
});
export type ShardSummary = z.infer<typeof ShardSummary>;
