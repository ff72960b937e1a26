/**
 * Benchmark: the doc stage as a fresh process pays for it (issues 17 and 21). A Node process loads
 * the doc stage from compiled/ (as an installed migratrack does) and parses one doc once; it reports
 * the time from before the import to after the parse, and the whole process is timed against a
 * bare `node` that reads the same file (the anchor: Node's own start-up). Two docs: the seed doc
 * (issue 21: cold parse < 100 ms) and a 1 MB doc of mixed shapes (issue 17: well under a second),
 * the styles spec folder's docs, each copy under its own title, until 1 MB.
 * Every run's figures (items, done, categories) are checked equal to the same parse through the
 * TypeScript sources in this process. Needs `npm run compile` first (compiled/ is git-ignored).
 * Usage: tsx scripts/bench/parse-cold.ts [pairs]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { pairedRuns, rounded, spread, type ProcessRun } from './cold.js';
import { mixedDocText } from './mixed-doc.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC_STAGE = path.join(ROOT, 'compiled/lib/doc/index.js');
const SEED = path.join(ROOT, 'examples/JITTER-ADOPTION-TRACKING.md');
const MIXED = path.join(ROOT, '.cache/bench/mixed-1mb.md');

function writeMixedDoc(): void {
  mkdirSync(path.dirname(MIXED), { recursive: true });
  writeFileSync(MIXED, mixedDocText());
}

/** What a run prints: its timing and the figures that are checked. */
interface Report {
  ms: number;
  /** CPU time of the import and the parse (user + system): the figure to read on a loaded machine. */
  cpuMs: number;
  items: number;
  done: number;
  categories: number;
}

const PROBE = `
const { readFileSync } = await import('node:fs');
const bytes = readFileSync(process.argv[1]);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const { parseTrackingDoc } = await import(process.argv[2]);
const doc = parseTrackingDoc(bytes, 'doc.md');
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
const done = doc.items.filter((item) => item.status.status === 'done').length;
console.log(JSON.stringify({ ms, cpuMs, items: doc.items.length, done, categories: doc.categories.length }));
`;
const ANCHOR = `require('node:fs').readFileSync(process.argv[1]);`;

function figures(doc: ReturnType<typeof parseTrackingDoc>): Omit<Report, 'ms' | 'cpuMs'> {
  return { items: doc.items.length, done: doc.items.filter((item) => item.status.status === 'done').length, categories: doc.categories.length };
}

function bench(name: string, file: string, pairs: number): void {
  const expected = figures(parseTrackingDoc(readFileSync(file), 'doc.md'));
  const inProcess: number[] = [];
  const inProcessCpu: number[] = [];
  const check = (ours: ProcessRun): void => {
    const report = JSON.parse(ours.stdout) as Report;
    const { ms, cpuMs, ...got } = report;
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${name}: compiled/ read ${JSON.stringify(got)}, the sources ${JSON.stringify(expected)}`);
    inProcess.push(ms);
    inProcessCpu.push(cpuMs);
  };
  const result = pairedRuns(
    { file: process.execPath, args: ['--input-type=module', '-e', PROBE, file, DOC_STAGE], cwd: ROOT },
    { file: process.execPath, args: ['-e', ANCHOR, file], cwd: ROOT },
    pairs,
    (ours) => check(ours),
  );
  // The untimed warm-up pair's run is dropped.
  const summary = (values: number[]) => rounded(spread(values.slice(1)));
  process.stdout.write(
    `${JSON.stringify({
      name,
      bytes: readFileSync(file).length,
      ...expected,
      importAndParseMs: summary(inProcess),
      importAndParseCpuMs: summary(inProcessCpu),
      processMs: rounded(result.oursMs),
      bareNodeMs: rounded(result.anchorMs),
      ratio: rounded(result.ratio, 2),
      peakRssMiB: Math.round(result.oursPeakRssMiB),
      pairs,
    })}\n`,
  );
}

if (!existsSync(DOC_STAGE)) {
  process.stderr.write('parse-cold: compiled/ is missing; run `npm run compile` first.\n');
  process.exit(2);
}
const pairs = Math.max(1, Number(process.argv[2] ?? 7) || 7);
writeMixedDoc();
bench('parse-cold-seed', SEED, pairs);
bench('parse-cold-mixed-1mb', MIXED, pairs);
