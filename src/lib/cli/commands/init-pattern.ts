/**
 * `migratrack init --pattern <regex> [--include <glob>]… [--weeks N]` (issue 19): for a team with no
 * doc yet, the tracking doc of every file that matches, and a config metric counting the pattern,
 * which also makes each listed file's check "the pattern is gone" (verify/commands.ts), so
 * `migratrack sync` can tick the files as they are migrated. Everything is checked and the doc
 * rendered before `init` writes anything; an existing doc is never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MigratrackError } from '../../errors.js';
import type { RepoTree } from '../../scan/index.js';
import { stringOption, type CommandContext, type OptionSpec } from '../spec.js';
import { countCommand, renderPatternDoc } from './pattern-doc.js';

export const PATTERN_OPTIONS: OptionSpec[] = [
  { flags: '--pattern <regex>', description: 'Also write a tracking doc of the files matching this extended regex (grep -E)' },
  { flags: '--include <glob>', description: 'With --pattern: only files whose name matches (grep --include; repeatable)' },
  { flags: '--weeks <n>', description: 'With --pattern: weekly milestones splitting the files (default 4)' },
  { flags: '--start <date>', description: 'With --pattern: the start date, YYYY-MM-DD (default today)' },
];

/** The doc to write and the config metric that goes with it. */
export interface PatternStart {
  docFile: string;
  doc: string;
  files: number;
  /** A JavaScript object literal for the config's `metrics` array. */
  metric: string;
}

function listOption(raw: unknown): string[] {
  if (raw === undefined || raw === false) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

async function openTree(root: string): Promise<RepoTree> {
  const { fsTree, gitTree } = await import('../../scan/index.js');
  try {
    return await gitTree(root);
  } catch {
    return fsTree(root, []);
  }
}

/** Checks the flags and scans the repository; null without --pattern. Writes nothing. */
export async function planPatternStart(ctx: CommandContext, cwd: string, docPath: string): Promise<PatternStart | null> {
  const pattern = stringOption(ctx.options, 'pattern');
  if (pattern === undefined) {
    for (const flag of ['include', 'weeks', 'start']) if (ctx.options[flag] !== undefined) throw new MigratrackError('usage', `--${flag} only goes with --pattern`);
    return null;
  }
  if (pattern === '' || /[\r\n]/.test(pattern)) throw new MigratrackError('usage', '--pattern: expected a one-line extended regular expression');
  const includes = listOption(ctx.options.include);
  if (includes.some((glob) => glob === '' || /[\r\n]/.test(glob))) throw new MigratrackError('usage', '--include: expected a file name glob such as "*.py"');
  const weeksText = stringOption(ctx.options, 'weeks') ?? '4';
  if (!/^\d+$/.test(weeksText) || Number(weeksText) < 1 || Number(weeksText) > 104) throw new MigratrackError('usage', `--weeks: "${weeksText}" is not a number of weeks (expected 1-104)`);
  const startDate = stringOption(ctx.options, 'start') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(`${startDate}T00:00:00Z`))) throw new MigratrackError('usage', `--start: "${startDate}" is not a date (expected YYYY-MM-DD)`);
  const docFile = path.resolve(cwd, docPath);
  if (existsSync(docFile)) throw new MigratrackError('usage', `${docPath} already exists; init --pattern never overwrites a doc (choose another --doc)`);
  const command = countCommand(pattern, includes);
  // The scan loads with `init --pattern` only, not with every start of the CLI.
  const { evaluatePipeline, parseGrepCommand } = await import('../../scan/index.js');
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new MigratrackError('usage', `--pattern: ${parsed.reason}`);
  const tree = await openTree(cwd);
  try {
    const result = await evaluatePipeline(parsed.pipeline, tree, { maxMatches: 0 });
    if (result.incomplete !== null) throw new MigratrackError('input', `--pattern: the count is incomplete (${result.incomplete}); simplify the pattern`);
    const files = result.byFile.filter((file) => file.count > 0 && !/[\r\n]/.test(file.path));
    const skipped = result.byFile.length - files.length;
    if (skipped > 0) ctx.log.warn(`${skipped} matching file${skipped === 1 ? '' : 's'} with a line break in the name left out of the doc`);
    const doc = renderPatternDoc({ pattern, includes, files, startDate, weeks: Number(weeksText), command });
    const metric = JSON.stringify({ id: 'pattern', name: `Lines matching ${pattern}`, pattern, flavour: 'extended', include: includes, better: 'lower' });
    return { docFile, doc, files: files.length, metric };
  } finally {
    await tree.close?.();
  }
}

/** Writes the doc, never over an existing file. */
export async function writePatternDoc(start: PatternStart): Promise<void> {
  await mkdir(path.dirname(start.docFile), { recursive: true });
  await writeFile(start.docFile, start.doc, { flag: 'wx' });
}
