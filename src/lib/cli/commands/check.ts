/**
 * `migratrack check`: the CI ratchet. The baseline is read before the pipeline runs, because with
 * `--update` (and no --baseline) the pipeline appends this run to the very file it came from.
 */
import path from 'node:path';
import { TARGET_OPTIONS, stringOption, type CommandSpec } from '../spec.js';
import { displayPath, resolveFor } from './shared.js';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Fail when remaining calls rose or a done item went back, compared to a baseline',
  description:
    'Compares the current state with a baseline: the last record of the history file, or --baseline FILE\n(a snapshot, a history file, or a file written by --update). Exits 1 on any regression, listing\neach with its file and line; exits 0 and lists what improved otherwise.',
  options: [
    { flags: '--baseline <file>', description: 'Compare with this file instead of the last history record' },
    { flags: '--update', description: 'Accept the current state as the new baseline (always exits 0)' },
    ...TARGET_OPTIONS,
  ],
  examples: [
    ['check', 'compare with the last history record'],
    ['check --baseline .migratrack/baseline.json', 'compare with a committed baseline'],
    ['check --baseline .migratrack/baseline.json --update', 'accept the current state'],
  ],
  async run(ctx) {
    const { compareToBaseline, formatCheckResult, hasRegressions, readBaseline, writeBaseline } = await import('../check/index.js');
    const baselineFlag = stringOption(ctx.options, 'baseline');
    const update = ctx.options.update === true;
    // Only `--update` without --baseline lets the pipeline write: it appends the new history record.
    const opts = await resolveFor(ctx, !(update && baselineFlag === undefined));
    const baselineFile = baselineFlag === undefined ? opts.history.file : path.resolve(ctx.io.cwd, baselineFlag);
    // A missing --baseline file is an error, except with --update, which is how it gets created.
    const baseline = await readBaseline(baselineFile, baselineFlag === undefined || update ? null : '--baseline');
    const { snapshot } = await (await ctx.pipeline()).buildSnapshot(opts, ctx.log);
    const shown = displayPath(ctx.io.cwd, baselineFile);

    let failed = false;
    if (baseline === null) {
      ctx.print(
        update
          ? `No baseline yet at ${shown}: recording the current state.\n`
          : `No baseline yet: ${shown} is missing or has no records, so there is nothing to compare. Record one with \`migratrack check --update\` or \`migratrack build\`.\n`,
      );
    } else {
      const result = compareToBaseline(snapshot, baseline);
      ctx.print(formatCheckResult(result, baseline, ctx.colors));
      failed = hasRegressions(result);
    }
    if (update) {
      if (baselineFlag !== undefined) await writeBaseline(baselineFile, snapshot);
      ctx.log.success(baselineFlag !== undefined ? `Baseline written to ${shown}` : `History record appended to ${shown}`);
      return 0;
    }
    return failed ? 1 : 0;
  },
};
