/**
 * Bench: the incremental backfill against the naive method (a fresh full scan per commit), in one
 * run, on generated histories (issue 5 "Done when"). Prints JSON. Repos are generated once,
 * deterministically, under .cache/bench/ (tests/history/fixtures/bench-repo.ts).
 *
 *   npx tsx scripts/bench/backfill.ts [--quick]
 *
 * Naive = for a sample of commits: `gitTree(root, sha)` (the scanner's fresh tree), every metric
 * with a fresh scanner cache, parse the doc, verifyDoc with a fresh cache; the mean cost per
 * commit is extrapolated to all commits. Incremental = backfillHistory with every: 'commit'
 * (same work, every commit) and with the default every: 'day'.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { backfillHistory, createHistoryStages, docMetrics, type BackfillMetric, type HistoryStages } from '../../src/lib/history/index.js';
import { gitTree } from '../../src/lib/scan/index.js';
import { BENCH_DOC, ensureBenchRepo, type BenchRepoSpec } from '../../tests/history/fixtures/bench-repo.js';

const CACHE = resolve(import.meta.dirname, '../../.cache/bench');
const quick = process.argv.includes('--quick');

function headMetrics(root: string): BackfillMetric[] {
  const text = execFileSync('git', ['show', `HEAD:${BENCH_DOC}`], { cwd: root });
  return docMetrics(parseTrackingDoc(text, BENCH_DOC));
}

/** CPU time of this process and its reaped children (git), from /proc: wall time lies on a loaded box. */
function cpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime, stime, cutime, cstime are fields 14-17 of the full line (11-14 after "pid (comm) ").
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * The real stages, with the parser and the verifier timed. Metrics run concurrently, so their
 * summed durations would mean nothing.
 */
function timedStages(): { stages: HistoryStages; ms: { parse: number; verify: number } } {
  const real = createHistoryStages();
  const ms = { parse: 0, verify: 0 };
  return {
    ms,
    stages: {
      parseDoc: (bytes, path) => {
        const t = performance.now();
        try {
          return real.parseDoc(bytes, path);
        } finally {
          ms.parse += performance.now() - t;
        }
      },
      evaluateMetric: (metric, tree) => real.evaluateMetric(metric, tree),
      evaluateMetrics: real.evaluateMetrics ? (metrics, tree) => real.evaluateMetrics!(metrics, tree) : undefined,
      verify: (doc, tree, context) => {
        const t = performance.now();
        return real.verify(doc, tree, context).finally(() => (ms.verify += performance.now() - t));
      },
      sumsOverFiles: (metric) => real.sumsOverFiles?.(metric) ?? false,
    },
  };
}

async function incremental(root: string, every: 'day' | 'commit') {
  const started = performance.now();
  const cpu = cpuMs();
  const { stages, ms } = timedStages();
  const result = await backfillHistory({ root, docPath: BENCH_DOC, metrics: headMetrics(root), stages, every });
  const { stats } = result;
  const values = new Map(result.records.map((r) => [r.commit ?? '', r.metrics]));
  return {
    values,
    ms: Math.round(performance.now() - started),
    cpuMs: cpuMs() - cpu,
    parseMs: Math.round(ms.parse),
    verifyMs: Math.round(ms.verify),
    samples: stats.samples,
    commits: stats.commits,
    blobsRead: stats.blobsRead,
    metricRuns: stats.metricRuns,
    metricReuses: stats.metricReuses,
    verifyRuns: stats.verifyRuns,
    verifyReuses: stats.verifyReuses,
    docParses: stats.docParses,
    perFileRuns: stats.perFileRuns,
  };
}

