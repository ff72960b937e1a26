/**
 * Benchmark (issues 5, 21): the history backfill as a user pays it — one cold `migratrack check
 * --update` process (the pipeline without the site: it backfills and writes the history file) that
 * walks 5,000 commits and keeps a record per commit (`history.perCommit`), from an empty history
 * file — against the naive method a person would script: the doc's metric
 * pipelines run with `git grep <commit>` at every commit, by bash. The naive side runs on an evenly
 * spaced sample of commits and is extrapolated; at each sampled commit its counts must equal the
 * record migratrack wrote for that commit, or the bench fails.
 *
 *   npx tsx scripts/bench/backfill.ts [pairs] [--quick]     # default 5 pairs; --quick: 1,000 commits
 *
 * Repos are generated once, deterministically, under .cache/bench/ (tests/history/fixtures/bench-repo.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_DOC, ensureBenchRepo } from '../../tests/history/fixtures/bench-repo.js';
import { installedCli, runCold, rounded, spread, type Command } from './cold.js';
import { perCommitScript } from './git-grep-anchor.js';

const MAIN = resolve(import.meta.dirname, '../..');
const CACHE = join(MAIN, '.cache/bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const pairs = Math.max(1, Number(args.find((a) => /^\d+$/.test(a)) ?? 5));
const COMMITS = quick ? 1000 : 5000;
/** Commits the naive method is run on, evenly spaced: enough for a steady mean per commit. */
const NAIVE_SAMPLE = quick ? 20 : 40;
/** The command as an installed user runs it: compiled JavaScript, no tsx. */
const CLI = installedCli();

interface StoredRecord { commit: string | null; metrics: Record<string, number | null> }

async function main(): Promise<void> {
  const root = await ensureBenchRepo(CACHE, { commits: COMMITS });
  const scratch = mkdtempSync(join(tmpdir(), 'mt-bench-backfill-'));
  const history = join(scratch, 'history.json');
  const config = join(scratch, 'migratrack.config.json');
  writeFileSync(config, JSON.stringify({ repo: root, doc: BENCH_DOC, history: { perCommit: true } }));
  const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
  const ours: Command = {
    file: process.execPath,
    args: [CLI, 'check', '--update', '--config', config, '--history', history],
    cwd: scratch,
    env,
    reset: () => rmSync(history, { force: true }),
  };
  const shas = execFileSync('git', ['rev-list', '--first-parent', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const sample = Array.from({ length: NAIVE_SAMPLE }, (_, i) => shas[Math.floor((i * shas.length) / NAIVE_SAMPLE)]!);

  const load = loadavg()[0];
  const oursMs: number[] = [];
  const oursCpuMs: number[] = [];
  const naiveMsPerCommit: number[] = [];
  const naiveCpuMsPerCommit: number[] = [];
  let peak = 0;
  let records = 0;
  const metrics = metricsOf(root);
  const naive: Command = { file: 'bash', args: ['-c', perCommitScript(metrics, sample)], cwd: root, env };
  // Pair 0 is an untimed warm-up of both sides; after it, the side that goes first alternates.
  for (let k = 0; k <= pairs; k++) {
    const [oursRun, naiveRun] = k % 2 === 0 ? [runCold(ours), runCold(naive)] : reversed(runCold(naive), runCold(ours));
    const stored = readHistory(history);
    checkEqual(stored, naiveRun.stdout, metrics, sample);
    records = stored.length;
    if (k === 0) continue;
    oursMs.push(oursRun.wallMs);
    oursCpuMs.push(oursRun.cpuMs);
    naiveMsPerCommit.push(naiveRun.wallMs / sample.length);
    naiveCpuMsPerCommit.push(naiveRun.cpuMs / sample.length);
    peak = Math.max(peak, oursRun.peakRssMiB);
  }
  rmSync(scratch, { recursive: true, force: true });
  const perCommit = spread(naiveMsPerCommit);
  const naiveTotal = perCommit.median * shas.length;
  const out = {
    name: `backfill-cli-cold-${COMMITS}`,
    commits: shas.length,
    records,
    pairs,
    ours_ms: rounded(spread(oursMs)),
    ours_cpu_ms: rounded(spread(oursCpuMs)),
    ours_peak_rss_mib: Math.round(peak),
    naive_git_grep_ms_per_commit: rounded(perCommit, 1),
    naive_git_grep_cpu_ms_per_commit: rounded(spread(naiveCpuMsPerCommit), 1),
    naive_git_grep_sampled_commits: sample.length,
    naive_git_grep_extrapolated_ms: Math.round(naiveTotal),
    speedup: Math.round((naiveTotal / spread(oursMs).median) * 10) / 10,
    cpu_speedup: Math.round(((spread(naiveCpuMsPerCommit).median * shas.length) / spread(oursCpuMs).median) * 10) / 10,
    load_average_1m_at_start: load,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function reversed<T>(naiveRun: T, oursRun: T): [T, T] {
  return [oursRun, naiveRun];
}

/** The doc's metric commands at HEAD, by id, from one quick `--no-backfill` scan. */
function metricsOf(root: string): { id: string; command: string }[] {
  const scratch = mkdtempSync(join(tmpdir(), 'mt-bench-metrics-'));
  try {
    const json = execFileSync(process.execPath, [CLI, 'scan', '--repo', root, '--doc', BENCH_DOC,
      '--no-backfill', '--format', 'json', '--history', join(scratch, 'h.json')], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, CI: 'true' } });
    const snapshot = JSON.parse(json) as { metrics: { id: string; command: string | null; source: string }[] };
    return snapshot.metrics.flatMap((m) => (m.source === 'doc' && m.command !== null ? [{ id: m.id, command: m.command }] : []));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readHistory(file: string): StoredRecord[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { records: StoredRecord[] };
  return parsed.records;
}

/** The naive script prints `<sha> <count> <count> …` per sampled commit. */
function checkEqual(records: StoredRecord[], naive: string, metrics: { id: string }[], sample: string[]): void {
  const byCommit = new Map(records.map((r) => [r.commit, r.metrics]));
  const lines = naive.trim().split('\n');
  if (lines.length !== sample.length) throw new Error(`naive script printed ${lines.length} lines for ${sample.length} commits`);
  for (const line of lines) {
    const [sha, ...counts] = line.split(' ');
    const mine = byCommit.get(sha!);
    if (mine === undefined) throw new Error(`no history record for sampled commit ${sha}`);
    metrics.forEach((m, i) => {
      if (mine[m.id] !== Number(counts[i])) throw new Error(`${sha!.slice(0, 12)} ${m.id}: migratrack ${mine[m.id]}, git grep ${counts[i]}`);
    });
  }
}

await main();
