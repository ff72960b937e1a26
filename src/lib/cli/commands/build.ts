/** `migratrack build`: snapshot + history + site. */
import { SITE_OPTIONS, TARGET_OPTIONS, cliFlags, type CommandSpec } from '../spec.js';
import { PACKAGE_DIR } from '../version.js';
import { previewHint } from './preview.js';
import { displayPath, resolveFor } from './shared.js';

export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'Parse the doc, scan the repo and its history, and render the site',
  description:
    'Reads the tracking doc, scans the repository, backfills and appends the history file, then builds the static site.\nWith no target and no config file it builds the generated demo repository.',
  options: [
    ...TARGET_OPTIONS,
    ...SITE_OPTIONS,
    { flags: '--force', description: 'Allow an --out folder migratrack did not make (moved aside, not deleted)' },
    { flags: '--merge <glob>', description: 'One site from the shards of many repositories (scan --shard), e.g. \'shards/*.json\'' },
    { flags: '--org-config <file>', description: 'With --merge: the org config; a listed repository without a shard is shown missing' },
    { flags: '--no-repo-pages', description: 'With --merge: the org dashboard and its data only, not each repository\'s pages' },
  ],
  examples: [
    ['build', 'the demo site, or the target named in migratrack.config.*'],
    ['build --repo ../orchestration --doc docs/JITTER-ADOPTION-TRACKING.md', 'a repository of yours'],
    ['build --base /orchestration/ --site https://acme.github.io/orchestration/', 'for GitHub Pages'],
    ['build --out public --force', 'into a folder of yours: what it held is kept in public.before-migratrack-*'],
    ["build --merge 'shards/*.json' --org-config migratrack.org.json", 'the org site from a CI matrix\'s shards (docs/ORG.md)'],
  ],
  async run(ctx) {
    if (ctx.options.merge !== undefined) return (await import('./build-merge.js')).runBuildMerge(ctx);
    const opts = { ...(await resolveFor(ctx, false)), forceOut: ctx.options.force === true };
    const pipeline = await ctx.pipeline();
    // Before the history is appended or anything is scanned: a refused --out costs nothing.
    await pipeline.checkSiteOutput(opts);
    const { snapshot, history } = await pipeline.buildSnapshot(opts, ctx.log);
    const { outDir, pages } = await pipeline.renderSite(opts, snapshot, ctx.log);
    const t = snapshot.totals;
    ctx.log.info(`${t.declaredDone}/${t.slots} declared done, ${t.verifiedDone}/${t.slots} verified in the code; ${history.length} history records`);
    const configFlag = cliFlags(ctx.options).config;
    const loaded = await (await import('../../config/index.js')).loadConfig(ctx.io.cwd, configFlag);
    const config = loaded === null ? null : { out: loaded.config.out, base: loaded.config.base, dir: loaded.dir };
    const hint = previewHint({ packageRoot: PACKAGE_DIR, cwd: ctx.io.cwd, outDir, base: opts.base, configFlag, config });
    ctx.log.success(`Site written to ${displayPath(ctx.io.cwd, outDir)}/ (${pages} pages). Preview it with \`${hint}\`.`);
    return 0;
  },
};
