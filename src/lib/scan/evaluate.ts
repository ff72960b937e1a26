/**
 * evaluatePipeline(s): a parsed grep pipeline run over a RepoTree, producing exactly what GNU grep
 * 3.8 + coreutils print (C.UTF-8), plus per-file/per-directory counts and matches with context.
 * All pipelines given together share one read per file (one pass for all of a doc's metrics).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Match } from '../snapshot/schema.js';
import { scanFile, type FileScan, type ScanCache } from './cache.js';
import type { FilterStage, GrepPipeline } from './command/pipeline.js';
import { cutsFileNames, printsNumber } from './command/stage.js';
import { fileOutput, printedLineHits, type Row } from './output.js';
import { toolFileOutput } from './tool-output.js';
import { compilePattern, type CompiledPattern } from './regex/compile.js';
import { readAll } from './read.js';
import { applyStage } from './stages/index.js';
import type { RepoTree } from './types.js';
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
  plan: SearchPlan;
}

/** Runs one pipeline. See evaluatePipelines for several in one pass. */
export async function evaluatePipeline(pipeline: GrepPipeline, tree: RepoTree, opts: EvaluateOptions = {}): Promise<MetricResult> {
  const [result] = await evaluatePipelines([pipeline], tree, opts);
  return result as MetricResult;
}

