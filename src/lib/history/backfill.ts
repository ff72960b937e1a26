/**
 * Backfill: the doc's declared progress, every metric and every item's detected status over the
 * target's git history, in one `git log` pass (issue 5). The tree is replayed from raw diffs, blobs
 * come from one `cat-file --batch`, and results are reused while their inputs are unchanged.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { BlobReader } from '../git/cat-file.js';
import { dayOf, formatDay } from './dates.js';
import { PointEvaluator, type EvaluationStats } from './evaluate.js';
import { gitText } from '../git/run.js';
import { readFirstParentLog, type LogCommit } from './git-log.js';
import { buildRecord, type PointInput } from './record.js';
import type { HistoryRecord } from './schema.js';
import type { BackfillMetric, HistoryStages } from './stages.js';
import { TreeState } from './tree-state.js';
import { docVersionsToParse } from './doc-versions.js';
import type { DocsAhead } from './docs-ahead.js';
import { blobsChangedAhead, docPathTimeline, findBase, resolveCommit, selectSamples, type WalkState } from './walk.js';

export interface BackfillOptions {
  /** Work tree (or any directory inside it) of the target repository. */
  root: string;
  /** Repo-relative path of the tracking doc at `ref` (older paths are found through renames). */
  docPath: string;
  metrics: readonly BackfillMetric[];
  stages: HistoryStages;
  /** YYYY-MM-DD to start from; default the doc's start date at `ref`, else its first commit. */
  since?: string | null;
  /** Record the last commit of each day (default) or every commit. */
  every?: 'day' | 'commit';
  /** @default "HEAD" */
  ref?: string;
  /** Called as the walk advances; the CLI draws it (and stays quiet in CI). */
  onProgress?: (progress: BackfillProgress) => void;
}

export interface BackfillProgress {
  phase: 'log' | 'replay';
  done: number;
  total: number;
}

/** A rename git saw on the first-parent line (for an item whose path went missing). */
export interface RenameSeen {
  from: string;
  to: string;
  commit: string;
  at: string;
}

export interface BackfillResult {
  records: HistoryRecord[];
  renames: RenameSeen[];
  diagnostics: Diagnostic[];
  /** Set in a shallow clone: where the visible history starts. */
  shallow: { startsAt: string; commits: number } | null;
  /** perFileRuns: scanner runs of per-file metrics (whole tree once, then one per changed file content). */
  stats: EvaluationStats & { perFileRuns: number; commits: number; samples: number; ms: number };
}

/** Replays the first-parent history of `ref` and returns one record per sampled commit. */
export async function backfillHistory(options: BackfillOptions): Promise<BackfillResult> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const empty = (stats: Partial<BackfillResult['stats']> = {}): BackfillResult => ({
    records: [], renames: [], diagnostics, shallow: null,
    stats: { blobsRead: 0, metricRuns: 0, metricReuses: 0, verifyRuns: 0, verifyReuses: 0, docParses: 0, docsParsedAhead: 0, perFileRuns: 0, commits: 0, samples: 0, ms: performance.now() - started, ...stats },
  });
  const { root, docPath, ref = 'HEAD' } = options;
  if ((await gitText(root, ['rev-parse', '--is-inside-work-tree'])) !== 'true') {
    diagnostics.push(diagnostic('info', 'history/not-git', `${root} is not a git repository: no history backfill, the burndown starts with this build.`));
    return empty();
  }
  const head = await resolveCommit(root, ref);
  if (head === null) {
    diagnostics.push(diagnostic('info', 'history/empty-repo', `The repository has no commits at ${ref} yet: nothing to backfill.`));
    return empty();
  }
  const reader = new BlobReader(root);
  // Started now, the thread loads the doc stage while git log runs.
  const ahead = options.stages.docsAhead?.() ?? null;
  try {
    return await replay({ ...options, ref: head }, reader, ahead, diagnostics, started);
  } finally {
    ahead?.close();
    reader.close();
  }
}

