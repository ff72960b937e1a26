/**
 * evaluateItem: one tracked item's detected status, from its checks run against its file.
 * done = every applicable check passes; in-progress = some do; not-started = none do;
 * missing = the file is not in the tree; unknown = nothing to check (or nothing applicable).
 */
import type { TrackedItem } from '../doc/model.js';
import type { Check, ItemStatus, Match } from '../snapshot/schema.js';
import { evaluateChecks } from './evaluate-checks.js';
import type { FileText } from './file-text.js';
import type { PatternCache } from './patterns.js';
import type { CheckSpec, ItemEvaluation } from './types.js';

/** Everything evaluateItem needs; the caller reads the file (see verifyDoc). */
export interface EvaluateItemInput {
  item: TrackedItem;
  /** The path to check: the item's, or the group member that filled its slot; null if unresolved. */
  path: string | null;
  checks: readonly CheckSpec[];
  /** The file's text; null when it does not exist or could not be read. */
  file: FileText | null;
  /** Whether `path` is in the tree (false → missing). */
  exists: boolean;
  /** Old path → new path, from the history/git layer. */
  renames: ReadonlyMap<string, string>;
  patterns: PatternCache;
}

/** Detected status, checks with evidence, remaining call sites and a one-line summary. */
export function evaluateItem(input: EvaluateItemInput): ItemEvaluation {
  const file = input.path !== null && input.exists ? input.file : null;
  const checks = evaluateChecks(input.checks, file, input.patterns);
  return itemVerdict({ ...input, readable: file !== null }, checks);
}

/** The verdict from already-evaluated checks (verifyDoc reuses cached checks across commits). */
export function itemVerdict(
  input: Pick<EvaluateItemInput, 'item' | 'path' | 'exists' | 'renames'> & { readable: boolean },
  checks: Check[],
): ItemEvaluation {
  const { item, path } = input;
  const base = { itemId: item.id, path, renamedTo: null as string | null, remaining: [] as Match[] };
  if (path === null) {
    return { ...base, detectedStatus: 'unknown', checks: checks.map(notResolved), summary: 'no file: this slot is not resolved to a path yet' };
  }
  if (!input.exists) {
    const renamedTo = input.renames.get(path) ?? null;
    const summary = renamedTo ? `\`${path}\` no longer exists; git saw it renamed to \`${renamedTo}\`` : `\`${path}\` does not exist`;
    return { ...base, renamedTo, detectedStatus: 'missing', checks, summary };
  }
  if (!input.readable) {
    return { ...base, detectedStatus: 'unknown', checks: checks.map(unreadable), summary: `\`${path}\` could not be read` };
  }
  if (checks.length === 0) {
    return { ...base, detectedStatus: 'unknown', checks, summary: 'the doc names no code to look for in this file' };
  }
  const detectedStatus = statusOf(checks);
  return { ...base, detectedStatus, checks, remaining: remainingOf(checks), summary: summarize(checks, detectedStatus) };
}

/** The status rule over evaluated checks; null (not applicable) checks do not vote. */
export function statusOf(checks: readonly Check[]): ItemStatus {
  const votes = checks.filter((c) => c.passed !== null);
  const passed = votes.filter((c) => c.passed).length;
  if (votes.length === 0) return 'unknown';
  if (passed === votes.length) return 'done';
  return passed > 0 ? 'in-progress' : 'not-started';
}

/**
 * Checks whose failing matches are call sites still to migrate. An import is not a call site:
 * "41 `bigquery.Client(` calls left" must agree with grep for that pattern.
 */
export const CALL_SITE_KINDS: ReadonlySet<Check['kind']> = new Set(['text-absent', 'definition-removed', 'metric-zero']);

/** Failing "must be gone" checks' matches, one per line, in line order. */
export function remainingOf(checks: readonly Check[]): Match[] {
  const byLine = new Map<string, Match>();
  for (const check of checks) {
    if (check.passed !== false || !CALL_SITE_KINDS.has(check.kind)) continue;
    for (const m of check.matches) if (!byLine.has(`${m.path}:${m.line}`)) byLine.set(`${m.path}:${m.line}`, m);
  }
  return [...byLine.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

function summarize(checks: readonly Check[], status: ItemStatus): string {
  const votes = checks.filter((c) => c.passed !== null);
  const passed = votes.filter((c) => c.passed);
  const failing = votes.filter((c) => !c.passed).map((c) => c.evidence);
  if (status === 'done') return `all ${votes.length} check${votes.length === 1 ? '' : 's'} pass`;
  if (status === 'unknown') return 'no check applies to this file';
  return `${passed.length} of ${votes.length} checks pass; ${failing.join('; ')}`;
}

function notResolved(check: Check): Check {
  return { ...check, evidence: 'no file to check' };
}

function unreadable(check: Check): Check {
  return { ...check, passed: null, matches: [], evidence: 'file could not be read' };
}
