/**
 * Benchmark (issue 4): scan the seed doc's metric commands over a generated 50,000-file git repo,
 * all pipelines in one pass, against `git grep` for the same patterns and paths.
 * Prints `{ name, ours_ms, gitgrep_ms, ratio, files, … }`. Node's start-up is excluded from
 * `ours_ms` and reported as `node_startup_ms`. The repo is cached under .cache/bench/.
 *   npx tsx scripts/bench/scan.ts [runs]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePipelines, gitTree, parseGrepCommand, type GrepPipeline } from '../../src/lib/scan/index.js';
import { seededRandom as rng } from '../../tests/helpers/seeded-random.js';

const MAIN = fileURLToPath(new URL('../../', import.meta.url));
const ROOT = path.join(MAIN, '.cache/bench/scan-50k');
const DOC_PATH = 'docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md';
const FILES = 50_000;
const MARKER = path.join(ROOT, '.git', 'migratrack-bench-v1');

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

/** The same first-stage search as a git grep command line (pathspec globs stand for --include). */
function gitGrepArgs(p: GrepPipeline): string[] {
  const g = p.grep;
  const args = ['grep', '-c'];
  if (g.spec.flavour === 'extended') args.push('-E');
  if (g.spec.flavour === 'fixed') args.push('-F');
  if (g.spec.ignoreCase) args.push('-i');
  if (g.spec.wordRegexp) args.push('-w');
  if (g.spec.invert) args.push('-v');
  args.push('-e', g.spec.pattern, '--');
  const includes = g.globs.filter((x) => x.kind === 'include').map((x) => x.glob);
  for (const op of g.operands) {
    const base = op.text.replace(/\/+$/, '');
    if (g.recursive !== 'none' && includes.length > 0) for (const inc of includes) args.push(`:(glob)${base}/**/${inc}`);
    else args.push(base);
  }
  return args;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 5) || 5);
  const t0 = performance.now();
  generate();
  const genMs = performance.now() - t0;
  const doc = fs.readFileSync(path.join(MAIN, 'examples/JITTER-ADOPTION-TRACKING.md'), 'utf8');
  const commands = doc.split('\n').filter((l) => l.startsWith('grep '));
  const pipelines = commands.map((c) => parseGrepCommand(c)).flatMap((r) => (r.ok ? [r.pipeline] : []));
  const ours: number[] = [];
  let files = 0;
  let values: number[] = [];
  for (let k = 0; k < runs + 1; k++) {
    const start = performance.now();
    const tree = await gitTree(ROOT);
    const results = await evaluatePipelines(pipelines, tree, { context: 2 });
    tree.close?.();
    ours.push(performance.now() - start);
    files = tree.paths.length;
    values = results.map((r) => r.value);
  }
  const cold = ours.shift() ?? 0;
  const git: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    for (const p of pipelines) spawnSync('git', gitGrepArgs(p), { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    git.push(performance.now() - start);
  }
  const s0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeStartup = performance.now() - s0;
  const oursMs = median(ours);
  const gitMs = median(git);
  const out = {
    name: 'scan-doc-metrics-50k',
    ours_ms: Math.round(oursMs),
    gitgrep_ms: Math.round(gitMs),
    ratio: Number((oursMs / gitMs).toFixed(2)),
    files,
    metrics: pipelines.length,
    values,
    ours_first_run_ms: Math.round(cold),
    node_startup_ms: Math.round(nodeStartup),
    generate_ms: Math.round(genMs),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
