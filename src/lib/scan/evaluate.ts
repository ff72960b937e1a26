/**
 * evaluatePipeline(s): a parsed grep pipeline run over a RepoTree, producing exactly what GNU grep
 * 3.8 + coreutils print (C.UTF-8), plus per-file/per-directory counts and matches with context.
 * All pipelines given together share one read per file (one pass for all of a doc's metrics).
 */
import type { Diagnostic } from '../diagnostics.js';
import { assemble } from './assemble.js';
import { EMPTY_SCAN, scanFile, type FileScan, type ScanCache } from './cache.js';
import type { GrepPipeline } from './command/pipeline.js';
import { compilePattern, type CompiledPattern } from './regex/compile.js';
import { readAll } from './read.js';
import type { ScanJob } from './scan-slice.js';
import { scanOnDisk, type ScanOutcomes, type ThreadOptions } from './scan-threads.js';
import type { Match, RepoTree } from './types.js';
import type { FindQuery } from './command/find-options.js';
import { findListing } from './find-walk.js';
import { planGitGrepSearch } from './git-grep-walk.js';
import { ignoreFilePaths, planRgSearch } from './rg-walk.js';
import { planSearch, type SearchPlan } from './walk.js';

export interface EvaluateOptions {
  /** First-stage results by blob id + pattern; pass the same object across commits. */
  cache?: ScanCache;
  /** Lines of context kept before and after each match (default 2). */
  context?: number;
  /** At most this many Match records in the result (default 500); counts are always complete. */
  maxMatches?: number;
  /** When a working tree's files are read on several threads (scan-threads.ts). */
  threads?: ThreadOptions;
}

export interface PathCount {
  path: string;
  count: number;
}

export interface MetricResult {
  /** `wc -l`'s number, the `-c` count (summed over files), or the number of output lines. */
  value: number;
  unit: 'lines' | 'files' | 'matches';
  /** Standard output, one entry per line, as the pipeline prints it (grep's file order is sorted here). */
  output: string[];
  /** What grep prints on standard error ("binary file matches", missing operands). */
  stderr: string[];
  byFile: PathCount[];
  /** Totals per directory (every ancestor of each file, repo-relative, root excluded). */
  byDirectory: PathCount[];
  matches: Match[];
  diagnostics: Diagnostic[];
  filesSearched: number;
  /**
   * Why the value is not the whole truth (a file where the pattern exceeded its matching budget),
   * or null. A partial count must not be shown as a real one: callers report the metric as failed.
   */
  incomplete: string | null;
}

interface Prepared {
  pipeline: GrepPipeline;
  compiled: CompiledPattern;
  /** Index of `compiled` among the evaluation's distinct patterns. */
  pattern: number;
}

/** Runs one pipeline. See evaluatePipelines for several in one pass. */
export async function evaluatePipeline(pipeline: GrepPipeline, tree: RepoTree, opts: EvaluateOptions = {}): Promise<MetricResult> {
  const [result] = await evaluatePipelines([pipeline], tree, opts);
  return result as MetricResult;
}

/**
 * Runs several pipelines over the tree, reading each file once for all of them. Per-file
 * bookkeeping is kept to arrays (issue 21): each file read gets a slot, each distinct pattern an
 * index, and a pattern's scans are an array by slot; the same pipeline given twice (a metric and a
 * group command) is evaluated once.
 */
export async function evaluatePipelines(pipelines: readonly GrepPipeline[], tree: RepoTree, opts: EvaluateOptions = {}): Promise<MetricResult[]> {
  return preparePipelines(pipelines).evaluate(tree, opts);
}

/**
 * Pipelines made ready to run on many trees, for a caller that evaluates the same few again and
 * again (the history backfill: thousands of one-file trees, issue 21): told apart and their
 * patterns compiled once, not per tree. `evaluate(tree)` is evaluatePipelines(pipelines, tree).
 */
export function preparePipelines(pipelines: readonly GrepPipeline[]): PreparedPipelines {
  return new PreparedPipelines(pipelines);
}

/** Plans kept for one-file trees, by path: past this many different paths they are dropped. */
const ONE_FILE_PLAN_LIMIT = 50_000;

export class PreparedPipelines {
  private readonly prepared: Prepared[] = [];
  private readonly patterns: CompiledPattern[] = [];
  /** Index in `prepared` of each pipeline as given (the same pipeline twice: the same index). */
  private readonly resultOf: number[] = [];
  private readonly usesRg: boolean;
  /** Plans over trees of one file, by its path (see plansOn). */
  private readonly onePathPlans = new Map<string, SearchPlan[]>();

  constructor(pipelines: readonly GrepPipeline[]) {
    this.usesRg = pipelines.some((p) => p.grep.tool === 'rg');
    const distinct = new Map<string, number>(); // pipeline as JSON -> index in `prepared`
    for (const pipeline of pipelines) {
      const key = JSON.stringify(pipeline);
      const known = distinct.get(key);
      if (known !== undefined) {
        this.resultOf.push(known);
        continue;
      }
      distinct.set(key, this.prepared.length);
      this.resultOf.push(this.prepared.length);
      const compiled = compilePattern(pipeline.grep.spec);
      if ('error' in compiled) throw new Error(compiled.error); // parseGrepCommand compiled it already
      let pattern = this.patterns.findIndex((c) => c.key === compiled.key);
      if (pattern < 0) pattern = this.patterns.push(compiled) - 1;
      this.prepared.push({ pipeline, compiled, pattern });
    }
  }

