/**
 * migratrack as a user meets it (issue 23): `npm pack` of this checkout, installed with npm
 * outside it, on a Python repository without package.json, running the README's "Use it on your
 * repository" commands as written, then the site served by `migratrack preview`.
 *
 * The pack runs in a copy of the checkout (its node_modules linked): packing compiles into
 * compiled/, which bin/migratrack.mjs would pick up in the checkout while other tests run it.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACK_BUDGET as BUDGET } from '../../scripts/pack-budget.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TARBALL = `migratrack-${VERSION}.tgz`;

const work = mkdtempSync(path.join(tmpdir(), 'migratrack-install-'));
const prefix = path.join(work, 'prefix');
const repo = path.join(work, 'your-repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The README's commands for a user's repository, in order, without their comments. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Use it on your repository'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/** npm and git as a user has them, with the global prefix in this test's folder. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(NODE_ENV|VITEST.*|npm_.*|MIGRATRACK_.*)$/i.test(key))),
  npm_config_prefix: prefix,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_prefer_offline: 'true',
  NO_COLOR: '1',
  PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
};

function packCheckout(): { file: string; files: string[]; size: number } {
  const stage = path.join(work, 'migratrack');
  const skip = new Set(['node_modules', '.git', '.cache', 'dist', '.astro', 'compiled', '.tmp', 'coverage']);
  cpSync(ROOT, stage, { recursive: true, filter: (src) => !(path.dirname(src) === ROOT && skip.has(path.basename(src))) && !src.endsWith('.tgz') });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  const out = execFileSync('npm', ['pack', '--json'], { cwd: stage, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; size: number; files: { path: string }[] }[];
  return { file: path.join(stage, info!.filename), files: info!.files.map((f) => f.path), size: info!.size };
}

function pythonRepo(): void {
  const files: Record<string, string> = {
    'app/alpha.py': 'from google.cloud import bigquery\n\n\ndef load():\n    client = bigquery.Client(project="p")\n    return client.query("select 1")\n',
    'app/beta.py': 'from shared.pool import get_bigquery_client\n\n\ndef load():\n    return get_bigquery_client().query("select 2")\n',
    'requirements.txt': 'google-cloud-bigquery==3.25.0\n',
    'docs/MIGRATION.md': [
      '# BigQuery Pooling - File Tracking',
      '',
      '**Start Date:** 2026-01-19',
      '**Progress:** 1/2 files',
      '',
      '## Task 1.1: Pool the BigQuery clients (2 files)',
      '',
      '**Command to find:**',
      '```bash',
      'grep -rn "bigquery.Client(" --include="*.py" app/ | wc -l',
      '```',
      '',
      '### File 1: `app/alpha.py`',
      '- **Path:** `app/alpha.py`',
      '- **Status:** ⚪ Not started',
      '',
      '### File 2: `app/beta.py`',
      '- **Path:** `app/beta.py`',
      '- **Status:** ✅ Done',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    writeFileSync(path.join(repo, name), text);
  }
  git('init', '-q', '-b', 'main');
  commit('2026-01-19T10:00:00Z', 'start the migration');
}

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', ...args], { cwd: repo, env, encoding: 'utf8' });
}

function commit(date: string, message: string): void {
  git('add', '-A');
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', 'commit', '-q', '-m', message], {
    cwd: repo,
    env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

function migratrack(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(path.join(prefix, 'bin', 'migratrack'), args, { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let pack: ReturnType<typeof packCheckout>;
let script: { code: number | null; output: string };

beforeAll(() => {
  pack = packCheckout();
  // The user's side: a repository beside a folder holding the tarball (README: `npm pack` there).
  mkdirSync(path.join(work, 'migratrack-release'));
  cpSync(pack.file, path.join(work, 'migratrack-release', TARBALL));
  pythonRepo();
  // The README's commands, as written, but the preview (a server: run below, on a free port).
  const commands = readmeCommands().filter((line) => !line.startsWith('migratrack preview'));
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', commands.join('\n')], { cwd: work, env, encoding: 'utf8', timeout: 240_000 });
  script = { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 300_000);

describe('the packed tarball', () => {
  it('holds compiled JavaScript and the site’s sources, no tests, fixtures, bench, screenshots or CI', () => {
    expect(pack.files).toContain('compiled/cli/main.js');
    expect(pack.files).toContain('compiled/lib/cli/templates/migratrack.yml.tmpl');
    // The public entry's types, for `import { defineConfig } from 'migratrack'`.
    expect(pack.files).toContain('compiled/index.d.ts');
    expect(pack.files).toContain('astro.config.mjs');
    expect(pack.files).toContain('src/pages/index.astro');
    expect(pack.files.filter((f) => /^(tests|scripts|\.ci|\.github|\.cache)\/|\.(png|jpe?g|test\.ts)$/.test(f))).toEqual([]);
    // The CLI runs from compiled/: its TypeScript is not shipped twice.
    expect(pack.files.filter((f) => f.startsWith('src/cli/') || f.startsWith('src/lib/cli/'))).toEqual([]);
  });

  it(`stays within its budget (${BUDGET.bytes / 1000} kB, ${BUDGET.files} files)`, () => {
    expect(pack.size).toBeLessThan(BUDGET.bytes);
    expect(pack.files.length).toBeLessThan(BUDGET.files);
  });
});

describe('the README’s "Use it on your repository", on a Python repository without package.json', () => {
  it('runs every command to success', () => {
    expect(existsSync(path.join(repo, 'package.json'))).toBe(false);
    expect(script.code, script.output).toBe(0);
    expect(script.output).toMatch(/✔ Site written to dist\/ \(\d+ pages\)\. Preview it with `migratrack preview`\./);
    expect(script.output).toContain('Check passed.');
  });

  it('installed migratrack globally, where the workflow that init wrote installs it from', () => {
    const installLine = readmeCommands().find((line) => line.startsWith('npm install --global'));
    const workflow = parse(readFileSync(path.join(repo, '.github/workflows/migratrack.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; run?: string }[] }> };
    for (const job of ['build', 'check']) {
      const step = workflow.jobs[job]!.steps.find((s) => s.name === 'Install migratrack');
      expect(step?.run?.replace(' --no-audit --no-fund', ''), job).toBe(installLine);
    }
    expect(existsSync(path.join(prefix, 'lib/node_modules/migratrack/compiled/cli/main.js'))).toBe(true);
  });

  it('built the user’s site: their doc’s files, none of the demo’s notes, no absolute local path', () => {
    const dist = path.join(repo, 'dist');
    expect(existsSync(path.join(dist, 'files/app/alpha.py/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'notes'))).toBe(false);
    const dashboard = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(dashboard).not.toContain('How to migrate a processor');
    const published = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    const leaking = published.filter((file) => readFileSync(file, 'utf8').includes(work));
    expect(leaking).toEqual([]);
    expect((JSON.parse(readFileSync(path.join(dist, 'api/snapshot.json'), 'utf8')) as { repo: { root: string } }).repo.root).toBe('your-repo');
  });

  it('left nothing untracked that migratrack wrote (init added the ignore entries)', () => {
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toContain('/.migratrack/\n/dist/\n');
    const untracked = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(untracked).toEqual(['.github/workflows/migratrack.yml', '.gitignore', 'migratrack.config.mjs', `vendor/${TARBALL}`]);
  });

  it('fails the check when a call comes back, naming the file and line', () => {
    commit('2026-01-20T09:00:00Z', 'set up migratrack');
    writeFileSync(path.join(repo, 'app/beta.py'), 'from google.cloud import bigquery\n\n\ndef load():\n    return bigquery.Client().query("select 2")\n');
    commit('2026-01-20T10:00:00Z', 'oops');
    const result = migratrack(['check']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('rose 1 → 2');
    expect(result.stdout).toContain('app/beta.py:5  return bigquery.Client().query("select 2")');
  });

  it('runs the pull request job’s scripts as written: the ratchet against the history and the base commit, then one comment', () => {
    const workflow = parse(readFileSync(path.join(repo, '.github/workflows/migratrack.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; run?: string }[] }> };
    const base = git('rev-parse', 'HEAD~1').trim();
    const script = (job: string, name: RegExp) => workflow.jobs[job]!.steps.find((s) => s.name !== undefined && name.test(s.name))!.run!.replaceAll('${{ github.event.pull_request.base.sha }}', base);
    const runner = path.join(work, 'runner');
    mkdirSync(runner);
    const ciEnv: NodeJS.ProcessEnv = { ...env, RUNNER_TEMP: runner, HISTORY_FILE: '.migratrack/history.json', GITHUB_REPOSITORY: 'acme/your-repo', PR: '7' };
    const bash = (text: string, extra: NodeJS.ProcessEnv = {}) => spawnSync('bash', ['-e', '-c', text], { cwd: repo, env: { ...ciEnv, ...extra }, encoding: 'utf8', timeout: 120_000 });
    expect(bash(script('check', /^Record the base branch/)).status).toBe(0);
    const ratchet = bash(script('check', /^Run migratrack check$/));
    expect(ratchet.status, ratchet.stderr).toBe(1);
    const report = readFileSync(path.join(runner, 'comment/check.txt'), 'utf8');
    // Against the base commit, file by file: only the file that rose, with its new line.
    const againstBase = report.slice(report.indexOf('Against the base branch'));
    expect(againstBase).toContain(`Against the base branch (${base}):`);
    expect(againstBase).toMatch(/app\/beta\.py 0 → 1\n\s+app\/beta\.py:5  return bigquery\.Client\(\)\.query\("select 2"\)/);
    expect(againstBase).not.toContain('app/alpha.py');
    expect(readFileSync(path.join(runner, 'comment/scan.md'), 'utf8')).toMatch(/^## BigQuery Pooling - File Tracking/);

    // The comment job, with a stand-in for gh that records what it was asked.
    const bin = path.join(work, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'gh'), '#!/bin/bash\necho "$*" >> "$GH_LOG"\nfor a in "$@"; do case "$a" in body=@*) cp "${a#body=@}" "$GH_LOG.body";; esac; done\nif [ "$2" = --paginate ] && [ -n "$EXISTING" ]; then echo "$EXISTING"; fi\n', { mode: 0o755 });
    const comment = script('comment', /^Post or update/);
    const log = path.join(work, 'gh.log');
    const post = (existing: string) => {
      rmSync(log, { force: true });
      const r = bash(comment, { PATH: `${bin}${path.delimiter}${ciEnv.PATH ?? ""}`, GH_LOG: log, EXISTING: existing });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8').trim().split('\n');
    };
    const first = post('');
    expect(first[0]).toMatch(/^api --paginate repos\/acme\/your-repo\/issues\/7\/comments --jq .*startswith\("<!-- migratrack-pr-comment -->"\)/);
    expect(first[1]).toBe(`api --method POST repos/acme/your-repo/issues/7/comments -F body=@${runner}/comment/body.md`);
    const body = readFileSync(`${log}.body`, 'utf8');
    expect(body.startsWith('<!-- migratrack-pr-comment -->\n❌ The migratrack check failed')).toBe(true);
    expect(body).toContain(againstBase.trim());
    expect(body).toContain('## BigQuery Pooling - File Tracking');
    expect(post('4242')[1]).toBe(`api --method PATCH repos/acme/your-repo/issues/comments/4242 -F body=@${runner}/comment/body.md`);
  });

  it('serves the site with `migratrack preview`: pages, assets and the 404 page', async () => {
    const child = spawn(path.join(prefix, 'bin', 'migratrack'), ['preview', '--port', '0'], { cwd: repo, env });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(out);
          if (found) done(found[1]!);
        });
        child.on('close', (code) => fail(new Error(`preview exited ${code}: ${out}`)));
      });
      const page = await fetch(`${url}files/app/alpha.py/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('app/alpha.py');
      const css = /href="\/(_astro\/site\.[\w-]+\.css)"/.exec(await (await fetch(url)).text())?.[1];
      expect((await fetch(`${url}${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      const missing = await fetch(`${url}files/app/gone.py/`);
      expect(missing.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
