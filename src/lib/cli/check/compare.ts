/**
 * The ratchet's decision, pure: which metrics and items got worse or better since the baseline.
 * In Betterer's spirit (`constraint.ts`): a metric may only move in its `better` direction and an
 * item once done (declared or verified) may not go back.
 */
import type { Match, Snapshot } from '../../snapshot/schema.js';
import type { Baseline } from './baseline.js';

export interface FileChange {
  path: string;
  /** null when the baseline has no per-file counts. */
  before: number | null;
  after: number;
  /** Current matching lines in that file (evidence for a rise). */
  lines: Match[];
}

export interface MetricChange {
  id: string;
  label: string;
  better: 'lower' | 'higher';
  before: number;
  after: number;
  /** Files that moved the same way as the metric; empty when the baseline has no per-file counts. */
  files: FileChange[];
}

export interface ItemChange {
  id: string;
  name: string;
  path: string | null;
  docLine: number | null;
  /** `declared`: the doc's status; `detected`: what the code shows. */
  field: 'declared' | 'detected';
  /** null when the baseline could not compute the status. */
  before: string | null;
  after: string;
  /** Call sites still to migrate in the item's file, as evidence for a step back. */
  lines: Match[];
}

export interface CheckResult {
  regressions: { metrics: MetricChange[]; items: ItemChange[] };
  improvements: { metrics: MetricChange[]; items: ItemChange[] };
  /** Things that could not be compared (new metric, metric that failed to evaluate, item removed). */
  notes: string[];
}

/** True when the check must fail. */
export function hasRegressions(result: CheckResult): boolean {
  return result.regressions.metrics.length + result.regressions.items.length > 0;
}

/** Compares the current snapshot with a baseline. */
export function compareToBaseline(current: Snapshot, baseline: Baseline): CheckResult {
  const result: CheckResult = { regressions: { metrics: [], items: [] }, improvements: { metrics: [], items: [] }, notes: [] };
  const seenMetrics = new Set<string>();
  for (const metric of current.metrics) {
    seenMetrics.add(metric.id);
    const before = baseline.metrics[metric.id];
    if (before === undefined) {
      result.notes.push(`metric ${metric.id} is new (${metric.value ?? 'not evaluated'}); nothing to compare it with`);
      continue;
    }
    if (metric.value === null || before === null) {
      result.notes.push(`metric ${metric.id} could not be compared (${metric.value === null ? `not evaluated now: ${metric.error ?? 'unknown error'}` : 'not evaluated in the baseline'})`);
      continue;
    }
    if (metric.value === before) continue;
    const rose = metric.value > before;
    const worse = metric.better === 'lower' ? rose : !rose;
    const beforeFiles = baseline.files?.[metric.id];
    const files = beforeFiles === undefined ? [] : changedFiles(metric.byFile, beforeFiles, rose, metric.matches);
    const change: MetricChange = { id: metric.id, label: metric.label, better: metric.better, before, after: metric.value, files };
    // Without per-file counts, a rise is still shown with every current match as evidence.
    if (worse && rose && beforeFiles === undefined) change.files = allFiles(metric.byFile, metric.matches);
    (worse ? result.regressions : result.improvements).metrics.push(change);
  }
  for (const id of Object.keys(baseline.metrics)) {
    if (!seenMetrics.has(id)) result.notes.push(`metric ${id} is in the baseline but no longer computed`);
  }
  compareItems(current, baseline, result);
  return result;
}

function compareItems(current: Snapshot, baseline: Baseline, result: CheckResult): void {
  const seen = new Set<string>();
  for (const item of current.items) {
    seen.add(item.id);
    const before = baseline.items[item.id];
    if (before === undefined) continue;
    const pairs = [
      ['declared', before.declared, item.declaredStatus],
      ['detected', before.detected, item.detectedStatus],
    ] as const;
    for (const [field, was, now] of pairs) {
      if ((was === 'done') === (now === 'done')) continue;
      const lines = item.remaining.length > 0 ? item.remaining : item.checks.filter((c) => c.passed === false).flatMap((c) => c.matches);
      const change: ItemChange = { id: item.id, name: item.name, path: item.path, docLine: item.docLine, field, before: was, after: now, lines };
      (was === 'done' ? result.regressions : result.improvements).items.push(change);
    }
  }
  for (const id of Object.keys(baseline.items)) {
    if (!seen.has(id)) result.notes.push(`item ${id} is in the baseline but no longer in the doc`);
  }
}

function changedFiles(now: Snapshot['metrics'][number]['byFile'], before: Record<string, number>, rose: boolean, matches: Match[]): FileChange[] {
  const counts = new Map<string, number>(now.map((f) => [f.path, f.count]));
  const paths = [...new Set([...counts.keys(), ...Object.keys(before)])].sort();
  return paths
    .map((p) => ({ path: p, before: before[p] ?? 0, after: counts.get(p) ?? 0, lines: matches.filter((m) => m.path === p) }))
    .filter((f) => (rose ? f.after > f.before : f.after < f.before));
}

function allFiles(now: Snapshot['metrics'][number]['byFile'], matches: Match[]): FileChange[] {
  return now.filter((f) => f.count > 0).map((f) => ({ path: f.path, before: null, after: f.count, lines: matches.filter((m) => m.path === f.path) }));
}