  async evaluate(tree: RepoTree, opts: EvaluateOptions = {}): Promise<MetricResult[]> {
    const { prepared, patterns, resultOf } = this;
    const context = opts.context ?? 2;
    const ignoreTexts = this.usesRg ? await readIgnoreFiles(tree) : new Map<string, string>();
    const plans = this.plansOn(tree, ignoreTexts);
    const slotOf = new Map<string, number>();
    const slotPaths: string[] = [];
    const slotsOf: Int32Array[] = [];
    for (const plan of plans) {
      const slots = new Int32Array(plan.files.length);
      // Files an earlier plan starts with too (`grep -r X dp/` and `grep -r Y dp/ orch/`, the
      // same directories twice): their slots are copied, not looked up per file again.
      let shared = 0;
      let from = -1;
      for (let j = 0; j < slotsOf.length; j++) {
        const n = commonStart((plans[j] as SearchPlan).files, plan.files);
        if (n > shared) [shared, from] = [n, j];
      }
      if (from >= 0) slots.set((slotsOf[from] as Int32Array).subarray(0, shared));
      for (let k = shared; k < plan.files.length; k++) {
        const path = (plan.files[k] as { path: string }).path;
        let slot = slotOf.get(path);
        if (slot === undefined) {
          slot = slotPaths.push(path) - 1;
          slotOf.set(path, slot);
        }
        slots[k] = slot;
      }
      slotsOf.push(slots);
    }
    // Which patterns each slot needs (1), so each file is read at most once for all of them.
    const needed = patterns.map(() => new Uint8Array(slotPaths.length));
    prepared.forEach((p, i) => {
      for (const slot of slotsOf[i] as Int32Array) (needed[p.pattern] as Uint8Array)[slot] = 1;
    });
    const scans: (FileScan | undefined)[][] = patterns.map(() => new Array<FileScan | undefined>(slotPaths.length));
    const toRead: number[] = [];
    for (let slot = 0; slot < slotPaths.length; slot++) {
      const blob = opts.cache ? tree.blobId?.(slotPaths[slot] as string) : undefined;
      let missing = false;
      for (let c = 0; c < patterns.length; c++) {
        if ((needed[c] as Uint8Array)[slot] !== 1) continue;
        const hit = blob !== undefined ? opts.cache?.get(`${blob}\0${(patterns[c] as CompiledPattern).key}`) : undefined;
        if (hit) (scans[c] as (FileScan | undefined)[])[slot] = hit;
        else missing = true;
      }
      if (missing) toRead.push(slot);
    }
    const unreadable = new Uint8Array(slotPaths.length);
    const tooExpensive = new Map<string, string>(); // slot + '\0' + pattern index -> reason
    const diagnostics: Diagnostic[] = [];
    const count = patterns.length;
    const want = new Uint8Array(toRead.length * count);
    toRead.forEach((slot, k) => {
      for (let c = 0; c < count; c++) if ((needed[c] as Uint8Array)[slot] === 1 && (scans[c] as (FileScan | undefined)[])[slot] === undefined) want[k * count + c] = 1;
    });
    const paths = toRead.map((slot) => slotPaths[slot] as string);
    const found = await scanPaths(tree, { paths, modes: new Uint8Array(0), want, context }, patterns, opts.threads);
    toRead.forEach((slot, k) => {
      const path = paths[k] as string;
      if (found.unreadable[k] !== undefined) {
        unreadable[slot] = 1;
        return;
      }
      const blob = opts.cache ? tree.blobId?.(path) : undefined;
      for (let c = 0; c < count; c++) {
        if (want[k * count + c] !== 1) continue;
        const byslot = scans[c] as (FileScan | undefined)[];
        const message = found.expensive.get(k * count + c);
        if (message !== undefined) {
          diagnostics.push({ severity: 'error', code: 'scan/pattern-too-expensive', message: `${path}: ${message}`, file: path, line: null, column: null });
          tooExpensive.set(`${slot}\0${c}`, message);
          byslot[slot] = { binary: false, hits: [], before: [], after: [] };
          continue;
        }
        const scan = found.scans[k * count + c] ?? EMPTY_SCAN;
        byslot[slot] = scan;
        if (blob !== undefined) opts.cache?.set(`${blob}\0${(patterns[c] as CompiledPattern).key}`, scan);
      }
    });
    const extra = [...diagnostics, ...(tree.diagnostics ?? [])];
    const results = prepared.map((p, i) => {
      const plan = plans[i] as SearchPlan;
      const slots = slotsOf[i] as Int32Array;
      const view = { pipeline: p.pipeline, plan, slots, scans: scans[p.pattern] as (FileScan | undefined)[], unreadable, slotOf };
      const result = assemble(view, extra, opts.maxMatches ?? 500);
      return { ...result, incomplete: incompleteReason(plan, slots, p.pattern, tooExpensive) ?? result.incomplete };
    });
    // A pipeline given twice gets a result of its own (callers may extend the lists).
    return resultOf.map((i, k) => (resultOf.indexOf(i) === k ? (results[i] as MetricResult) : copyOf(results[i] as MetricResult)));
  }

