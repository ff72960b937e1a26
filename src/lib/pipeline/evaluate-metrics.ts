/**
 * Evaluates the planned metrics on the current tree in one pass over the files (the scanner reads
 * each file once for all patterns), together with `alongside`: other pipelines the build needs on
 * the same tree (the doc's group commands, for the verifier), so no file is read twice (issue 21).
 * A command outside the supported grep subset is reported, not guessed at and never run.
 */
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { evaluatePipelines, parseGrepCommand, type GrepPipeline, type MetricResult, type PatternSpec, type RepoTree, type ScanThreads } from '../scan/index.js';
import type { MetricInput } from '../verify/index.js';
import { failedMetric, type MetricPlan } from './metrics.js';

/**
 * The grep patterns evaluateMetrics will compile for these plans and pipelines. Parsing them here,
 * before the tree is listed, compiles them in the calling thread (compilePattern keeps them) while
 * git walks the work tree, and lets the scan threads compile them then too (compileAhead).
 */
export function patternSpecsOf(plans: readonly MetricPlan[], alongside: readonly GrepPipeline[]): PatternSpec[] {
  const parsed = plans.flatMap((plan) => {
    const r = parseGrepCommand(plan.command);
    return r.ok ? [r.pipeline] : [];
  });
  return [...parsed, ...alongside].map((p) => p.grep.spec);
}

export async function evaluateMetrics(
  plans: readonly MetricPlan[],
  tree: RepoTree,
  diagnostics: Diagnostic[],
  alongside: readonly GrepPipeline[] = [],
  threads: ScanThreads | null = null,
): Promise<{ metrics: MetricInput[]; alongside: MetricResult[] }> {
  const runnable: { plan: MetricPlan; pipeline: GrepPipeline }[] = [];
  const results = new Map<string, MetricInput>();
  for (const plan of plans) {
    const parsed = parseGrepCommand(plan.command);
    if (parsed.ok) {
      runnable.push({ plan, pipeline: parsed.pipeline });
      continue;
    }
    results.set(plan.id, failedMetric(plan, parsed.reason));
    diagnostics.push(
      diagnostic('warning', 'scan/unsupported-command', `Metric "${plan.label}" was not counted: ${parsed.reason}. Only grep pipelines are interpreted; nothing is run by a shell.`, {
        file: plan.source === 'doc' ? null : 'config',
        line: plan.docLine,
      }),
    );
  }
  const all = await evaluatePipelines([...runnable.map((r) => r.pipeline), ...alongside], tree, threads === null ? {} : { threads: { ready: threads } });
  const evaluated = all.slice(0, runnable.length);
  runnable.forEach(({ plan }, index) => {
    const result = evaluated[index];
    if (!result) return;
    diagnostics.push(...result.diagnostics);
    results.set(plan.id, {
      id: plan.id,
      label: plan.label,
      command: plan.shownCommand,
      unit: result.unit,
      value: result.incomplete === null ? result.value : null,
      error: result.incomplete === null ? null : `not counted: ${result.incomplete}`,
      better: plan.better,
      role: plan.role,
      categoryId: plan.categoryId,
      source: plan.source,
      docLine: plan.docLine,
      byFile: result.byFile,
      byDirectory: result.byDirectory,
      matches: result.matches,
    });
  });
  return { metrics: plans.flatMap((plan) => results.get(plan.id) ?? []), alongside: all.slice(runnable.length) };
}
