/**
 * Evaluates the planned metrics on the current tree in one pass over the files (the scanner reads
 * each file once for all patterns). A command outside the supported grep subset is reported, not
 * guessed at and never run.
 */
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import { evaluatePipelines, parseGrepCommand, type GrepPipeline, type RepoTree } from '../scan/index.js';
import type { MetricInput } from '../verify/index.js';
import { failedMetric, type MetricPlan } from './metrics.js';

export async function evaluateMetrics(plans: readonly MetricPlan[], tree: RepoTree, diagnostics: Diagnostic[]): Promise<MetricInput[]> {
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
  const evaluated = await evaluatePipelines(
    runnable.map((r) => r.pipeline),
    tree,
  );
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
  return plans.flatMap((plan) => results.get(plan.id) ?? []);
}
