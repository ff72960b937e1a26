/** `migratrack explain`: how the tracking doc was read, item by item, and what was left out. */
import { TARGET_OPTIONS, stringOption, type CommandSpec } from '../spec.js';
import { MigratrackError } from '../../errors.js';
import { resolveFor } from './shared.js';

export const explainCommand: CommandSpec = {
  name: 'explain',
  summary: 'Show how the tracking doc was read: each item, its reader and its status source',
  description:
    'Parses the tracking doc only (no scan, no history) and prints each item with its doc line, the reader that read it\n(seed, status-heading, table-row, task-line, status-line, section-line) and where its status came from; then the\nlist lines, rows and headings that look like items but were not read, and why. `--format json` prints the same as JSON.',
  options: [{ flags: '--format <format>', description: 'text (default) or json' }, ...TARGET_OPTIONS.filter((option) => /--(repo|doc|config)\b/.test(option.flags))],
  examples: [
    ['explain --doc docs/MIGRATION.md', 'how each line of the doc was read'],
    ['explain --format json | jq ".unread"', 'what looked like an item but was not read'],
  ],
  async run(ctx) {
    const format = stringOption(ctx.options, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new MigratrackError('usage', `--format: "${format}" is not a format (expected text or json)`);
    const opts = await resolveFor(ctx, true);
    const [{ explainDoc, parseTrackingDoc }, { readDocBytes }] = await Promise.all([import('../../doc/index.js'), import('../../pipeline/target.js')]);
    const doc = parseTrackingDoc(await readDocBytes(opts.docAbsolute), opts.doc, opts.reading);
    if (format === 'json') {
      const items = doc.items.map((item) => ({ id: item.id, line: item.source.startLine, name: item.name, path: item.path, category: item.categoryId, status: item.status.status, reading: item.reading ?? { reader: 'seed' } }));
      ctx.print(`${JSON.stringify({ path: doc.path, items, unread: doc.unread ?? [], diagnostics: doc.diagnostics }, null, 2)}\n`);
    } else {
      ctx.print(`${explainDoc(doc).join('\n')}\n`);
    }
    return 0;
  },
};
