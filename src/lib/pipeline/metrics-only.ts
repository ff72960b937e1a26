/**
 * A repository without a tracking doc, tracked by the org config's patterns (issue 24): the same
 * scan as a build's, over an empty doc, so the snapshot has metrics and no items. Its history is
 * the history file's records plus this run's (there is no doc whose past versions to backfill).
 */
import path from 'node:path';
import type { MetricConfig } from '../config/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseTrackingDoc } from '../doc/index.js';
import { MigratrackError } from '../errors.js';
import { appendRecords, readHistory, recordFromSnapshot, repoIdentity, type HistoryFile } from '../history/index.js';
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
}

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
    return { snapshot, history: appendRecords(past, [recordFromSnapshot(snapshot)]) };
  } finally {
    tree.close?.();
  }
}
