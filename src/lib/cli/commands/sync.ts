/**
 * `migratrack sync` (issue 19): writes what the code shows back into the tracking doc. A dry run
 * by default (the unified diff on stdout); `--write` replaces the doc atomically, refusing when it
 * changed since it was read; `--check` exits 1 when the doc is out of date (for CI).
 */
import type { TrackingDoc } from '../../doc/index.js';
import { MigratrackError } from '../../errors.js';
import { printableLine, printableText } from '../../printable.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { planSync, SyncPlan } from '../../sync/index.js';
import { TARGET_OPTIONS, type CommandContext, type CommandSpec } from '../spec.js';
import { statDoc, writeDocIfUnchanged } from './doc-write.js';
import { displayPath, resolveFor } from './shared.js';

export const syncCommand: CommandSpec = {
  name: 'sync',
  summary: 'Write the statuses the code shows into the tracking doc (a diff by default)',
  description:
    'Rewrites the status of each item the code shows further along (the **Status:** words, the box, the leading mark,\nthe table cell, ✓/✗ check cells, a group\'s "(each)" Status, in the doc\'s own vocabulary), moves a line whose status is\nits section ("## Next Steps") into the doc\'s section for the new status, and updates the summaries and overall statuses\nthe doc states; every other byte is kept. Prints a unified diff unless --write. Items declared done that the code shows\nnot done are listed and left alone unless --demote. A doc holding <!-- migratrack:summary --> and\n<!-- /migratrack:summary --> gets a progress table between them.',
  options: [
    { flags: '--write', description: 'Replace the doc (atomically; refused if it changed meanwhile)' },
    { flags: '--check', description: 'Exit 1 when the doc is out of date (prints the diff)' },
    { flags: '--demote', description: 'Also lower statuses the code does not support' },
    { flags: '--repair-encoding', description: 'Write a mojibake\'d doc back as clean UTF-8' },
    ...TARGET_OPTIONS.filter((option) => /--(repo|doc|config)\b/.test(option.flags)),
  ],
  examples: [
    ['sync', 'show what would change'],
    ['sync --write', 'update the doc'],
    ['sync --check', 'fail CI when the doc is behind the code'],
  ],
  async run(ctx) {
    const write = ctx.options.write === true;
    const check = ctx.options.check === true;
    if (write && check) throw new MigratrackError('usage', '--write and --check: choose one (--check never writes)');
    const opts = await resolveFor(ctx, true);
    const [{ createTrackingDocParser }, { readDocBytes }, { applyEdits, planSync, unifiedDiff }] = await Promise.all([import('../../doc/index.js'), import('../../pipeline/target.js'), import('../../sync/index.js')]);
    const file = opts.docAbsolute;
    const mtimeMs = await statDoc(file).catch(() => 0);
    const bytes = await readDocBytes(file);
    const parse = createTrackingDocParser(opts.reading);
    const doc = parse(bytes, opts.doc);
    // Only the verdicts at HEAD are needed: no history walk, nothing written.
    const { snapshot } = await (await ctx.pipeline()).buildSnapshot({ ...opts, history: { ...opts.history, backfill: false } }, ctx.log);
    if (!(await readDocBytes(file)).equals(bytes)) throw new MigratrackError('input', `${file} changed while sync was checking the code; run sync again.`, { file });
    const plan = planSync(doc, syncInput(snapshot, ctx.options.demote === true), (text) => parse(text, opts.doc));
    const after = applyEdits(bytes, doc, plan.edits, { repairEncoding: ctx.options.repairEncoding === true });
    report(ctx, plan, doc);
    const shown = displayPath(ctx.io.cwd, file);
    if (after.equals(bytes)) {
      ctx.log.success(`${shown} is up to date`);
      return 0;
    }
    if (write) {
      await writeDocIfUnchanged(file, { bytes, mtimeMs }, after);
      ctx.log.success(`Wrote ${shown}: ${describe(plan)}`);
      return 0;
    }
    // The doc is untrusted: its control characters (an ESC sequence, a CR) are shown, not sent to the terminal.
    ctx.print(printableText(unifiedDiff(opts.doc, bytes, after)));
    if (check) {
      ctx.log.warn(`${shown} is out of date: ${describe(plan)}; run \`migratrack sync --write\``);
      return 1;
    }
    ctx.log.info(`Dry run: ${describe(plan)}; pass --write to apply`);
    return 0;
  },
};

function syncInput(snapshot: Snapshot, demote: boolean): Parameters<typeof planSync>[1] {
  return {
    verified: new Map(snapshot.items.map((item) => [item.id, item.detectedStatus])),
    progress: snapshot.categories.map((category) => ({ title: category.title, done: category.verified.done, total: category.slots, remainingCalls: category.remaining.calls })),
    demote,
  };
}

function describe(plan: SyncPlan): string {
  const statuses = plan.edits.filter((edit) => edit.kind === 'status').length;
  const summaryLines = new Set(plan.edits.filter((edit) => edit.kind === 'summary').map((edit) => edit.line)).size;
  const block = plan.edits.some((edit) => edit.kind === 'summary-block');
  const moved = plan.moves.length;
  const rollups = plan.edits.filter((edit) => edit.kind === 'rollup').length;
  return [
    `${statuses} status${statuses === 1 ? '' : 'es'}`,
    ...(moved > 0 ? [`${moved} item${moved === 1 ? '' : 's'} moved to ${moved === 1 ? 'its' : 'their'} status section`] : []),
    `${summaryLines} summary line${summaryLines === 1 ? '' : 's'}`,
    ...(rollups > 0 ? [`${rollups} overall status${rollups === 1 ? '' : 'es'}`] : []),
    ...(block ? ['the summary block'] : []),
  ].join(', ');
}

/** Each change and each item left alone, on stderr, with its doc line. */
function report(ctx: CommandContext, plan: SyncPlan, doc: TrackingDoc): void {
  for (const change of plan.changes) ctx.log.info(printableLine(`${doc.path}:${change.line}: ${change.name}: ${change.from} → ${change.to} ("${change.text}")`));
  for (const left of plan.leftAlone) ctx.log.warn(`${doc.path}:${left.line}: ${left.name} left as ${left.declared} (code: ${left.verified}): ${left.why}`);
}
