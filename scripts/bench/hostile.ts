/**
 * Benchmark: time and memory of `migratrack scan` on the huge hostile inputs of issue 8 (a 50 MB
 * doc, a 10,000-item doc, a 200 MB file in the repo, a 1,000-level nested list, a catastrophic
 * regex over a 50 KB line; issue 20's one line of 10,000 nested list markers; issue 17's 1,000 lines of 31). Each case runs as its own process under `/usr/bin/time -v` and is
 * killed after --timeout seconds. Prints one JSON array:
 * `[{ "case", "exitCode", "wallMs", "cpuMs", "peakRssMb", "timedOut" }]`.
 * Usage: tsx scripts/bench/hostile.ts [--timeout 120] [--only name]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/migratrack.mjs');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const TIMEOUT_S = Number(arg('timeout') ?? 120);
const ONLY = arg('only');

const ENV = { ...process.env, GIT_AUTHOR_DATE: '2026-01-19T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-19T12:00:00Z', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b.invalid', NO_COLOR: '1', CI: 'true' };
const git = (cwd: string, ...args: string[]): void => void execFileSync('git', args, { cwd, env: ENV, stdio: 'ignore' });

function doc(items: number, commands: string[] = [], extra = ''): string {
  const out = ['# Bench', '', `## Task 1: Things (${items} files)`, ''];
  for (let i = 0; i < items; i++) out.push(`### File ${i + 1}: m${i}.py`, `- **Path:** \`src/m${i}.py\``, '- **Status:** ⚪ Not Started', '');
  out.push('```bash', '# Count calls', ...(commands.length ? commands : ['grep -r "bigquery\\.Client(" src/ | wc -l']), '```', '');
  return out.join('\n') + extra;
}

/** Each case prepares `repo` (a git repo with TRACKING.md) and returns the doc to scan. */
const CASES: Record<string, (repo: string) => string> = {
  'doc-50mb': (repo) => {
    writeFileSync(path.join(repo, 'BIG.md'), Buffer.alloc(50 * 1024 * 1024, doc(3)));
    return 'BIG.md';
  },
  'doc-10000-items': (repo) => {
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(10_000));
    return 'TRACKING.md';
  },
  'file-200mb-sparse': (repo) => {
    execFileSync('truncate', ['-s', '200M', path.join(repo, 'src/huge.log')]);
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(1));
    return 'TRACKING.md';
  },
  'nested-list-1000': (repo) => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(1, [], `\n## Appendix\n\n${nested}\n`));
    return 'TRACKING.md';
  },
  // Issue 20: one 20 KB line of 10,000 nested list markers took 103 s, then lost the whole doc.
  'one-line-10000-markers': (repo) => {
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(1, [], `\n## Notes\n\n${'- '.repeat(10_000)}deep\n`));
    return 'TRACKING.md';
  },
  // Issue 17: 1,000 list lines of 31 markers each (just under the nesting guard's 32) took 13 s in remark.
  'list-1000-lines-31-markers': (repo) => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${'- '.repeat(31)}✅ \`src/m${i}.py\``);
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(1, [], `\n## Appendix\n\n${lines.join('\n')}\n`));
    return 'TRACKING.md';
  },
  'catastrophic-regex': (repo) => {
    writeFileSync(path.join(repo, 'src/long.txt'), `${'a'.repeat(50_000)}c\n`.repeat(20));
    writeFileSync(path.join(repo, 'TRACKING.md'), doc(1, ['grep -rE "(a*)*b" src/ | wc -l', "grep -r '\\(a*\\)*\\1b' src/ | wc -l"]));
    return 'TRACKING.md';
  },
};

interface Figure { case: string; exitCode: number | null; wallMs: number; cpuMs: number | null; peakRssMb: number | null; timedOut: boolean }

function measure(name: string, prepare: (repo: string) => string): Figure {
  const dir = mkdtempSync(path.join(tmpdir(), 'mt-bench-hostile-'));
  try {
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'src'), { recursive: true });
    writeFileSync(path.join(repo, 'src/a.py'), 'bigquery.Client(\n');
    const docPath = prepare(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bench');
    const started = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'scan', '--format', 'json', '--no-backfill', '--repo', repo, '--doc', docPath], { cwd: dir, env: ENV, encoding: 'utf8', timeout: TIMEOUT_S * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 30 });
    const wallMs = Math.round(performance.now() - started);
    const field = (label: string): number | null => {
      const m = new RegExp(`${label}: ([\\d.:]+)`).exec(r.stderr ?? '');
      return m?.[1] === undefined ? null : Number(m[1]);
    };
    const user = field('User time \\(seconds\\)');
    const sys = field('System time \\(seconds\\)');
    const rssKb = field('Maximum resident set size \\(kbytes\\)');
    const timedOut = r.signal === 'SIGKILL';
    // /usr/bin/time exits with the child's status.
    return { case: name, exitCode: timedOut ? null : r.status, wallMs, cpuMs: user === null || sys === null ? null : Math.round((user + sys) * 1000), peakRssMb: rssKb === null ? null : Math.round(rssKb / 1024), timedOut };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = Object.entries(CASES)
  .filter(([name]) => ONLY === undefined || name === ONLY)
  .map(([name, prepare]) => measure(name, prepare));
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
