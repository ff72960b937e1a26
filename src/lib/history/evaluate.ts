/**
 * Evaluating one point of history on the replayed tree: every metric (reused while none of the
 * files it read changed), the doc (re-parsed only when its blob changed) and the verifier's verdicts
 * (reused while neither the doc nor the files it read changed).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import type { BlobReader } from '../git/cat-file.js';
import type { DocsAhead } from './docs-ahead.js';
import type { DocVersion } from './doc-versions.js';
import { TreeMemo } from './memo.js';
import type { BackfillMetric, HistoryStages, Verification } from './stages.js';
import { PerFileMetrics } from './per-file-metric.js';
import { treeView, type TouchedPath, type TreeState } from './tree-state.js';
import type { RepoTree } from '../scan/types.js';

export interface EvaluationStats {
  blobsRead: number;
  metricRuns: number;
  metricReuses: number;
  verifyRuns: number;
  verifyReuses: number;
  docParses: number;
  /** Of those, the versions parsed on the thread ahead of the walk (docs-ahead.ts). */
  docsParsedAhead: number;
}

export interface PointResult {
  metrics: Record<string, number | null>;
  doc: TrackingDoc | null;
  verification: Verification | null;
}

export class PointEvaluator {
  readonly stats: EvaluationStats = { blobsRead: 0, metricRuns: 0, metricReuses: 0, verifyRuns: 0, verifyReuses: 0, docParses: 0, docsParsedAhead: 0 };
  private readonly metricMemos: Map<string, TreeMemo<number | null>>;
  /** The metrics that sum over files, updated together per changed file (null: none). */
  private readonly perFile: { metrics: readonly BackfillMetric[]; totals: PerFileMetrics } | null;
  private readonly verifyMemo = new TreeMemo<Verification | null>();
  private parsed: { blob: string; doc: TrackingDoc | null } | null = null;
  private ahead: DocsAhead | null = null;
  private readonly reported = new Set<string>();

  constructor(
    private readonly state: TreeState,
    private readonly reader: BlobReader,
    private readonly stages: HistoryStages,
    private readonly metrics: readonly BackfillMetric[],
    private readonly diagnostics: Diagnostic[],
  ) {
    this.metricMemos = new Map(metrics.map((m) => [m.id, new TreeMemo<number | null>()]));
    const summable = metrics.filter((metric) => stages.sumsOverFiles?.(metric) ?? false);
    const evaluateAll = (tree: RepoTree): Promise<(number | null)[]> =>
      stages.evaluateMetrics
        ? stages.evaluateMetrics(summable, tree).catch(() => summable.map(() => null))
        : Promise.all(summable.map((metric) => stages.evaluateMetric(metric, tree).catch(() => null)));
    this.perFile = summable.length === 0 ? null : {
      metrics: summable,
      totals: new PerFileMetrics(summable.length, evaluateAll, (path, oid) => this.reportedRead(path, oid)),
    };
  }

  /** Hands the doc versions the walk will parse to `ahead` (a thread started earlier), if any. */
  parseAhead(ahead: DocsAhead | null, versions: readonly DocVersion[]): void {
    this.ahead?.close();
    this.ahead = ahead;
    ahead?.plan(versions, (oid) => this.countedRead(oid));
  }

  /** Stops the parsing ahead (its thread), if any. */
  close(): void {
    this.ahead?.close();
    this.ahead = null;
  }

  /** Runs of the scanner for per-file metrics (whole tree, or one file for all of them). */
  get perFileRuns(): number {
    return this.perFile?.totals.runs ?? 0;
  }

  /** Tell the caches which paths the last applied commit changed. */
  noteChanged(touched: readonly TouchedPath[]): void {
    const paths = touched.map((t) => t.path);
    for (const memo of this.metricMemos.values()) memo.noteChanged(paths);
    this.verifyMemo.noteChanged(paths);
    for (const t of touched) this.perFile?.totals.noteChanged(t.path, t.before);
  }

