/** `migratrack scan`: the snapshot without a site, as JSON, markdown or a terminal summary. */
import { MigratrackError } from '../../errors.js';
import { TARGET_OPTIONS, stringOption, type CommandSpec } from '../spec.js';
import { resolveFor } from './shared.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const scanCommand: CommandSpec = {
  name: 'scan',
  summary: 'Print the snapshot (progress, metrics, drift) without building a site',
  description: 'Runs the pipeline without writing the history file or the site, and prints the result.\n`--format markdown` is ready to paste into a pull-request comment or a standup note.',
  options: [
    { flags: '--format <format>', description: 'text (default), markdown or json' },
    ...TARGET_OPTIONS,
    { flags: '--shard <name>', description: 'Write this repository as a shard named <name> for build --merge (needs --out)' },
    { flags: '--out <file>', description: 'With --shard: the shard file (only a shard is ever overwritten)' },
    { flags: '--org-config <file>', description: 'With --shard: the org config (migratrack.org.json) naming the doc or the patterns' },
  ],
  examples: [
    ['scan', 'a terminal summary'],
    ['scan --format markdown > progress.md', 'a PR-comment-ready summary'],
    ['scan --format json | jq .totals', 'the snapshot as JSON (docs/SNAPSHOT.md)'],
    ['scan --shard billing-api --repo . --org-config org/migratrack.org.json --out shard.json', 'a shard for build --merge (docs/ORG.md)'],
  ],
  async run(ctx) {
    if (ctx.options.shard !== undefined) return (await import('./scan-shard.js')).runScanShard(ctx);
    for (const flag of ['out', 'orgConfig'] as const) {
      if (ctx.options[flag] !== undefined) throw new MigratrackError('usage', `--${flag === 'out' ? 'out' : 'org-config'} is for a shard (expected --shard NAME with it; scan itself writes no file)`);
    }
    const format = stringOption(ctx.options, 'format') ?? 'text';
    if (!FORMATS.includes(format as Format)) {
      throw new MigratrackError('usage', `--format: "${format}" is not a format (expected text, markdown or json)`);
    }
    const opts = await resolveFor(ctx, true);
    const { snapshot } = await (await ctx.pipeline()).buildSnapshot(opts, ctx.log);
    const { renderMarkdownSummary, renderTextSummary } = await import('../summary/index.js');
    if (format === 'json') ctx.print((await import('../../snapshot/checked.js')).snapshotText(snapshot));
    else if (format === 'markdown') ctx.print(renderMarkdownSummary(snapshot));
    else ctx.print(renderTextSummary(snapshot, ctx.colors));
    return 0;
  },
};
