/**
 * The history half of a build: backfill from git, merge with the history file and this run's
 * record, then the burndown, forecast and milestone verdicts the dashboard shows.
 */
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import type { ReadingOptions } from '../doc/index.js';
import {
  appendRecords,
  backfillHistory,
  buildBurndown,
  createHistoryStages,
  forecastCompletion,
  isKnownCommit,
  judgeMilestones,
  readHistory,
  recordFromSnapshot,
  repoIdentity,
  writeHistoryAtomic,
  type HistoryFile,
  type HistoryRecord,
} from '../history/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { snapshotNoun } from '../snapshot/figures.js';
import type { VerifyOptions } from '../verify/index.js';
import type { MetricPlan } from './metrics.js';

export interface PastInput {
  root: string;
  isGit: boolean;
  docPath: string;
  historyFile: string;
  backfill: boolean;
  since: string | null;
  perCommit: boolean;
  metrics: readonly MetricPlan[];
  verify: Omit<VerifyOptions, 'renames' | 'cache'>;
  /** How the doc's past versions are read (config `reading`). */
  reading?: ReadingOptions;
  /** The work tree's doc, parsed with `reading`, and its bytes: a past version with the same bytes is not parsed again. */
  current?: { bytes: Buffer; doc: TrackingDoc };
  onProgress?: (done: number, total: number) => void;
}

export interface Past {
  history: HistoryFile;
  renames: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Reads the history file (refusing a foreign or corrupt one) and merges a fresh backfill into it. */
export async function loadPast(input: PastInput): Promise<Past> {
  const identity = await repoIdentity(input.root);
  // A shallow clone (CI's default checkout) sees a different root commit: accept the file when its
  // latest commit is present here, as readHistory allows (issue 8, tests/security/history.test.ts).
  const history = await readHistory(input.historyFile, identity.id, {
    isKnownCommit: identity.shallow ? (sha) => isKnownCommit(input.root, sha) : undefined,
  });
  const diagnostics: Diagnostic[] = [];
  const renames = new Map<string, string>();
  if (!input.isGit) {
    diagnostics.push(diagnostic('info', 'history/not-git', `${input.root} is not a git repository: no history backfill and no commit links; the burndown grows one point per build.`));
    return { history, renames, diagnostics };
  }
  if (!input.backfill) return { history, renames, diagnostics };
  const parsed = input.current === undefined ? undefined : { path: input.docPath, ...input.current };
  const stages = createHistoryStages({ verify: input.verify, reading: input.reading, parsed });
  const result = await backfillHistory({
    root: input.root,
    docPath: input.docPath,
    metrics: input.metrics.map((m) => ({ id: m.id, command: m.command })),
    stages,
    since: input.since,
    every: input.perCommit ? 'commit' : 'day',
    onProgress: input.onProgress ? (p) => input.onProgress?.(p.done, p.total) : undefined,
  });
  for (const rename of result.renames) renames.set(rename.from, rename.to);
  if (result.shallow) {
    diagnostics.push(diagnostic('warning', 'history/shallow', `Shallow clone: history starts at ${result.shallow.startsAt} (${result.shallow.commits} commits); fetch the full history for a complete burndown.`));
  }
  diagnostics.push(...result.diagnostics);
  return { history: appendRecords(history, result.records), renames, diagnostics };
}

/** Adds this run's record, and computes what the snapshot shows of the past as of `today`. */
export function completePast(
  past: HistoryFile,
  snapshot: Snapshot,
  doc: TrackingDoc,
  today: string,
  windowDays: number,
): { history: HistoryFile; milestones: Snapshot['milestones']; burndown: Snapshot['burndown'] } {
  const history = appendRecords(past, [recordFromSnapshot(snapshot)]);
  const records: readonly HistoryRecord[] = history.records;
  const forecast = forecastCompletion(records, { windowDays, noun: snapshotNoun(snapshot) }, today);
  const points = buildBurndown(records, doc, today).map((p) => ({
    date: p.date,
    commit: p.commit,
    scope: p.scope,
    declaredRemaining: p.declaredRemaining,
    verifiedRemaining: p.verifiedRemaining,
    ideal: p.ideal,
  }));
  return {
    history,
    milestones: judgeMilestones(doc.milestones, records, forecast, today),
    burndown: { points, forecast },
  };
}

/** Writes the history file atomically, under a lock (two builds at once lose nothing). */
export async function savePast(file: string, history: HistoryFile): Promise<void> {
  await writeHistoryAtomic(file, history);
}
