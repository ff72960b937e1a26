/**
 * One pipeline's result from the first-stage scans of its files: grep's output lines (or, for
 * `grep … | wc -l`, only their number), the later stages, the value, per-file and per-directory
 * counts and the matches with context. evaluate.ts reads and scans the files; this only assembles.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Match } from '../snapshot/schema.js';
import type { FileScan } from './cache.js';
import type { FilterStage, GrepPipeline } from './command/pipeline.js';
import { cutsFileNames, printsNumber } from './command/stage.js';
import { fileOutput, printedLineHits, type Row } from './output.js';
import { applyStage } from './stages/index.js';
import { toolFileOutput } from './tool-output.js';
import type { MetricResult } from './evaluate.js';
import type { SearchFile, SearchPlan } from './walk.js';

/**
 * What one evaluation read, by file slot (one slot per tree path read, shared by all pipelines):
 * a pipeline's scans are those of its pattern, its plan's files point at their slots.
 */
export interface PlanScans {
  pipeline: GrepPipeline;
  plan: SearchPlan;
  /** Slot of each of `plan.files`, in order. */
  slots: Int32Array;
  /** This pipeline's pattern's scan of each slot (undefined: not read). */
  scans: readonly (FileScan | undefined)[];
  /** 1 for a slot whose file could not be read. */
  unreadable: Uint8Array;
  slotOf: ReadonlyMap<string, number>;
}

export function assemble(p: PlanScans, extra: Diagnostic[], maxMatches: number): Omit<MetricResult, 'incomplete'> & { incomplete: string | null } {
  const { pipeline, plan } = p;
  const stderr = [...plan.stderr];
  const diagnostics = [...plan.diagnostics, ...extra];
  if (onlyCountsLines(pipeline)) return countLines(p, stderr, diagnostics, maxMatches);
  let rows: Row[] = (plan.listing ?? []).map((l) => ({ text: l.text, path: l.path, hit: null, line: null }));
  const plainGrep = pipeline.grep.tool === undefined || pipeline.grep.tool === 'grep';
  forEachScan(p, stderr, (f, scan) => {
    // No hit prints nothing, except grep -c's `name:0` (rg and git grep -c leave such files out).
    if (scan.hits.length === 0 && !(plainGrep && pipeline.grep.count)) return;
    if (!plainGrep) rows.push(...toolFileOutput(pipeline.grep, f, scan, plan.withFilename));
    else rows.push(...fileOutput(pipeline.grep, f.name, f.path, scan, plan.withFilename, stderr));
  });
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
    matches: matchesOf(rows, p, maxMatches),
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

/** Each of the plan's files with its scan, in order; a file that could not be read is reported as grep does. */
function forEachScan(p: PlanScans, stderr: string[], visit: (f: SearchFile, scan: FileScan) => void): void {
  p.plan.files.forEach((f, k) => {
    const slot = p.slots[k] as number;
    if (p.unreadable[slot] === 1) stderr.push(`grep: ${f.name}: Permission denied`);
    else {
      const scan = p.scans[slot];
      if (scan) visit(f, scan);
    }
  });
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
function countLines(p: PlanScans, stderr: string[], diagnostics: Diagnostic[], max: number): MetricResult {
  const { pipeline, plan } = p;
  const byFileMap = new Map<string, number>();
  const matches: Match[] = [];
  const seen = new Set<string>();
  let value = 0;
  forEachScan(p, stderr, (f, scan) => {
    if (scan.hits.length === 0) return;
    const printed = printedLineHits(pipeline.grep, f.name, scan, stderr);
    if (printed.length === 0) return;
    const lines = printed.length * (plan.withFilename ? f.name.split('\n').length : 1);
    value += lines;
    byFileMap.set(f.path, (byFileMap.get(f.path) ?? 0) + lines);
    for (const hit of printed) {
      const h = scan.hits[hit];
      if (matches.length >= max || !h) break;
      if (seen.has(`${f.path}\0${h.line}`)) continue;
      seen.add(`${f.path}\0${h.line}`);
      matches.push({ path: f.path, line: h.line, text: h.text, before: scan.before[hit] ?? [], after: scan.after[hit] ?? [] });
    }
  });
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

function matchesOf(rows: Row[], p: PlanScans, max: number): Match[] {
  const out: Match[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (out.length >= max) break;
    if (r.path === null || r.hit === null || r.line === null) continue;
    const id = `${r.path}\0${r.line}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const slot = p.slotOf.get(r.path);
    const scan = slot === undefined ? undefined : p.scans[slot];
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

function sortCounts(m: Map<string, number>): MetricResult['byFile'] {
  return [...m].map(([path, count]) => ({ path, count })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