  /** Evaluates the tree as it is now; `docPath` is where the doc lives at this commit. */
  async evaluate(docPath: string, commit: string, renames: ReadonlyMap<string, string>): Promise<PointResult> {
    const paths = this.state.paths();
    // Started first: its blob read overlaps the metrics' reads.
    const docReady = this.docAt(docPath, commit);
    docReady.catch(() => undefined); // awaited below; if a metric fails first, its failure is the one reported
    const summed = this.perFile ? this.perFile.totals.values(this.view(commit)) : Promise.resolve([]);
    const values = await Promise.all(
      this.metrics.map(async (metric) => {
        const index = this.perFile?.metrics.indexOf(metric) ?? -1;
        if (index >= 0) return [metric.id, (await summed)[index] ?? null] as const;
        const memo = this.metricMemos.get(metric.id) ?? new TreeMemo<number | null>();
        const { value, reused } = await memo.get('', paths, (access) =>
          this.stages.evaluateMetric(metric, this.view(commit, access)).catch((error: unknown) => {
            this.report(`metric:${metric.id}`, 'warning', 'history/metric-failed', `Metric ${metric.id} could not be evaluated at ${commit.slice(0, 12)}: ${(error as Error).message}`, null);
            return null;
          }),
        );
        if (reused) this.stats.metricReuses++;
        else this.stats.metricRuns++;
        return [metric.id, value] as const;
      }),
    );
    const doc = await docReady;
    let verification: Verification | null = null;
    const docBlob = this.state.blob(docPath);
    if (doc !== null && docBlob !== undefined) {
      const { value, reused } = await this.verifyMemo.get(`${docPath}\0${docBlob}`, paths, (access) =>
        this.stages.verify(doc, this.view(commit, access), { renames }).catch((error: unknown) => {
          this.report(`verify:${docBlob}`, 'warning', 'history/verify-failed', `Could not compute detected statuses at ${commit.slice(0, 12)}: ${(error as Error).message}`, docPath);
          return null;
        }),
      );
      if (reused) this.stats.verifyReuses++;
      else this.stats.verifyRuns++;
      verification = value;
    }
    return { metrics: Object.fromEntries(values), doc, verification };
  }

  private async docAt(docPath: string, commit: string): Promise<TrackingDoc | null> {
    const blob = this.state.blob(docPath);
    if (blob === undefined) return null;
    if (this.parsed?.blob === blob) return this.parsed.doc;
    const early = await this.ahead?.take(blob);
    if (early !== undefined) {
      this.stats.docParses++;
      this.stats.docsParsedAhead++;
      this.parsed = { blob, doc: early };
      return early;
    }
    let doc: TrackingDoc | null = null;
    const bytes = await this.reader.read(blob);
    this.stats.blobsRead++;
    if (bytes === null) this.missing(docPath, blob, commit);
    else {
      try {
        doc = this.stages.parseDoc(bytes, docPath);
        this.stats.docParses++;
      } catch (error) {
        this.report(`parse:${blob}`, 'warning', 'history/doc-unparsable', `The doc as of ${commit.slice(0, 12)} could not be parsed: ${(error as Error).message}`, docPath);
      }
    }
    this.parsed = { blob, doc };
    return doc;
  }

  private view(commit: string, access?: Parameters<typeof treeView>[3]) {
    return treeView(
      this.state,
      (oid) => this.countedRead(oid),
      (path, oid) => this.missing(path, oid, commit),
      access,
    );
  }

  private async reportedRead(path: string, oid: string): Promise<Buffer | null> {
    const bytes = await this.countedRead(oid);
    if (bytes === null) this.missing(path, oid, 'a later commit');
    return bytes;
  }

  private countedRead(oid: string): Promise<Buffer | null> {
    this.stats.blobsRead++;
    return this.reader.read(oid);
  }

  private missing(path: string, oid: string, commit: string): void {
    this.report(`missing:${oid}`, 'warning', 'history/missing-blob',
      `Blob ${oid.slice(0, 12)} of ${path} (${/^[0-9a-f]{40}/.test(commit) ? `commit ${commit.slice(0, 12)}` : commit}) is not in the repository, as in a partial clone; it was treated as unreadable.`, path);
  }

  /** Each distinct problem once: a missing blob would otherwise repeat at every later commit. */
  private report(key: string, severity: 'warning' | 'info', code: string, message: string, file: string | null): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push(diagnostic(severity, code, message, { file }));
  }
}