/** Runs several pipelines over the tree, reading each file once for all of them. */
export async function evaluatePipelines(pipelines: readonly GrepPipeline[], tree: RepoTree, opts: EvaluateOptions = {}): Promise<MetricResult[]> {
  const context = opts.context ?? 2;
  const ignoreTexts = pipelines.some((p) => p.grep.tool === 'rg') ? await readIgnoreFiles(tree) : new Map<string, string>();
  const prepared: Prepared[] = pipelines.map((pipeline) => {
    const compiled = compilePattern(pipeline.grep.spec);
    if ('error' in compiled) throw new Error(compiled.error); // parseGrepCommand compiled it already
    const tool = pipeline.grep.tool;
    const plan = tool === 'rg' ? planRgSearch(pipeline.grep, tree, ignoreTexts) : tool === 'git-grep' ? planGitGrepSearch(pipeline.grep, tree) : tool === 'find' ? findPlan(pipeline.grep, tree) : planSearch(pipeline.grep, tree);
    return { pipeline, compiled, plan };
  });
  // Which patterns each file needs, so each file is read at most once.
  const needs = new Map<string, CompiledPattern[]>();
  for (const p of prepared) {
    for (const f of p.plan.files) {
      const list = needs.get(f.path);
      if (!list) needs.set(f.path, [p.compiled]);
      else if (!list.some((c) => c.key === p.compiled.key)) list.push(p.compiled);
    }
  }
  const scans = new Map<string, FileScan>(); // path + '\0' + pattern key
  const toRead: string[] = [];
  for (const [path, patterns] of needs) {
    const blob = opts.cache ? tree.blobId?.(path) : undefined;
    let missing = false;
    for (const c of patterns) {
      const hit = blob !== undefined ? opts.cache?.get(`${blob}\0${c.key}`) : undefined;
      if (hit) scans.set(`${path}\0${c.key}`, hit);
      else missing = true;
    }
    if (missing) toRead.push(path);
  }
  const unreadable = new Set<string>();
  const tooExpensive = new Map<string, string>(); // path + '\0' + pattern key -> reason
  const diagnostics: Diagnostic[] = [];
  await readAll(tree, toRead, (path, buf) => {
    if (buf === null) {
      unreadable.add(path);
      return;
    }
    const blob = opts.cache ? tree.blobId?.(path) : undefined;
    for (const c of needs.get(path) ?? []) {
      const k = `${path}\0${c.key}`;
      if (scans.has(k)) continue;
      let scan: FileScan;
      try {
        scan = scanFile(buf, c, context);
      } catch (e) {
        diagnostics.push({ severity: 'error', code: 'scan/pattern-too-expensive', message: `${path}: ${(e as Error).message}`, file: path, line: null, column: null });
        tooExpensive.set(k, (e as Error).message);
        scan = { binary: false, hits: [], before: [], after: [] };
      }
      scans.set(k, scan);
      if (blob !== undefined && !tooExpensive.has(k)) opts.cache?.set(`${blob}\0${c.key}`, scan);
    }
  });
  return prepared.map((p) => {
    const result = assemble(p, scans, unreadable, [...diagnostics, ...(tree.diagnostics ?? [])], opts);
    return { ...result, incomplete: incompleteReason(p, tooExpensive) ?? result.incomplete };
  });
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

function incompleteReason(p: Prepared, tooExpensive: ReadonlyMap<string, string>): string | null {
  for (const f of p.plan.files) {
    const reason = tooExpensive.get(`${f.path}\0${p.compiled.key}`);
    if (reason !== undefined) return `${f.path}: ${reason}`;
  }
  return null;
}

function assemble(p: Prepared, scans: Map<string, FileScan>, unreadable: Set<string>, extra: Diagnostic[], opts: EvaluateOptions): MetricResult {
  const { pipeline, compiled, plan } = p;
  const stderr = [...plan.stderr];
  const diagnostics = [...plan.diagnostics, ...extra];
  if (onlyCountsLines(pipeline)) return countLines(p, scans, unreadable, stderr, diagnostics, opts.maxMatches ?? 500);
  let rows: Row[] = (plan.listing ?? []).map((l) => ({ text: l.text, path: l.path, hit: null, line: null }));
  for (const f of plan.files) {
    if (unreadable.has(f.path)) {
      stderr.push(`grep: ${f.name}: Permission denied`);
      continue;
    }
    const scan = scans.get(`${f.path}\0${compiled.key}`);
    if (scan && pipeline.grep.tool !== undefined && pipeline.grep.tool !== 'grep') rows.push(...toolFileOutput(pipeline.grep, f, scan, plan.withFilename));
    else if (scan) rows.push(...fileOutput(pipeline.grep, f.name, f.path, scan, plan.withFilename, stderr));
  }
  // A name with a newline prints as two lines for the next command (and for `wc -l`).
  rows = rows.flatMap((r) => (r.text.includes('\n') ? r.text.split('\n').map((text, k, all) => ({ ...r, text, count: k === all.length - 1 ? r.count : 0 })) : [r]));
  const countRows = pipeline.grep.count;
  // A final number-printing stage (wc, grep -c, awk's END print) gives the value; the lines before
  // it still say which files it came from.
  const at = numberStageIndex(pipeline.stages);
  const numberStage = at < 0 ? null : (pipeline.stages[at] as FilterStage);
  for (const stage of at < 0 ? pipeline.stages : pipeline.stages.slice(0, at)) rows = applyStage(stage, rows);
  let printed = numberStage ? applyStage(numberStage, rows) : rows;
  for (const stage of at < 0 ? [] : pipeline.stages.slice(at + 1)) printed = applyStage(stage, printed);
  // `… | wc -l | head -n 0` prints nothing: no number, so the value is its 0 lines.
  const numeric = numberStage && printed.length > 0 ? numberOf(printed[0]?.text ?? '') : numberStage ? 0 : null;
  // grep -c's rows count matches per file when the value is their sum (no later stage, or awk adding them up).
  const weighByCount = countRows && (pipeline.stages.length === 0 || (numberStage?.kind === 'awk' && pipeline.stages.length === 1));
  const value = numeric ?? (countRows && pipeline.stages.length === 0 ? rows.reduce((n, r) => n + (r.count ?? 0), 0) : rows.length);
  const byFileMap = new Map<string, number>();
  for (const r of rows) {
    if (r.path === null) continue;
    const n = weighByCount ? (r.count ?? 0) : 1;
    if (n > 0) byFileMap.set(r.path, (byFileMap.get(r.path) ?? 0) + n);
  }
  return {
    value: numeric === null || Number.isFinite(numeric) ? value : 0,
    incomplete: numeric === null || Number.isFinite(numeric) ? null : `the last stage printed \`${printed[0]?.text ?? ''}\`, not a number`,
    unit: unitOf(pipeline),
    output: printed.map((r) => r.text),
    stderr,
    byFile: sortCounts(byFileMap),
    byDirectory: sortCounts(directoryTotals(byFileMap)),
    matches: matchesOf(rows, scans, compiled.key, opts.maxMatches ?? 500),
    diagnostics,
    filesSearched: plan.files.length,
  };
}

/**
 * The stage whose number is the value: the last number-printing stage (wc, grep -c, awk's END
 * print) when every stage after it passes its one line through unchanged (`wc -l | head -1`,
 * `| sort -n`, `| tail -n 1`, `| uniq`; issue 22), else -1 (the value is then the number of output lines).
 */
function numberStageIndex(stages: readonly FilterStage[]): number {
  for (let k = stages.length - 1; k >= 0; k--) {
    const s = stages[k] as FilterStage;
    if (printsNumber(s)) return k;
    const passesOneLine = s.kind === 'head' || s.kind === 'tail' || s.kind === 'sort' || (s.kind === 'uniq' && !s.count);
    if (!passesOneLine) return -1;
  }
  return -1;
}

/** `grep … | wc -l` with grep printing whole lines: the number of lines is all that is asked. */
function onlyCountsLines(p: GrepPipeline): boolean {
  const plainGrep = (p.grep.tool ?? 'grep') === 'grep' && !p.grep.spec.onlyMatching;
  const only = p.stages.length === 1 ? p.stages[0] : undefined;
  const wcLines = only?.kind === 'wc' && only.lines && !only.words && !only.bytes;
  return plainGrep && wcLines && !p.grep.count && !p.grep.filesWithMatches;
}

/**
 * The count-only path (issue 21): what `assemble` gives for `grep … | wc -l`, without building an
 * output line per hit. A file name with a newline prints as one more line per hit when lines carry
 * the name, as in `assemble`. tests/scan/count-only.test.ts holds the two paths equal.
 */
function countLines(p: Prepared, scans: Map<string, FileScan>, unreadable: Set<string>, stderr: string[], diagnostics: Diagnostic[], max: number): MetricResult {
  const { pipeline, compiled, plan } = p;
  const byFileMap = new Map<string, number>();
  const matches: Match[] = [];
  const seen = new Set<string>();
  let value = 0;
  for (const f of plan.files) {
    if (unreadable.has(f.path)) {
      stderr.push(`grep: ${f.name}: Permission denied`);
      continue;
    }
    const scan = scans.get(`${f.path}\0${compiled.key}`);
    if (!scan) continue;
    const printed = printedLineHits(pipeline.grep, f.name, scan, stderr);
    if (printed.length === 0) continue;
    const lines = printed.length * (plan.withFilename ? f.name.split('\n').length : 1);
    value += lines;
    byFileMap.set(f.path, (byFileMap.get(f.path) ?? 0) + lines);
    for (const k of printed) {
      const h = scan.hits[k];
      if (matches.length >= max || !h) break;
      if (seen.has(`${f.path}\0${h.line}`)) continue;
      seen.add(`${f.path}\0${h.line}`);
      matches.push({ path: f.path, line: h.line, text: h.text, before: scan.before[k] ?? [], after: scan.after[k] ?? [] });
    }
  }
  return {
    value,
    incomplete: null,
    unit: unitOf(pipeline),
    output: [String(value)],
    stderr,
    byFile: sortCounts(byFileMap),
    byDirectory: sortCounts(directoryTotals(byFileMap)),
    matches,
    diagnostics,
    filesSearched: plan.files.length,
  };
}

/**
 * 'files' when the lines are file names (-l, or `cut -d: -f1` of prefixed lines); 'matches' for
 * `-o` (one line per match, issue 22); 'lines' otherwise: grep prints, and `-c` counts, matching
 * lines, not matches (issue 4).
 */
function unitOf(p: GrepPipeline): MetricResult['unit'] {
  if (p.grep.filesWithMatches || p.grep.tool === 'find') return 'files';
  if (p.stages.some(cutsFileNames)) return 'files';
  return p.grep.spec.onlyMatching ? 'matches' : 'lines';
}

/**
 * The number a number-printing stage printed: wc's first count (lines, when several are printed),
 * or awk's number; awk prints an unset variable as an empty line, which is 0.
 */
function numberOf(text: string): number {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first === '' ? 0 : Number(first);
}

function matchesOf(rows: Row[], scans: Map<string, FileScan>, key: string, max: number): Match[] {
  const out: Match[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (out.length >= max) break;
    if (r.path === null || r.hit === null || r.line === null) continue;
    const id = `${r.path}\0${r.line}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const scan = scans.get(`${r.path}\0${key}`);
    const h = scan?.hits[r.hit];
    if (!scan || !h) continue;
    out.push({ path: r.path, line: h.line, text: h.text, before: scan.before[r.hit] ?? [], after: scan.after[r.hit] ?? [] });
  }
  return out;
}

function directoryTotals(byFile: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [path, n] of byFile) {
    for (let k = path.indexOf('/'); k >= 0; k = path.indexOf('/', k + 1)) {
      const dir = path.slice(0, k);
      out.set(dir, (out.get(dir) ?? 0) + n);
    }
  }
  return out;
}

function sortCounts(m: Map<string, number>): PathCount[] {
  return [...m].map(([path, count]) => ({ path, count })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
