/** `build --merge GLOB` (issue 24): one site from the shards of many repositories (docs/ORG.md). */
import path from 'node:path';
import { loadOrgConfig, normaliseBase } from '../../config/index.js';
import { MigratrackError } from '../../errors.js';
import { isRepo } from '../../org/index.js';
import { stringOption, type CommandContext } from '../spec.js';
import { VERSION } from '../version.js';
import { displayPath } from './shared.js';

export async function runBuildMerge(ctx: CommandContext): Promise<number> {
  const cwd = ctx.io.cwd;
  const pattern = stringOption(ctx.options, 'merge');
  if (pattern === undefined || pattern === '') throw new MigratrackError('usage', "--merge needs a glob of shard files (e.g. --merge 'shards/*.json')");
  for (const flag of ['repo', 'doc', 'history', 'since', 'notes', 'config'] as const) {
    if (ctx.options[flag] !== undefined) throw new MigratrackError('usage', `--${flag} does not go with --merge (the shards hold each repository's scan; see migratrack build --help)`);
  }
  const site = stringOption(ctx.options, 'site') ?? null;
  if (site !== null && !URL.canParse(site)) throw new MigratrackError('usage', `--site: "${site}" is not an absolute URL (expected e.g. https://acme.github.io/migration/)`);
  const orgFlag = stringOption(ctx.options, 'orgConfig');
  const org = orgFlag === undefined ? null : await loadOrgConfig(cwd, orgFlag);
  const { buildMergedSite } = await import('../../pipeline/merge-site.js');
  const result = await buildMergedSite(
    {
      pattern,
      cwd,
      org,
      outDir: path.resolve(cwd, stringOption(ctx.options, 'out') ?? 'dist'),
      base: normaliseBase(stringOption(ctx.options, 'base') ?? '/'),
      site,
      force: ctx.options.force === true,
      repoPages: ctx.options.repoPages !== false,
      toolVersion: VERSION,
      verbose: ctx.log.level === 'verbose',
    },
    ctx.log,
  );
  if (result.keptAside !== null) ctx.log.warn(`the --out folder was not a migratrack site (--force): what it held is kept in ${result.keptAside}`);
  const problems = result.rows.filter((r) => !isRepo(r));
  for (const p of problems) ctx.log.warn(`${p.name}: ${p.status}: ${p.reason}`);
  ctx.log.success(`Org site written to ${displayPath(cwd, result.outDir)}/ (${result.rows.length - problems.length} repositories${problems.length > 0 ? `, ${problems.length} missing or failed` : ''}).`);
  return 0;
}
