/**
 * Which metrics a build counts and how: every grep command the doc writes (never run by a shell:
 * the scanner interprets it) and every metric of the config, turned into one kind of grep pipeline.
 */
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import type { MetricConfig } from '../config/index.js';
import type { MetricRole } from '../snapshot/schema.js';
import type { MetricInput } from '../verify/index.js';
import { metricRole } from './metric-role.js';

/** A metric before evaluation: what to run and how to present it. */
export interface MetricPlan {
  id: string;
  label: string;
  /** The doc's text, or the config's command, or a command synthesised from a config pattern. */
  command: string;
  shownCommand: string | null;
  better: 'lower' | 'higher';
  /** Remaining (lower is better), adoption (higher is better) or a count of the doc's own lines. */
  role: MetricRole;
  categoryId: string | null;
  source: 'doc' | 'config';
  docLine: number | null;
}

/**
 * Counting adoption of the new API ("Verify pooling usage", "Count completed files") is progress
 * when it rises; everything else a migration doc counts is what is left to do.
 */
export function guessBetterDirection(label: string): 'lower' | 'higher' {
  if (/\b(remaining|left|find|old|direct|legacy)\b/i.test(label)) return 'lower';
  if (/\b(verify|usage|completed?|adopt\w*|migrated|done)\b/i.test(label)) return 'higher';
  return 'lower';
}

/** Single-quotes a word for our grep command parser (which honours POSIX quoting, never expands). */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A config metric given as pattern + paths, written as the grep command it means. */
export function commandOfPattern(metric: MetricConfig): string {
  const flags = ['-r'];
  if (metric.flavour === 'extended') flags.push('-E');
  if (metric.flavour === 'fixed') flags.push('-F');
  if (metric.ignoreCase) flags.push('-i');
  if (metric.unit === 'files') flags.push('-l');
  const words = [
    'grep',
    ...flags,
    ...metric.include.map((glob) => `--include=${quote(glob)}`),
    ...metric.exclude.map((glob) => `--exclude=${quote(glob)}`),
    '-e',
    quote(metric.pattern ?? ''),
    ...(metric.paths.length > 0 ? metric.paths.map(quote) : ['.']),
  ];
  return `${words.join(' ')} | wc -l`;
}

/** Plans the doc's commands and the config's metrics; ids collide → the config wins, with a diagnostic. */
export function planMetrics(doc: TrackingDoc, configured: readonly MetricConfig[], diagnostics: Diagnostic[]): MetricPlan[] {
  const plans = new Map<string, MetricPlan>();
  for (const command of doc.commands) {
    const label = metricLabel(doc, command);
    // A group's "Command to find" lists what is left to migrate in the group (issue 22 item 5): the
    // verifier uses its files as the group's members, and its count is a metric of its own.
    const better = command.groupId !== null ? 'lower' : guessBetterDirection(command.label);
    const id = uniqueSlug(label || command.command, plans);
    plans.set(id, {
      id,
      label,
      command: command.command,
      shownCommand: command.command,
      better,
      role: metricRole(command.command, better, doc.path),
      categoryId: command.categoryId,
      source: 'doc',
      docLine: command.source.startLine,
    });
  }
  for (const metric of configured) {
    if (plans.has(metric.id)) {
      diagnostics.push(diagnostic('warning', 'config/metric-id-clash', `Config metric "${metric.id}" has the id of a doc command; the config's definition is used.`));
    }
    const command = metric.command ?? commandOfPattern(metric);
    plans.set(metric.id, {
      id: metric.id,
      label: metric.name,
      command,
      shownCommand: command,
      better: metric.better,
      role: metricRole(command, metric.better, doc.path),
      categoryId: metric.category ?? null,
      source: 'config',
      docLine: null,
    });
  }
  return [...plans.values()];
}

/** A group command's label names its group ("Files 40-56: Individual processor files"), not just "Command to find". */
function metricLabel(doc: TrackingDoc, command: TrackingDoc['commands'][number]): string {
  const group = command.groupId === null ? undefined : doc.groups.find((g) => g.id === command.groupId);
  return group ? `Files ${group.first}-${group.last}: ${group.title}` : command.label;
}

/** A metric that could not be evaluated still appears, with its reason, so nothing silently vanishes. */
export function failedMetric(plan: MetricPlan, reason: string): MetricInput {
  return {
    id: plan.id,
    label: plan.label,
    command: plan.shownCommand,
    unit: 'lines',
    value: null,
    error: reason,
    better: plan.better,
    role: plan.role,
    categoryId: plan.categoryId,
    source: plan.source,
    docLine: plan.docLine,
    byFile: [],
    byDirectory: [],
    matches: [],
  };
}

/**
 * Metric ids appear in URLs and key the history series, so they come from the label (stable when
 * commands are added above it), not from the command's position in the doc.
 */
function uniqueSlug(label: string, taken: ReadonlyMap<string, unknown>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'metric';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
