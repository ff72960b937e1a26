/**
 * Making a shard from a build's snapshot and history: the envelope, and no absolute path of the
 * machine that scanned (a shard is published, through the merged site's API, like a snapshot).
 */
import { HISTORY_SCHEMA_VERSION, storeHistory, type HistoryFile } from '../history/index.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../snapshot/schema.js';
import { Shard, SHARD_FORMAT, SHARD_VERSION } from './schema.js';

export interface ShardInput {
  name: string;
  toolVersion: string;
  metricsOnly: boolean;
  snapshot: Snapshot;
  history: HistoryFile;
  /**
   * Absolute paths of this machine that messages may carry (the repository, the history file):
   * each is replaced by what it is relative to, most specific first.
   */
  localPaths: { path: string; shownAs: string }[];
}

/** The shard, validated; throws (a bug, not the user's input) when the pieces do not make one. */
export function makeShard(input: ShardInput): Shard {
  const shard = {
    format: SHARD_FORMAT,
    shardVersion: SHARD_VERSION,
    tool: { name: 'migratrack', version: input.toolVersion },
    schemas: { snapshot: SNAPSHOT_SCHEMA_VERSION, history: HISTORY_SCHEMA_VERSION },
    name: input.name,
    metricsOnly: input.metricsOnly,
    snapshot: input.snapshot,
    history: storeHistory(input.history),
  };
  return Shard.parse(withoutLocalPaths(shard, input.localPaths));
}

/** Every string of `value` with the local paths replaced (diagnostics name the folders they read). */
export function withoutLocalPaths<T>(value: T, paths: ShardInput['localPaths']): T {
  const ordered = [...paths].filter((p) => p.path.length > 1).sort((a, b) => b.path.length - a.path.length);
  if (ordered.length === 0) return value;
  const scrub = (text: string): string => ordered.reduce((t, p) => t.split(p.path).join(p.shownAs), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}
