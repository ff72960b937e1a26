/**
 * The doc's commands as the verify stage uses them, through the scanner (never a shell):
 * a category's "Command to find" names the pattern that must be gone from its files, and a group's
 * command lists its member files.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import { evaluatePipeline, parseGrepCommand, type GrepPipeline } from '../scan/index.js';
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
export function configCategoryPatterns(metrics: readonly ConfigMetricLike[], diagnostics: Diagnostic[]): CategoryPattern[] {
  const out: CategoryPattern[] = [];
  for (const m of metrics) {
    if (m.category === undefined || m.better !== 'lower') continue;
    let spec: PatternSpec | null = null;
    if (m.pattern !== undefined) spec = { pattern: m.pattern, flavour: m.flavour, ignoreCase: m.ignoreCase, wordRegexp: false, invert: false };
    else if (m.command !== undefined) {
      const parsed = parseGrepCommand(m.command);
      if (parsed.ok) spec = firstPattern(parsed.pipeline);
      else diagnostics.push(unsupported(m.command, parsed.reason, null, null));
    }
    if (spec) out.push({ categoryId: m.category, label: m.name, spec, docLine: null, source: 'config' });
  }
  return out;
}

/** Files each group command reports on `tree`, by command id. */
export async function commandFilesOf(doc: TrackingDoc, tree: RepoTree, diagnostics: Diagnostic[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const command of doc.commands) {
    if (command.groupId === null) continue;
    const parsed = parseGrepCommand(command.command);
    if (!parsed.ok) continue; // categoryPatternsOf already reported it
    const result = await evaluatePipeline(parsed.pipeline, tree, {});
    out.set(command.id, [...new Set(result.matches.map((m) => m.path))].sort());
  }
  return out;
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
