/**
 * The doc's commands as the verify stage uses them, through the scanner (never a shell):
 * a category's "Command to find" names the pattern that must be gone from its files, and a group's
 * command lists its member files.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import { evaluatePipelines, parseGrepCommand, type GrepPipeline, type MetricResult, type ScanCache } from '../scan/index.js';
import type { PatternSpec, RepoTree } from '../scan/types.js';
import type { CategoryPattern } from './types.js';

/** The first grep's pattern of each category command: what that category removes. */
export function categoryPatternsOf(doc: TrackingDoc, diagnostics: Diagnostic[]): CategoryPattern[] {
  const out: CategoryPattern[] = [];
  for (const command of doc.commands) {
    if (command.categoryId === null) continue;
    const parsed = parseGrepCommand(command.command);
    if (!parsed.ok) {
      diagnostics.push(unsupported(command.command, parsed.reason, doc.path, command.source.startLine));
      continue;
    }
    const spec = firstPattern(parsed.pipeline);
    if (spec) out.push({ categoryId: command.categoryId, label: command.label, spec, docLine: command.source.startLine, source: 'doc' });
  }
  return out;
}

/** The fields of a config metric (src/lib/config MetricConfig) this stage reads. */
export interface ConfigMetricLike {
  id: string;
  name: string;
  category?: string;
  better: 'lower' | 'higher';
  pattern?: string;
  command?: string;
  flavour: PatternSpec['flavour'];
  ignoreCase: boolean;
}

/**
 * Config metrics mapped to a category whose count should fall (`better: lower`): their pattern must
 * be gone from the category's files too. Adoption metrics (`higher`) say nothing about one file.
 */
/** Category key of config patterns that apply to every item with a path (`category: "*"`). */
export const EVERY_ITEM = '*';
/** Category key of config patterns without a category: every item a generic reader read. */
export const ANY_GENERIC_ITEM = '';

export function configCategoryPatterns(metrics: readonly ConfigMetricLike[], diagnostics: Diagnostic[]): CategoryPattern[] {
  const out: CategoryPattern[] = [];
  for (const m of metrics) {
    // A metric without a category checks the files of a generically read doc's items (issue 17);
    // "*" checks every item's file in any doc (see derive-checks.ts).
    if (m.better !== 'lower') continue;
    let spec: PatternSpec | null = null;
    if (m.pattern !== undefined) spec = { pattern: m.pattern, flavour: m.flavour, ignoreCase: m.ignoreCase, wordRegexp: false, invert: false };
    else if (m.command !== undefined) {
      const parsed = parseGrepCommand(m.command);
      if (parsed.ok) spec = firstPattern(parsed.pipeline);
      else diagnostics.push(unsupported(m.command, parsed.reason, null, null));
    }
    if (spec) out.push({ categoryId: m.category ?? ANY_GENERIC_ITEM, label: m.name, spec, docLine: null, source: 'config' });
  }
  return out;
}

/** A group's "Command to find", parsed (the ones outside the grep subset are left out). */
export interface GroupCommand {
  id: string;
  pipeline: GrepPipeline;
}

/** The doc's group commands the scanner can run; categoryPatternsOf reports the rest. */
export function groupCommandsOf(doc: TrackingDoc): GroupCommand[] {
  return doc.commands.flatMap((command) => {
    if (command.groupId === null) return [];
    const parsed = parseGrepCommand(command.command);
    return parsed.ok ? [{ id: command.id, pipeline: parsed.pipeline }] : [];
  });
}

/**
 * Files each group command reports, by command id, from the scanner's results for
 * `groupCommandsOf(doc)` in that order: the files its output lines come from after every stage
 * (`grep -v "base.py"` drops them, `cut | sort -u` keeps them).
 */
export function commandFilesFrom(commands: readonly GroupCommand[], results: readonly Pick<MetricResult, 'byFile'>[]): Map<string, string[]> {
  return new Map(commands.map((c, i) => [c.id, (results[i]?.byFile ?? []).map((f) => f.path)]));
}

/** Files each group command reports on `tree` (see commandFilesFrom). One pass for all. */
export async function commandFilesOf(
  doc: TrackingDoc,
  tree: RepoTree,
  opts: { cache?: ScanCache } = {},
): Promise<Map<string, string[]>> {
  const commands = groupCommandsOf(doc);
  return commandFilesFrom(commands, await evaluatePipelines(commands.map((c) => c.pipeline), tree, { cache: opts.cache, maxMatches: 0 }));
}

/**
 * The pattern of the pipeline's first grep: what the command looks for. The stages after it
 * (`grep -v "base.py"`, `cut`, `wc -l`) only narrow or count the listing, so they do not change
 * what must be gone from a file. An inverted first grep (`grep -v`) names what to keep: no check.
 */
function firstPattern(pipeline: GrepPipeline): PatternSpec | null {
  return pipeline.grep.spec.invert ? null : pipeline.grep.spec;
}

function unsupported(command: string, reason: string, file: string | null, line: number | null): Diagnostic {
  return diagnostic('warning', 'verify/unsupported-command', `Cannot use \`${command}\` to verify items: ${reason}`, { file, line });
}