async function replay(options: BackfillOptions & { ref: string }, reader: BlobReader, ahead: DocsAhead | null, diagnostics: Diagnostic[], started: number): Promise<BackfillResult> {
  const { root, docPath, ref: head, every = 'day' } = options;
  options.onProgress?.({ phase: 'log', done: 0, total: 0 });
  let since = options.since ?? (await docStartDate(options, reader, head));
  const base = await findBase(root, head, since);
  const commits = await readFirstParentLog(root, base === null ? head : `${base}..${head}`, ({ commit, reason }) => {
    diagnostics.push(diagnostic('warning', 'history/renames-skipped', `Rename detection skipped for commit ${commit.sha.slice(0, 12)} (${dayOf(commit.at)}): a blob is missing from the object store (${reason}); a file moved in that commit is seen as deleted and added. Fetch the missing objects (a partial clone: git fetch --refetch) for exact history.`));
  });
  const state = base === null ? new TreeState() : await TreeState.fromCommit(root, base);
  const timeline = docPathTimeline(commits, docPath);
  for (const move of timeline.moves) {
    diagnostics.push(diagnostic('info', 'history/doc-moved', `The doc moved from ${move.from} to ${move.to} on ${dayOf(move.commit.at)} (${move.commit.sha.slice(0, 12)}); its history is followed across the move.`, { file: move.to }));
  }
  const baseAt = base === null ? null : await gitText(root, ['log', '-1', '--format=%cI', base, '--']);
  const states: WalkState[] = [
    ...(base !== null && baseAt !== null ? [{ sha: base, at: baseAt, commit: null }] : []),
    ...commits.map((commit) => ({ sha: commit.sha, at: commit.at, commit })),
  ];
  const offset = states.length - commits.length;
  if (since === null) since = firstDayWithDoc(states.map((s) => s.commit), timeline, state, docPath);
  const samples = new Set(selectSamples(states.map((s) => dayOf(s.at)), every, since));
  const evaluator = new PointEvaluator(state, reader, options.stages, options.metrics, diagnostics);
  const pathAt = (i: number): string => (i < offset ? timeline.before : (timeline.after[i - offset] ?? docPath));
  // Before the walk moves `state`: the versions are listed from the tree at the base.
  evaluator.parseAhead(ahead, docVersionsToParse(states, samples, pathAt, state));
  try {
    const shallow = await shallowInfo(root, head, states[0]?.at ?? null, diagnostics);
    const records: HistoryRecord[] = [];
    const renames: BackfillResult['renames'] = [];
    const renameMap = new Map<string, string>();
    let docCommit: string | null = base === null ? null : await lastDocCommit(root, base, timeline.before);
    let docMissingSince: string | null = null;
    let prefetchedThrough = -1;
    let previous: { input: PointInput; record: HistoryRecord } | null = null;
    for (let i = 0; i < states.length; i++) {
      const entry = states[i];
      if (entry === undefined) continue;
      const path = pathAt(i);
      if (entry.commit !== null) {
        const touched = state.apply(entry.commit.changes);
        evaluator.noteChanged(touched);
        if (touched.some((t) => t.path === path)) docCommit = entry.sha;
        for (const change of entry.commit.changes) {
          if (change.status !== 'R' || change.from === null) continue;
          renames.push({ from: change.from, to: change.path, commit: entry.sha, at: entry.at });
          // Chains (a → b → c) resolve to the latest name; a file moved back drops out.
          for (const [old, now] of renameMap) if (now === change.from) renameMap.set(old, change.path);
          renameMap.set(change.from, change.path);
          renameMap.delete(change.path);
        }
      }
      if (!samples.has(i)) continue;
      if (i >= prefetchedThrough) {
        const ahead = blobsChangedAhead(states, i, samples);
        reader.prefetch(ahead.blobs);
        prefetchedThrough = ahead.through;
      }
      const point = await evaluator.evaluate(path, entry.sha, renameMap);
      if (point.doc === null) docMissingSince ??= entry.at;
      else if (docMissingSince !== null) {
        diagnostics.push(docAbsent(path, docMissingSince, entry.at));
        docMissingSince = null;
      }
      const input = { at: entry.at, commit: entry.sha, docCommit, source: 'backfill' as const, ...point };
      const record = buildRecord(input, previous ?? undefined);
      previous = { input, record };
      records.push(record);
      options.onProgress?.({ phase: 'replay', done: records.length, total: samples.size });
    }
    if (docMissingSince !== null) diagnostics.push(docAbsent(docPath, docMissingSince, null));
    const stats = { ...evaluator.stats, perFileRuns: evaluator.perFileRuns, commits: commits.length, samples: samples.size, ms: performance.now() - started };
    return { records, renames, diagnostics, shallow, stats };
  } finally {
    evaluator.close(); // the thread parsing ahead, if one was started
  }
}

/** The doc's own start date at `head`, the default beginning of the backfill. */
async function docStartDate(options: BackfillOptions, reader: BlobReader, head: string): Promise<string | null> {
  if (/[\n\0]/.test(options.docPath)) return null;
  const bytes = await reader.read(`${head}:${options.docPath}`);
  if (bytes === null) return null;
  try {
    return options.stages.parseDoc(bytes, options.docPath).header.startDate;
  } catch {
    return null;
  }
}

/** Without a start date: the day the doc first appears on the walk (or null: sample everything). */
function firstDayWithDoc(commits: (LogCommit | null)[], timeline: ReturnType<typeof docPathTimeline>, initial: TreeState, docPath: string): string | null {
  if (initial.blob(timeline.before) !== undefined) return null;
  for (const [i, commit] of commits.filter((c): c is LogCommit => c !== null).entries()) {
    const path = timeline.after[i] ?? docPath;
    if (commit.changes.some((c) => c.path === path && c.status !== 'D')) return dayOf(commit.at);
  }
  return null;
}

async function lastDocCommit(root: string, base: string, path: string): Promise<string | null> {
  const sha = await gitText(root, ['log', '-1', '--format=%H', base, '--', path]);
  return sha === '' ? null : sha;
}

function docAbsent(path: string, from: string, until: string | null): Diagnostic {
  const span = until === null ? `from ${formatDay(dayOf(from))} on` : `from ${formatDay(dayOf(from))} until ${formatDay(dayOf(until))}`;
  return diagnostic('info', 'history/doc-absent', `The doc ${path} did not exist ${span}: no declared progress for those days.`, { file: path });
}

/** "history starts at <date>, N commits" for a shallow clone. */
async function shallowInfo(root: string, head: string, firstAt: string | null, diagnostics: Diagnostic[]): Promise<BackfillResult['shallow']> {
  if ((await gitText(root, ['rev-parse', '--is-shallow-repository'])) !== 'true') return null;
  const count = Number(await gitText(root, ['rev-list', '--count', '--first-parent', head]));
  const oldest = (await gitText(root, ['log', '--first-parent', '--format=%cI', '--reverse', head]))?.split('\n')[0] ?? firstAt ?? '';
  const startsAt = dayOf(oldest);
  diagnostics.push(diagnostic('warning', 'history/shallow', `Shallow clone: history starts at ${startsAt}, ${count} commits. Fetch more history (git fetch --unshallow) for a longer burndown.`));
  return { startsAt, commits: count };
}
