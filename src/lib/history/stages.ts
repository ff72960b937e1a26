/**
 * What the backfill needs from the other stages, as an interface: the real parser, scanner and
 * verifier in production (see default-stages.ts), small stand-ins in unit tests. The backfill never
 * re-implements parsing, grep or verification.
 */
import type { TrackingDoc } from '../doc/model.js';
import type { RepoTree } from '../scan/types.js';
import type { DocsAhead } from './docs-ahead.js';

/** A metric to follow through history; ids as in the snapshot. */
export interface BackfillMetric {
  id: string;
  /** The grep pipeline, as the doc or the config writes it. */
  command: string;
}

/** The part of the verifier's result a history record keeps (structurally a `VerifyResult`). */
export interface Verification {
  items: readonly { itemId: string; detectedStatus: string; remaining?: readonly unknown[] }[];
  categories: readonly { id: string; slots: number; declared: { done: number }; verified: { done: number } }[];
}

export interface HistoryStages {
  /** Parse the doc's bytes as they were at a commit. */
  parseDoc(bytes: Buffer, path: string): TrackingDoc;
  /**
   * A thread that will parse the versions a walk needs (given once the log is read, in walk order),
   * as parseDoc would; started before the log so it is ready when the walk begins. Optional:
   * without it, or when it returns null, the walk parses each version with parseDoc.
   */
  docsAhead?(): DocsAhead | null;
  /** A metric's value on a tree (null when it cannot be evaluated). Called with a per-backfill cache inside. */
  evaluateMetric(metric: BackfillMetric, tree: RepoTree): Promise<number | null>;
  /**
   * Several metrics' values on one tree, reading each file once for all of them. Optional: without
   * it, evaluateMetric is called for each.
   */
  evaluateMetrics?(metrics: readonly BackfillMetric[], tree: RepoTree): Promise<(number | null)[]>;
  /**
   * Whether the metric's value is a sum over files (see per-file-metric.ts), so it can be updated
   * per changed file. Optional: without it every metric is re-run on the whole tree when needed.
   */
  sumsOverFiles?(metric: BackfillMetric): boolean;
  /** Detected statuses and category counts of `doc` against `tree`; `renames` are old → new paths seen so far. */
  verify(doc: TrackingDoc, tree: RepoTree, context: { renames: ReadonlyMap<string, string> }): Promise<Verification>;
}
