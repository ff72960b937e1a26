/**
 * Merge benchmark (issue 24): `migratrack build --merge` over 50, 200 and 500 generated shards of
 * 2,000 tracked files each (30 daily history records), as a cold whole process. The org totals
 * the merge writes must equal the generator's own sums, and every repository must have its pages.
 *
 * By default with each repository's own pages (the whole org site: 4,000+ pages a repository):
 * one run per count under GNU time (wall, CPU of the process and its Astro builds, the largest
 * process's peak RSS), the load average before and after, then its anchor: the floor of writing
 * that site at all (./write-floor.mjs: the same files, paths and sizes, written as the merge writes
 * them, with as many threads as the merge has Astro builds; BENCH_FLOOR_THREADS="1,2" also
 * measures other counts, to see whether the disk scales). Each site is deleted once measured.
 * With `--no-repo-pages`, the dashboard only, in BENCH_RUNS pairs (default 1 after a warm-up of
 * each) against an anchor that only reads and JSON-parses the same files (the floor of any merge).
 * The 1 GB of generated shards in .cache/bench/merge are deleted at the end unless `--keep` (a
 * later run reuses kept ones).
 *   tsx scripts/bench/merge.ts [--no-repo-pages] [--keep] [counts …]     e.g. `tsx scripts/bench/merge.ts 10 50`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeShard, type Shard } from '../../src/lib/org/index.js';
import { shardFileText } from '../../src/lib/pipeline/shard-file.js';
import { VERSION } from '../../src/lib/cli/version.js';
import { pairedRuns, rounded, runCold, type Command } from './cold.js';
import { syntheticHistory, syntheticSnapshot } from '../../tests/site/fixtures/synthetic.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WORK = join(ROOT, '.cache/bench/merge');
const FILES = 2000;
const ARGS = process.argv.slice(2);
const COUNTS = ARGS.map(Number).filter((n) => n > 0);
const REPO_PAGES = !ARGS.includes('--no-repo-pages');
const KEEP = ARGS.includes('--keep');
const PAIRS = Number(process.env.BENCH_RUNS ?? 1);
/** The merge's Astro builds at once (src/lib/pipeline/merge-pages.ts: one per core, at most 2). */
const MERGE_THREADS = Math.min(2, availableParallelism());
const FLOOR_THREADS = (process.env.BENCH_FLOOR_THREADS ?? '').split(',').map(Number).filter((n) => n > 0);
/** Which shard files each count merges: the first 50, 200 or all 500 names. */
const PATTERNS: Record<number, string> = { 2: 'shards/s000[01].json', 3: 'shards/s000[0-2].json', 10: 'shards/s000?.json', 50: 'shards/s00[0-4]?.json', 200: 'shards/s0[01]??.json', 500: 'shards/s*.json' };

interface Expected { declaredDone: number; verifiedDone: number; slots: number; remainingCalls: number }

/** Shard i: the synthetic 2,000-file repository with its own done counts and history. */
function variant(base: Shard, i: number): Shard {
  const verifiedDone = (i * 37) % FILES;
  const declaredDone = Math.min(FILES, verifiedDone + (i % 50));
  const calls = FILES - verifiedDone;
  const records = base.history.records.map((r, d) => ({ ...r, verifiedDone: Math.max(0, verifiedDone - (29 - d) * 5), declaredDone, slots: FILES, metrics: { bq: calls + (29 - d) * 5 } }));
  const metrics = base.snapshot.metrics.map((m) => ({ ...m, value: calls }));
  return { ...base, name: `s${String(i).padStart(4, '0')}`, snapshot: { ...base.snapshot, totals: { slots: FILES, declaredDone, verifiedDone }, metrics }, history: { ...base.history, records } };
}

