/**
 * One build, stage by stage: parse the doc → scan the repo → verify each item → history →
 * snapshot. Each stage lives in its own folder; this file only connects them.
 */
import { basename } from 'node:path';
import type { ResolvedOptions } from '../config/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseTrackingDoc, type TrackingDoc } from '../doc/index.js';
import { MigratrackError } from '../errors.js';
import type { HistoryRecord } from '../history/index.js';
import { dayOf, lookupRenames, todayUtc } from '../history/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { assembleSnapshot, commandFilesFrom, configCategoryPatterns, groupCommandsOf, verifyDoc, type VerifyOptions } from '../verify/index.js';
import { completePast, loadPast, savePast } from './history-step.js';
import { planMetrics } from './metrics.js';
import { evaluateMetrics, patternSpecsOf } from './evaluate-metrics.js';
import { readRepoInfo, type RepoInfo } from './repo-info.js';
import { openTree, scanThreadsAhead } from './tree.js';
import type { RepoTree, ScanThreads } from '../scan/index.js';
import { ensureTarget, readDocBytes } from './target.js';
import type { Logger } from '../cli/index.js';

export interface BuildOutput {
  snapshot: Snapshot;
  history: HistoryRecord[];
}

/**
 * Without a backfill no renames were seen on the way: ask git where the doc's missing files went,
 * so a moved file shows as "renamed to X", not "missing" (issue 22 item 6).
 */
async function addCheapRenames(root: string, doc: TrackingDoc, paths: readonly string[], renames: Map<string, string>): Promise<void> {
  const present = new Set(paths);
  const missing = [...new Set(doc.items.flatMap((i) => (i.path !== null && !present.has(i.path) && !renames.has(i.path) ? [i.path] : [])))];
  if (missing.length === 0) return;
  for (const [from, to] of await lookupRenames(root, missing, (p) => present.has(p))) renames.set(from, to);
}

/** Parse + scan + verify + history; writes the history file unless `dryRun`, and nothing else. */
export async function buildSnapshot(opts: ResolvedOptions, log: Logger): Promise<BuildOutput> {
  await ensureTarget(opts);
  const docBytes = await readDocBytes(opts.docAbsolute);
  const repo = await readRepoInfo(opts.repo, opts.doc, opts.repoWebUrl === 'auto' ? null : opts.repoWebUrl, opts.repoWebUrl !== null);
  // The tree is listed while the doc is parsed: git walks the work tree in processes of its own
  // (issue 21). Its diagnostics join the others where they always did, after the history's.
  const treeDiagnostics: Diagnostic[] = [];
  const treeReady = openTree(repo, opts.ignore, treeDiagnostics, [opts.history.file, opts.outDir]);
  // The scan's threads load their modules meanwhile, on the core git leaves free.
  const scanThreads = scanThreadsAhead(repo);
  // Handled here so a failure while the history is read is not an unhandled rejection; buildOn's
  // await still throws it (a corrupt repository: one line, exit 2).
  treeReady.catch(() => undefined);
  try {
    return await buildOn(opts, log, docBytes, repo, treeReady, treeDiagnostics, scanThreads);
  } finally {
    scanThreads?.close();
    (await treeReady.catch(() => null))?.close?.();
  }
}

