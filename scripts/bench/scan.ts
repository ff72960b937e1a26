/**
 * Benchmark (issues 4, 21): `migratrack scan` as a user runs it — one cold `node bin/migratrack.mjs
 * scan --no-backfill` process, run from compiled/ as installed (cold.ts's installedCli), over a generated 50,000-file git repository — against the anchor a
 * person would run by hand: the doc's own metric pipelines with `grep -r` swapped for `git grep`,
 * run by bash, also as one cold process. Paired runs (cold.ts); the values of every metric are
 * checked equal between the two before anything is reported.
 *
 *   npx tsx scripts/bench/scan.ts [pairs]        # default 5 pairs
 *   BENCH_SCAN_FILES=5000 npx tsx scripts/bench/scan.ts 3   # a smaller tree, for a quick look
 *
 * Prints `{ name, files, ours_ms, anchor_ms, ratio, peak_rss_mib, values, … }`. The repo is cached
 * under .cache/bench/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom as rng } from '../../tests/helpers/seeded-random.js';
import { installedCli, pairedRuns, rounded, type Command, type ProcessRun } from './cold.js';
import { anchorScript, type DocMetric } from './git-grep-anchor.js';

const MAIN = fileURLToPath(new URL('../../', import.meta.url));
const FILES = Number(process.env.BENCH_SCAN_FILES ?? 50_000);
const ROOT = path.join(MAIN, `.cache/bench/scan-${FILES === 50_000 ? '50k' : FILES}`);
const DOC_PATH = 'docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md';
const MARKER = path.join(ROOT, '.git', 'migratrack-bench-v1');
/** The command as an installed user runs it: compiled JavaScript, no tsx. */
const CLI = installedCli();

const TOP = [['data_processors', 0.4], ['orchestration', 0.1], ['scrapers', 0.24], ['backfill_jobs', 0.1], ['shared', 0.06], ['tests', 0.06], ['tools', 0.04]] as const;

function fileContent(r: () => number, top: string): string {
  const lines: string[] = ['import os', 'import logging', ''];
  if (r() < 0.05) lines.push('from shared.clients.http_pool import get_http_session');
  for (let f = 0; f < 6; f++) {
    lines.push(`def handler_${f}(event, context):`, '    """Process one batch of records."""', `    rows = [x for x in range(${Math.floor(r() * 100)})]`);
    const k = r();
    if ((top === 'data_processors' || top === 'orchestration') && k < 0.012) lines.push('    client = bigquery.Client(project=PROJECT_ID)');
    else if ((top === 'data_processors' || top === 'orchestration') && k < 0.03) lines.push('    client = get_bigquery_client(project_id=PROJECT_ID)');
    else if ((top === 'scrapers' || top === 'backfill_jobs' || top === 'orchestration') && k < 0.02) lines.push(`    resp = requests.${r() < 0.5 ? 'get' : 'post'}(url, timeout=30)`);
    lines.push('    logging.info("processed %d rows", len(rows))', '    return {"status": "ok", "count": len(rows)}', '');
  }
  return lines.join('\n');
}

function generate(): void {
  if (fs.existsSync(MARKER)) return;
  fs.rmSync(ROOT, { recursive: true, force: true });
  const r = rng(4242);
  for (let i = 0; i < FILES; i++) {
    let x = r();
    let top: string = TOP[0][0];
    for (const [name, share] of TOP) {
      if ((x -= share) < 0) { top = name; break; }
      top = name;
    }
    const dir = path.join(ROOT, top, `pkg_${Math.floor(r() * 40)}`, `mod_${Math.floor(r() * 25)}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `file_${i}${r() < 0.9 ? '.py' : '.txt'}`), fileContent(r, top));
  }
  fs.mkdirSync(path.join(ROOT, path.dirname(DOC_PATH)), { recursive: true });
  fs.copyFileSync(path.join(MAIN, 'examples/JITTER-ADOPTION-TRACKING.md'), path.join(ROOT, DOC_PATH));
  const env = { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'bench']]) execFileSync('git', args, { cwd: ROOT, env, stdio: 'ignore' });
  fs.writeFileSync(MARKER, 'generated\n');
}

/** The doc metrics of one `scan --format json` run: what both sides are held to. */
function docMetrics(run: ProcessRun): DocMetric[] {
  const snapshot = JSON.parse(run.stdout) as { metrics: { id: string; command: string | null; value: number | null; source: string }[] };
  return snapshot.metrics.flatMap((m) => (m.source === 'doc' && m.command !== null ? [{ id: m.id, command: m.command, value: m.value }] : []));
}

function main(): void {
  const pairs = Math.max(1, Number(process.argv[2] ?? 5) || 5);
  const t0 = performance.now();
  generate();
  const genMs = performance.now() - t0;
  const scratch = fs.mkdtempSync(path.join(tmpdir(), 'mt-bench-scan-'));
  const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
  const ours: Command = {
    file: process.execPath,
    args: [CLI, 'scan', '--repo', ROOT, '--doc', DOC_PATH, '--no-backfill', '--format', 'json', '--history', path.join(scratch, 'history.json')],
    cwd: scratch,
    env,
  };
  // The anchor is built from what ours reports its doc's metrics to be, then held to ours' values.
  const metrics = docMetrics(pairedRunsProbe(ours));
  const { script, skipped } = anchorScript(metrics);
  const anchor: Command = { file: 'bash', args: ['-c', script], cwd: ROOT, env };
  const counted = metrics.filter((m) => !skipped.some((s) => s.id === m.id));
  const check = (a: ProcessRun, b: ProcessRun) => {
    const mine = new Map(docMetrics(a).map((m) => [m.id, m.value]));
    const theirs = b.stdout.trim().split('\n').map(Number);
    counted.forEach((m, i) => {
      if (mine.get(m.id) !== theirs[i]) throw new Error(`values differ for ${m.id} (${m.command}): migratrack ${mine.get(m.id)}, git grep ${theirs[i]}`);
    });
  };
  const load = loadavg()[0];
  const result = pairedRuns(ours, anchor, pairs, check);
  fs.rmSync(scratch, { recursive: true, force: true });
  const out = {
    name: `scan-cli-cold-${FILES}`,
    files: FILES,
    pairs: result.pairs,
    ours_ms: rounded(result.oursMs),
    anchor_ms: rounded(result.anchorMs),
    ratio: rounded(result.ratio, 2),
    ours_cpu_ms: rounded(result.oursCpuMs),
    anchor_cpu_ms: rounded(result.anchorCpuMs),
    cpu_ratio: rounded(result.cpuRatio, 2),
    ours_peak_rss_mib: Math.round(result.oursPeakRssMiB),
    anchor_peak_rss_mib: Math.round(result.anchorPeakRssMiB),
    values_checked_equal: counted.map((m) => ({ id: m.id, value: m.value })),
    not_in_anchor: skipped,
    load_average_1m_at_start: load,
    generate_ms: Math.round(genMs),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** One untimed run of ours, to learn the doc's metrics. */
function pairedRunsProbe(ours: Command): ProcessRun {
  const run = execFileSync(ours.file, ours.args, { cwd: ours.cwd, env: ours.env, encoding: 'utf8', maxBuffer: 512 << 20 });
  return { wallMs: 0, cpuMs: 0, peakRssMiB: 0, stdout: run };
}

main();
