/**
 * `migratrack scan --shard NAME --out FILE` (issue 24): one repository's snapshot and history as
 * a shard. A repository with a tracking doc is built as `scan` builds it (history backfilled from
 * git, nothing written but the shard); one without is scanned for the org config's patterns.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedOptions } from '../config/index.js';
import type { Logger } from '../cli/index.js';
import { HISTORY_SCHEMA_VERSION, repoIdentity, type HistoryFile } from '../history/index.js';
import { makeShard, type Shard } from '../org/index.js';
import { buildSnapshot } from './build-snapshot.js';
import { buildMetricsOnlySnapshot, type MetricsOnlyInput } from './metrics-only.js';
import { writeShardFile } from './shard-file.js';

export interface ShardRequest {
  name: string;
  toolVersion: string;
  /** The resolved options of a repository with a doc, or what a doc-less one is scanned for. */
  target: { kind: 'doc'; opts: ResolvedOptions } | { kind: 'metrics'; input: MetricsOnlyInput };
  out: { file: string; given: string };
  cwd: string;
}

export async function writeShard(request: ShardRequest, log: Logger): Promise<{ shard: Shard; bytes: number }> {
  const { target } = request;
  const built = target.kind === 'doc' ? await withDoc(target.opts, log) : await buildMetricsOnlySnapshot(target.input);
  const repo = target.kind === 'doc' ? target.opts.repo : target.input.repo;
  const historyFile = target.kind === 'doc' ? target.opts.history.file : target.input.historyFile;
  const shard = makeShard({
    name: request.name,
    toolVersion: request.toolVersion,
    metricsOnly: target.kind === 'metrics',
    snapshot: built.snapshot,
    history: built.history,
    localPaths: await localPaths(repo, historyFile, request.cwd),
  });
  return { shard, bytes: await writeShardFile(request.out.file, request.out.given, shard) };
}

async function withDoc(opts: ResolvedOptions, log: Logger): Promise<{ snapshot: Shard['snapshot']; history: HistoryFile }> {
  const { snapshot, history } = await buildSnapshot({ ...opts, dryRun: true }, log);
  const identity = await repoIdentity(opts.repo);
  return { snapshot, history: { schemaVersion: HISTORY_SCHEMA_VERSION, repo: { id: identity.id }, records: history } };
}

/** The scanning machine's paths a message may name, and what the shard says instead. */
async function localPaths(repo: string, historyFile: string, cwd: string): Promise<{ path: string; shownAs: string }[]> {
  const name = path.basename(repo);
  const real = await realpath(repo).catch(() => repo);
  return [
    { path: historyFile, shownAs: path.relative(repo, historyFile).split(path.sep).join('/') },
    { path: repo, shownAs: name },
    { path: real, shownAs: name },
    { path: cwd, shownAs: '.' },
  ];
}