async function buildOn(
  opts: ResolvedOptions,
  log: Logger,
  docBytes: Buffer,
  repo: RepoInfo,
  treeReady: Promise<RepoTree>,
  treeDiagnostics: Diagnostic[],
  scanThreads: ScanThreads | null,
): Promise<BuildOutput> {
  const doc = parseTrackingDoc(docBytes, opts.doc, opts.reading);
  assertTracksSomething(doc, opts.docAbsolute);
  if (!repo.isGit) log.warn(`${opts.repo} is not a git repository: building without history or commit links.`);
  const diagnostics: Diagnostic[] = [];
  const metrics = planMetrics(doc, opts.metrics, diagnostics);
  const verifyOptions: Omit<VerifyOptions, 'renames' | 'cache'> = {
    overrides: opts.checks,
    categoryPatterns: configCategoryPatterns(opts.metrics, diagnostics),
  };

  const groupCommands = groupCommandsOf(doc);
  // The patterns are compiled here and on the scan threads while git lists the tree (issue 21).
  const specs = patternSpecsOf(metrics, groupCommands.map((c) => c.pipeline));
  scanThreads?.compileAhead(specs);

  const progress = log.progress('Reading git history');
  const past = await loadPast({
    root: opts.repo,
    isGit: repo.isGit,
    docPath: opts.doc,
    historyFile: opts.history.file,
    backfill: opts.history.backfill,
    since: opts.history.backfillSince,
    perCommit: opts.history.perCommit,
    metrics,
    verify: verifyOptions,
    reading: opts.reading,
    current: { bytes: docBytes, doc },
    onProgress: (done, total) => progress.update(done),
  });
  progress.done();
  diagnostics.push(...past.diagnostics);

  const tree = await treeReady;
  diagnostics.push(...treeDiagnostics);
  const { metrics: evaluated, alongside } = await evaluateMetrics(metrics, tree, diagnostics, groupCommands.map((c) => c.pipeline), scanThreads);
  const commandFiles = commandFilesFrom(groupCommands, alongside);
  if (repo.isGit && !opts.history.backfill) await addCheapRenames(opts.repo, doc, tree.paths, past.renames);
  const verification = await verifyDoc(doc, tree, { ...verifyOptions, renames: past.renames, commandFiles });
  // Reproducible (issue 20): the same commit, doc and history give the same bytes. The snapshot
  // is "as of" SOURCE_DATE_EPOCH, else the scanned commit's time; only a folder outside git (or
  // with no commit) falls back to the clock. See docs/SNAPSHOT.md, `generatedAt`.
  const generatedAt = opts.sourceDate ?? repo.committedAt ?? new Date().toISOString();
  const base = {
    doc,
    repo: snapshotRepo(repo),
    docCommit: repo.docCommit,
    metrics: evaluated,
    verification,
    diagnostics,
    generatedAt,
  };
  const draft = assembleSnapshot(base);
  // The burndown and forecast run to today: a real day (the demo's is its last commit's), fixed
  // by SOURCE_DATE_EPOCH when set.
  const today = opts.sourceDate !== null ? dayOf(opts.sourceDate) : opts.demo && repo.commitDate ? repo.commitDate : todayUtc();
  const completed = completePast(past.history, draft, doc, today, opts.forecast.windowDays);
  const snapshot = assembleSnapshot({ ...base, milestones: completed.milestones, burndown: completed.burndown });
  // The history file is the only thing written here (and not for scan or check): the site's
  // copy of the snapshot is written by renderSite, into a folder of its own (issue 20).
  if (!opts.dryRun) await savePast(opts.history.file, completed.history);
  log.debug(`snapshot assembled (as of ${dayOf(generatedAt)})`);
  return { snapshot, history: completed.history.records };
}

/** A doc with nothing to track is a wrong --doc far more often than a real migration doc. */
function assertTracksSomething(doc: TrackingDoc, file: string): void {
  if (doc.items.length > 0) return;
  const first = doc.diagnostics.find((d) => d.severity === 'error');
  const why = first ? ` (${first.message})` : '';
  throw new MigratrackError(
    'input',
    `${file}: no tracked items found${why}; read: "File N:" entries under "## Task …" headings, checkbox lines (- [ ] / - [x]), lines led by a status mark (✅ 🔄 ⏳ ❌), headings with a Status field or mark, table rows with a Status column, lines under a status heading ("## Completed", "## Next Steps"); run \`migratrack explain --doc ${file}\` to see how the doc was read`,
    { file },
  );
}

/** The snapshot is published (/api/snapshot.json): it names the repository's folder, never its absolute path. */
function snapshotRepo(repo: RepoInfo): Snapshot['repo'] {
  return { root: basename(repo.root), commit: repo.commit, isGit: repo.isGit, webUrl: repo.webUrl, host: repo.host };
}
