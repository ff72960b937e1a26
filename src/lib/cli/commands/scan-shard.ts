/**
 * `scan --shard NAME --out FILE` (issue 24): the scan as a shard for `build --merge`. The org config
 * (`--org-config`) names the repository's doc, or gives the patterns a repository without one is
 * tracked by.
 */
import path from 'node:path';
import { loadConfig, loadOrgConfig, resolveOptions, sourceDateEpoch, type LoadedOrgConfig } from '../../config/index.js';
import { MigratrackError } from '../../errors.js';
import { ShardName } from '../../org/index.js';
import type { ShardRequest } from '../../pipeline/shard.js';
import { cliFlags, stringOption, type CommandContext } from '../spec.js';
import { VERSION } from '../version.js';
import { displayPath } from './shared.js';

export async function runScanShard(ctx: CommandContext): Promise<number> {
  const cwd = ctx.io.cwd;
  const name = shardName(stringOption(ctx.options, 'shard') ?? '');
  const given = stringOption(ctx.options, 'out');
  if (given === undefined || given === '') throw new MigratrackError('usage', '--shard needs --out FILE (where to write the shard, e.g. --out shard.json)');
  const out = { file: path.resolve(cwd, given), given };
  const { checkShardOut } = await import('../../pipeline/shard-file.js');
  // Before any work: a refused --out costs nothing.
  await checkShardOut(out.file, given);
  const orgFlag = stringOption(ctx.options, 'orgConfig');
  const org = orgFlag === undefined ? null : await loadOrgConfig(cwd, orgFlag);
  const target = await shardTarget(ctx, name, org);
  const { writeShard } = await import('../../pipeline/shard.js');
  const { shard, bytes } = await writeShard({ name, toolVersion: VERSION, target, out, cwd }, ctx.log);
  const t = shard.snapshot.totals;
  const what = shard.metricsOnly ? `${shard.snapshot.metrics.length} metrics (no tracking doc)` : `${t.verifiedDone}/${t.slots} verified done`;
  ctx.log.success(`Shard ${name} written to ${displayPath(cwd, out.file)} (${(bytes / 1024).toFixed(0)} KiB: ${what}, ${shard.history.records.length} history records)`);
  return 0;
}

function shardName(raw: string): string {
  const parsed = ShardName.safeParse(raw);
  if (!parsed.success) throw new MigratrackError('usage', `--shard: "${raw}" ${parsed.error.issues[0]?.message ?? 'is not a name'}`);
  return parsed.data;
}

async function shardTarget(ctx: CommandContext, name: string, org: LoadedOrgConfig | null): Promise<ShardRequest['target']> {
  const cwd = ctx.io.cwd;
  const flags = cliFlags(ctx.options);
  const entry = org?.config.repos.find((r) => r.name === name) ?? null;
  if (org !== null && entry === null) {
    throw new MigratrackError('usage', `--shard: "${name}" is not a repository of ${org.file} (expected one of ${org.config.repos.map((r) => r.name).join(', ')})`, { file: org.file });
  }
  if (flags.doc === undefined && entry?.doc !== undefined) flags.doc = entry.doc;
  const loaded = await loadConfig(cwd, flags.config);
  if (org !== null && flags.doc === undefined && loaded?.config.doc === undefined) {
    // No doc anywhere: tracked by the org's patterns (metrics only).
    const configDir = loaded?.dir ?? cwd;
    const repo = flags.repo !== undefined ? path.resolve(cwd, flags.repo) : path.resolve(configDir, loaded?.config.repo ?? '.');
    return {
      kind: 'metrics',
      input: {
        repo,
        metrics: org.config.metrics,
        ignore: loaded?.config.ignore ?? [],
        historyFile: flags.history !== undefined ? path.resolve(cwd, flags.history) : path.join(repo, '.migratrack', 'history.json'),
        sourceDate: sourceDateEpoch(ctx.io.env.SOURCE_DATE_EPOCH),
        // As for a repository with a doc (config/resolve.ts): backfilled unless --no-backfill.
        backfill: flags.backfill ?? true,
        since: flags.since ?? loaded?.config.history.backfillSince ?? null,
      },
    };
  }
  return { kind: 'doc', opts: resolveOptions(flags, loaded, cwd, true, ctx.io.env) };
}