  /**
   * Each pipeline's plan on `tree`. A tree of one regular file is what the backfill's per-file
   * metrics scan ~10,000 times; grep's plan there depends on the path alone, so it is kept by path
   * (never mutated: assemble copies the plan's lists before adding to them).
   */
  private plansOn(tree: RepoTree, ignoreTexts: ReadonlyMap<string, string>): SearchPlan[] {
    // A plan reads the path list, the links, which paths git tracks and rg's ignore files; none of
    // those but the one path here.
    const planFromPathAlone = tree.paths.length === 1 && tree.symlinks === undefined && tree.tracked === undefined && !this.usesRg;
    const onePath = planFromPathAlone ? tree.paths[0] : undefined;
    if (onePath === undefined) return this.prepared.map((p) => planOf(p.pipeline.grep, tree, ignoreTexts));
    const known = this.onePathPlans.get(onePath);
    if (known !== undefined) return known;
    const plans = this.prepared.map((p) => planOf(p.pipeline.grep, tree, ignoreTexts));
    if (this.onePathPlans.size >= ONE_FILE_PLAN_LIMIT) this.onePathPlans.clear();
    this.onePathPlans.set(onePath, plans);
    return plans;
  }
}

/**
 * Reads and scans the files: a working tree's on several threads when there are many
 * (scan-threads.ts), any other tree through its own reads (a commit's blobs, in the calling thread).
 */
async function scanPaths(tree: RepoTree, job: ScanJob, patterns: readonly CompiledPattern[], threads: ThreadOptions | undefined): Promise<ScanOutcomes> {
  const onDisk = tree.onDisk;
  if (onDisk !== undefined) return scanOnDisk({ ...job, modes: Uint8Array.from(job.paths, (p) => onDisk.readMode(p)) }, patterns, onDisk, threads);
  const count = patterns.length;
  const out: ScanOutcomes = { scans: new Array<FileScan | undefined>(job.paths.length * count), unreadable: new Array<string | null | undefined>(job.paths.length), expensive: new Map(), byThreads: 0 };
  await readAll(tree, job.paths, (k, buf) => {
    if (buf === null) {
      out.unreadable[k] = null; // the tree reported why
      return;
    }
    for (let c = 0; c < count; c++) {
      if (job.want[k * count + c] !== 1) continue;
      try {
        out.scans[k * count + c] = scanFile(buf, patterns[c] as CompiledPattern, job.context);
      } catch (e) {
        out.expensive.set(k * count + c, (e as Error).message);
      }
    }
  });
  return out;
}

/** How many files two plans start with alike (slots depend on nothing else of a plan's files). */
function commonStart(a: SearchPlan['files'], b: SearchPlan['files']): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && (a[k] as { path: string }).path === (b[k] as { path: string }).path) k++;
  return k;
}

function planOf(src: GrepPipeline['grep'], tree: RepoTree, ignoreTexts: ReadonlyMap<string, string>): SearchPlan {
  if (src.tool === 'rg') return planRgSearch(src, tree, ignoreTexts);
  if (src.tool === 'git-grep') return planGitGrepSearch(src, tree);
  if (src.tool === 'find') return findPlan(src, tree);
  return planSearch(src, tree);
}

function copyOf(r: MetricResult): MetricResult {
  return { ...r, output: [...r.output], stderr: [...r.stderr], byFile: [...r.byFile], byDirectory: [...r.byDirectory], matches: [...r.matches], diagnostics: [...r.diagnostics] };
}

function findPlan(src: GrepPipeline['grep'], tree: RepoTree): SearchPlan {
  const l = findListing(src.find as FindQuery, tree);
  return { files: [], withFilename: false, stderr: l.stderr, diagnostics: l.diagnostics, listing: l.lines };
}

/** rg reads .gitignore/.ignore/.rgignore from the tree being scanned (a commit's, or the working tree's). */
async function readIgnoreFiles(tree: RepoTree): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of ignoreFilePaths(tree)) {
    const buf = await tree.read(p);
    if (buf !== null) out.set(p, buf.toString('utf8'));
  }
  return out;
}

function incompleteReason(plan: SearchPlan, slots: Int32Array, pattern: number, tooExpensive: ReadonlyMap<string, string>): string | null {
  if (tooExpensive.size === 0) return null;
  for (let k = 0; k < plan.files.length; k++) {
    const reason = tooExpensive.get(`${slots[k]}\0${pattern}`);
    if (reason !== undefined) return `${(plan.files[k] as { path: string }).path}: ${reason}`;
  }
  return null;
}