/** Mean cost of a fresh full scan at `sample` evenly spaced first-parent commits. */
async function naivePerCommit(root: string, sample: number, expected: ReadonlyMap<string, Record<string, number | null>>) {
  const shas = execFileSync('git', ['rev-list', '--first-parent', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const picks = Array.from({ length: sample }, (_, i) => shas[Math.floor((i * shas.length) / sample)] ?? '');
  const metrics = headMetrics(root);
  const started = performance.now();
  const cpu = cpuMs();
  const mismatches: string[] = [];
  for (const sha of picks) {
    const stages = createHistoryStages(); // fresh caches: nothing carried between commits
    const tree = await gitTree(root, sha);
    try {
    for (const metric of metrics) {
      const value = await stages.evaluateMetric(metric, tree);
      // The bench doubles as an oracle: incremental must equal the fresh scan.
      if (expected.get(sha)?.[metric.id] !== value) mismatches.push(`${sha.slice(0, 12)} ${metric.id}: incremental ${expected.get(sha)?.[metric.id]}, fresh ${value}`);
    }
    const bytes = await tree.read(BENCH_DOC);
    if (bytes) await stages.verify(stages.parseDoc(bytes, BENCH_DOC), tree, { renames: new Map() });
    } finally {
      tree.close?.();
    }
  }
  return { msPerCommit: (performance.now() - started) / picks.length, cpuMsPerCommit: (cpuMs() - cpu) / picks.length, sampled: picks.length, mismatches };
}

async function run(spec: BenchRepoSpec, withNaive: boolean) {
  const root = await ensureBenchRepo(CACHE, spec);
  const perCommit = await incremental(root, 'commit');
  const perDay = await incremental(root, 'day');
  const entry: Record<string, unknown> = { spec, incrementalEveryCommit: { ...perCommit, values: undefined }, incrementalDaily: { ...perDay, values: undefined } };
  if (withNaive) {
    const naive = await naivePerCommit(root, quick ? 5 : 20, perCommit.values);
    const extrapolatedMs = Math.round(naive.msPerCommit * perCommit.samples);
    const extrapolatedCpuMs = Math.round(naive.cpuMsPerCommit * perCommit.samples);
    entry.naive = { ...naive, msPerCommit: Math.round(naive.msPerCommit), cpuMsPerCommit: Math.round(naive.cpuMsPerCommit), extrapolatedMs, extrapolatedCpuMs };
    entry.speedup = Math.round((extrapolatedMs / perCommit.ms) * 10) / 10;
    entry.speedupCpu = Math.round((extrapolatedCpuMs / perCommit.cpuMs) * 10) / 10;
  }
  process.stderr.write(`${JSON.stringify(entry)}\n`);
  return entry;
}

type Entry = Awaited<ReturnType<typeof run>>;
const everyCommitMs = (e: Entry) => (e.incrementalEveryCommit as { ms: number }).ms;

async function main(): Promise<void> {
  const load = loadavg()[0];
  const headline = await run({ commits: quick ? 1000 : 5000 }, true);
  const byCommits: Entry[] = [];
  const byDiff: Entry[] = [];
  if (!quick) {
    // One at a time: concurrent runs would measure each other.
    for (const commits of [1000, 2500]) byCommits.push(await run({ commits }, false));
    byCommits.push(headline);
    for (const filesPerCommit of [1, 5, 20]) byDiff.push(await run({ commits: 1000, filesPerCommit }, false));
  }
  const summary = {
    machine: { cpus: cpus().length, loadAverage1mAtStart: load, node: process.version },
    headline,
    scalingWithCommits: byCommits.map((e) => ({ commits: (e.spec as BenchRepoSpec).commits, everyCommitMs: everyCommitMs(e), dailyMs: (e.incrementalDaily as { ms: number }).ms })),
    scalingWithDiffSize: byDiff.map((e) => ({ filesPerCommit: (e.spec as BenchRepoSpec).filesPerCommit, everyCommitMs: everyCommitMs(e), blobsRead: (e.incrementalEveryCommit as { blobsRead: number }).blobsRead })),
    targets: { speedupAtLeast: 50, fiveThousandCommitsUnderMs: 5000 },
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