/** The first `most` shards (kept ones are reused; more are made when a later run asks for more). */
function generate(most: number): Expected[] {
  const dir = join(WORK, 'shards');
  const expectedFile = join(WORK, 'expected.json');
  if (existsSync(expectedFile)) {
    const kept = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
    if (kept.length >= most) return kept;
  }
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${most} shards of ${FILES} files in ${dir}\n`);
  const snapshot = syntheticSnapshot(FILES);
  const base = makeShard({ name: 's0000', toolVersion: VERSION, metricsOnly: false, snapshot, history: syntheticHistory(snapshot), localPaths: [] });
  const expected: Expected[] = [];
  for (let i = 0; i < most; i++) {
    const shard = variant(base, i);
    writeFileSync(join(dir, `${shard.name}.json`), shardFileText(shard));
    const t = shard.snapshot.totals;
    expected.push({ declaredDone: t.declaredDone, verifiedDone: t.verifiedDone, slots: t.slots, remainingCalls: shard.snapshot.metrics[0]!.value ?? 0 });
  }
  writeFileSync(expectedFile, JSON.stringify(expected));
  return expected;
}

/**
 * CPU seconds (user + system) of one more cold run, from GNU time: on a machine shared with other
 * jobs the wall time is mostly waiting, and the CPU time says what the merge costs.
 */
function cpuSeconds(command: Command): number {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', command.file, ...command.args], { cwd: command.cwd, env: command.env, encoding: 'utf8' });
  const [user, sys] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return Math.round(((user ?? 0) + (sys ?? 0)) * 10) / 10;
}

/** `a / b` to two places. */
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/** One run of the write floor: its threads, the files it wrote, the write phase's seconds. */
interface Floor { threads: number; files: number; wallS: number; cpuS: number; userS: number; systemS: number; load: number }

/**
 * The anchor of a merge with pages: the site's every file (path and size, listed by GNU find)
 * written again by ./write-floor.mjs into an empty folder, with the merge's threads (and any of
 * BENCH_FLOOR_THREADS). Nothing is deleted until all are measured: deleting 200,000 files here
 * (ext4 mounted with `discard`) takes minutes of the kernel's time, which would be the floor's.
 */
function writeFloors(site: string, count: number, report: (floor: Floor) => void): Floor[] {
  const listing = join(WORK, `site-${count}.files`);
  const listed = spawnSync('sh', ['-c', `find "${site}" -type f -printf '%P\t%s\n' > "${listing}"`]);
  if (listed.status !== 0) throw new Error(`merge bench: listing ${site} failed: ${listed.stderr}`);
  const threads = [...new Set([Math.min(MERGE_THREADS, count), ...FLOOR_THREADS])];
  const copies = threads.map((n) => join(WORK, `floor-${count}-${n}`));
  try {
    return threads.map((n, i) => {
      rmSync(copies[i]!, { recursive: true, force: true });
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/write-floor.mjs'), listing, copies[i]!, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) throw new Error(`merge bench: the write floor failed: ${run.stderr.slice(0, 400)}`);
      const floor = JSON.parse(run.stdout) as { files: number; wallMs: number; cpuMs: number; userMs: number; systemMs: number };
      const result = { threads: n, files: floor.files, wallS: floor.wallMs / 1000, cpuS: floor.cpuMs / 1000, userS: floor.userMs / 1000, systemS: floor.systemMs / 1000, load: load() };
      // Printed before the folders are deleted (minutes, for a big site).
      report(result);
      return result;
    });
  } finally {
    for (const folder of [site, ...copies]) rmSync(folder, { recursive: true, force: true });
    rmSync(listing, { force: true });
  }
}

const counts = COUNTS.length > 0 ? COUNTS : [50, 200, 500];
const expected = generate(Math.max(...counts));
const load = () => Math.round(loadavg()[0]! * 10) / 10;
const anchorScript = "const fg=require('fast-glob');let n=0;for(const f of fg.sync(process.argv[1])){JSON.parse(require('fs').readFileSync(f,'utf8'));n++}console.log(n)";
try {
  for (const count of counts) {
    const pattern = PATTERNS[count];
    if (pattern === undefined) throw new Error(`merge bench: counts are ${Object.keys(PATTERNS).join(', ')}, not ${count}`);
    const out = join(WORK, `site-${count}`);
    rmSync(out, { recursive: true, force: true });
    const ours: Command = { file: process.execPath, args: [join(ROOT, 'bin/migratrack.mjs'), 'build', '--merge', pattern, '--out', out, ...(REPO_PAGES ? [] : ['--no-repo-pages']), '--quiet'], cwd: WORK, env: { ...process.env, NO_COLOR: '1' } };
    const want = expected.slice(0, count).reduce((s, e) => ({ declaredDone: s.declaredDone + e.declaredDone, verifiedDone: s.verifiedDone + e.verifiedDone, slots: s.slots + e.slots, remainingCalls: s.remainingCalls + e.remainingCalls }), { declaredDone: 0, verifiedDone: 0, slots: 0, remainingCalls: 0 });
    const checkTotals = () => {
      const got = (JSON.parse(readFileSync(join(out, 'api/org.json'), 'utf8')) as { totals: Expected & { repos: number; problems: number } }).totals;
      const same = got.repos === count && got.problems === 0 && (Object.keys(want) as (keyof Expected)[]).every((k) => got[k] === want[k]);
      if (!same) throw new Error(`merge bench: ${count} shards merged to ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    };
    const shardMiB = Math.round((readFileSync(join(WORK, 'shards/s0000.json')).length / 1048576) * 10) / 10;
    if (REPO_PAGES) {
      const loadBefore = load();
      const run = runCold(ours);
      const loadAfter = load();
      checkTotals();
      const missing = expected.slice(0, count).map((_, i) => `s${String(i).padStart(4, '0')}`).filter((name) => !existsSync(join(out, name, 'index.html')) || !existsSync(join(out, name, 'files/index.html')) || !existsSync(join(out, name, 'api/snapshot.json')));
      if (missing.length > 0) throw new Error(`merge bench: no pages for ${missing.slice(0, 5).join(', ')} (${missing.length} repositories)`);
      const pages = Number(spawnSync('sh', ['-c', `find "${out}" -name '*.html' | wc -l`], { encoding: 'utf8' }).stdout.trim());
      const merged = { shards: count, filesPerShard: FILES, shardMiB, repoPages: true, pages, wallS: Math.round(run.wallMs / 100) / 10, cpuS: Math.round(run.cpuMs / 100) / 10, peakRssMiB: Math.round(run.peakRssMiB), loadBefore, loadAfter };
      // Printed first: deleting 200,000 pages takes a while on a busy disk.
      console.log(JSON.stringify(merged));
      writeFloors(out, count, (floor) => console.log(JSON.stringify({ shards: count, anchor: 'write floor', ...floor, cpuRatio: ratio(merged.cpuS, floor.cpuS), wallRatio: ratio(merged.wallS, floor.wallS) })));
      continue;
    }
    const anchor: Command = { file: process.execPath, args: ['-e', anchorScript, pattern], cwd: WORK, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } };
    const result = pairedRuns(ours, anchor, PAIRS, (_, anchorRun) => {
      checkTotals();
      if (Number(anchorRun.stdout.trim()) !== count) throw new Error(`merge bench: the anchor read ${anchorRun.stdout.trim()} shards, not ${count}`);
    });
    console.log(JSON.stringify({
      shards: count,
      filesPerShard: FILES,
      shardMiB,
      repoPages: false,
      pairs: result.pairs,
      oursMs: rounded(result.oursMs),
      anchorMs: rounded(result.anchorMs),
      ratio: rounded(result.ratio, 2),
      oursCpuS: cpuSeconds(ours),
      anchorCpuS: cpuSeconds(anchor),
      oursPeakRssMiB: result.oursPeakRssMiB,
      anchorPeakRssMiB: result.anchorPeakRssMiB,
      load: load(),
    }));
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  if (!KEEP) rmSync(WORK, { recursive: true, force: true });
}
