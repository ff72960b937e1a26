/**
 * A repository without a tracking doc, tracked by the org config's patterns (issue 24): the same
 * scan as a build's, over an empty doc, so the snapshot has metrics and no items. Its history is
 * backfilled from git as a repository with a doc has it (one record per day, the patterns counted
 * at each day's last commit; no doc, so no declared or verified figures), merged with the history
 * file's records and this run's.
 */
import path from 'node:path';
import type { MetricConfig } from '../config/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseTrackingDoc } from '../doc/index.js';
import { MigratrackError } from '../errors.js';
import { appendRecords, backfillHistory, createHistoryStages, readHistory, recordFromSnapshot, repoIdentity, type HistoryFile, type HistoryRecord } from '../history/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { assembleSnapshot, verifyDoc } from '../verify/index.js';
import { evaluateMetrics } from './evaluate-metrics.js';
import { planMetrics } from './metrics.js';
import { readRepoInfo } from './repo-info.js';
import { openTree } from './tree.js';

export interface MetricsOnlyInput {
  repo: string;
  metrics: readonly MetricConfig[];
  ignore: readonly string[];
  historyFile: string;
  /** SOURCE_DATE_EPOCH as ISO, or null. */
  sourceDate: string | null;
  /** False with `--no-backfill`: only the history file and this run, no walk over git history. */
  backfill: boolean;
  /** YYYY-MM-DD the backfill starts at (`--since`, `history.backfillSince`); null: the first commit. */
  since: string | null;
}

/**
 * The doc path the backfill is given: one no tree can hold (git paths have no NUL), so every
 * commit is "without a doc" and only the metrics are counted (history/backfill.ts reads no doc
 * start date for it either).
 */
const NO_DOC_PATH = '\0no tracking doc';

/** What the snapshot names as its doc: none, and it says so. */
export const NO_DOC = '(no tracking doc: tracked by the org config\'s patterns)';

export async function buildMetricsOnlySnapshot(input: MetricsOnlyInput): Promise<{ snapshot: Snapshot; history: HistoryFile }> {
  if (input.metrics.length === 0) {
    throw new MigratrackError('usage', `${input.repo} has no tracking doc and the org config has no \`metrics\` (expected --doc, the repository's \`doc\` in the org config, or patterns under \`metrics\`)`);
  }
  const doc = parseTrackingDoc('', NO_DOC);
  const repo = await readRepoInfo(input.repo, NO_DOC, null, true);
  const diagnostics: Diagnostic[] = [];
  const metrics = planMetrics(doc, input.metrics, diagnostics);
  // Before the snapshot is assembled, so that its diagnostics (a shallow clone…) are in it.
  const backfilled = repo.isGit && input.backfill ? await metricsBackfill(input, metrics, diagnostics) : [];
  const tree = await openTree(repo, input.ignore, diagnostics, [input.historyFile]);
  try {
    const { metrics: evaluated } = await evaluateMetrics(metrics, tree, diagnostics);
    const verification = await verifyDoc(doc, tree, { overrides: [], categoryPatterns: [], renames: new Map() });
    const snapshot = assembleSnapshot({
      doc,
      repo: { root: path.basename(repo.root), commit: repo.commit, isGit: repo.isGit, webUrl: repo.webUrl, host: repo.host },
      docCommit: null,
      metrics: evaluated,
      verification,
      diagnostics,
      generatedAt: input.sourceDate ?? repo.committedAt ?? new Date().toISOString(),
    });
    const identity = await repoIdentity(input.repo);
    const past = await readHistory(input.historyFile, identity.id);
    return { snapshot, history: appendRecords(appendRecords(past, backfilled), [recordFromSnapshot(snapshot)]) };
  } finally {
    tree.close?.();
  }
}

/** One record per day of the repository's first-parent history, its patterns counted at each. */
async function metricsBackfill(input: MetricsOnlyInput, metrics: readonly { id: string; command: string }[], diagnostics: Diagnostic[]): Promise<HistoryRecord[]> {
  const result = await backfillHistory({
    root: input.repo,
    docPath: NO_DOC_PATH,
    metrics: metrics.map((m) => ({ id: m.id, command: m.command })),
    stages: createHistoryStages({ verify: { overrides: [], categoryPatterns: [] } }),
    since: input.since,
  });
  // "The doc did not exist" is what this repository is, not news.
  diagnostics.push(...result.diagnostics.filter((d) => d.code !== 'history/doc-absent'));
  return result.records;
}
