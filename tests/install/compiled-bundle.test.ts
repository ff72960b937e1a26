/**
 * The split bundle `npm pack` ships (scripts/compile.mjs, issue 21): its entries sit at their
 * sources' paths, the doc stage and the doc-parse worker it bundles give the very model the
 * TypeScript sources give, a backfill run from it starts that worker by path (beside
 * history/docs-ahead, whose `import.meta.url` the bundle keeps per module), and a scan of a big
 * work tree starts its scan threads (scan/scan-worker.js beside scan/scan-threads).
 *
 * Compiles in a copy of the checkout (its node_modules linked), as from-tarball.test.ts packs:
 * a compiled/ in the checkout is what bin/migratrack.mjs would run while other tests run it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { makeTestRepo, type TestCommit } from '../helpers/git-repo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = readFileSync(path.join(ROOT, 'examples/JITTER-ADOPTION-TRACKING.md'));
const work = mkdtempSync(path.join(tmpdir(), 'migratrack-bundle-'));
const stage = path.join(work, 'migratrack');
const compiled = path.join(stage, 'compiled');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const skip = new Set(['node_modules', '.git', '.cache', 'dist', '.astro', 'compiled', '.tmp', 'coverage', 'tests']);
  cpSync(ROOT, stage, { recursive: true, filter: (src) => !(path.dirname(src) === ROOT && skip.has(path.basename(src))) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(stage, 'scripts/compile.mjs')], { cwd: stage, stdio: ['ignore', 'ignore', 'pipe'] });
}, 120_000);

describe('compiled/', () => {
  it('has the entries at their sources’ paths and the rest in a few chunks', () => {
    for (const entry of ['cli/main.js', 'index.js', 'index.d.ts', 'lib/doc/index.js', 'lib/history/doc-parse-worker.js', 'lib/scan/scan-worker.js', 'lib/cli/templates/migratrack.yml.tmpl']) {
      expect(existsSync(path.join(compiled, entry)), entry).toBe(true);
    }
    const scripts = readdirSync(compiled, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    // A few dozen for 340 modules: the commands' lazily loaded steps (cli/commands) add chunks of their own.
    expect(scripts.length).toBeLessThan(60);
    // No output still holds the placeholder of a module's own URL.
    expect(scripts.filter((file) => readFileSync(path.join(compiled, file), 'utf8').includes('__migratrack_compiled_root__'))).toEqual([]);
  });

  it('parses the seed doc as the sources do', async () => {
    const bundled = (await import(pathToFileURL(path.join(compiled, 'lib/doc/index.js')).href)) as { parseTrackingDoc: typeof parseTrackingDoc };
    expect(bundled.parseTrackingDoc(SEED, 'doc.md')).toEqual(parseTrackingDoc(SEED, 'doc.md'));
  });

  it('runs the doc-parse worker from its path', async () => {
    const worker = new Worker(path.join(compiled, 'lib/history/doc-parse-worker.js'), { workerData: { reading: {} } });
    try {
      const answer = await new Promise<{ id: number; doc?: unknown; error?: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, bytes: new Uint8Array(SEED), path: 'doc.md' });
      });
      expect(answer.error).toBeUndefined();
      expect(answer).toEqual({ id: 7, doc: parseTrackingDoc(SEED, 'doc.md') });
    } finally {
      await worker.terminate();
    }
  });

  it('starts that worker in a backfill of the CLI it bundles', async () => {
    const doc = (done: number) => ['# Bundle - File Tracking', '', '**Start Date:** January 5, 2026', '', '## Task 1: Pooling (8 files)', '',
      ...Array.from({ length: 8 }, (_, n) => [`### File ${n + 1}: m${n}.py`, `- **Path:** \`app/m${n}.py\``, `- **Status:** ${n < done ? '✅ Complete' : '⚪ Not Started'}`, ''].join('\n'))].join('\n');
    const commits: TestCommit[] = Array.from({ length: 8 }, (_, n) => ({ date: `2026-01-${String(5 + n).padStart(2, '0')}`, message: `step ${n}`, files: { 'TRACKING.md': doc(n + 1), [`app/m${n}.py`]: 'x = 1\n' } }));
    const { root } = await makeTestRepo(path.join(work, 'repo'), commits);
    const run = scanMarkingThreads(root, ['--history', path.join(work, 'history.json')]);
    expect((JSON.parse(run.stdout) as { totals: { declaredDone: number } }).totals.declaredDone).toBe(8);
    expect(run.threads).toBe(1);
  }, 120_000);

  it.skipIf(availableParallelism() < 2)('starts its scan threads on a work tree of 4,000 files or more', async () => {
    const files: Record<string, string> = { 'TRACKING.md': '# Big\n\n- [ ] `src/f0.py`\n- [x] `src/f1.py`\n' };
    for (let n = 0; n < 4_500; n++) files[`src/f${n}.py`] = n % 3 === 0 ? 'import old_client\n' : 'x = 1\n';
    const { root } = await makeTestRepo(path.join(work, 'big'), [{ date: '2026-01-05', message: 'all', files }]);
    writeFileSync(path.join(root, 'migratrack.config.json'), JSON.stringify({ metrics: [{ id: 'old', name: 'old imports', pattern: 'import old_client', flavour: 'fixed', paths: ['src'] }] }));
    const run = scanMarkingThreads(root, ['--no-backfill']);
    expect(run.threads).toBeGreaterThanOrEqual(1);
    const git = spawnSync('git', ['grep', '-n', '-F', 'import old_client', '--', 'src'], { cwd: root, encoding: 'utf8' });
    const metric = (JSON.parse(run.stdout) as { metrics: { id: string; value: number }[] }).metrics.find((m) => m.id === 'old');
    expect(metric?.value).toBe(git.stdout.trim().split('\n').length);
  }, 120_000);

  it('answers --version and --help without loading the doc stage, the scan, the config, the pipeline or zod', () => {
    // What each stage defines, so a loaded file holding it means the stage was loaded.
    const STAGES = ['function parseTrackingDoc(', 'function evaluatePipeline(', 'function loadConfig(', 'function buildSnapshot(', 'function planSync(', 'ZodError'];
    const stagesLoaded = (args: string[]) => {
      const { loaded, stdout } = modulesLoadedBy(['bin/migratrack.mjs', ...args]);
      const text = loaded.map((file) => readFileSync(file, 'utf8')).join('\n');
      return { stdout, stages: STAGES.filter((marker) => text.includes(marker)) };
    };
    expect(stagesLoaded(['--version'])).toEqual({ stdout: `migratrack ${JSON.parse(readFileSync(path.join(stage, 'package.json'), 'utf8')).version}\n`, stages: [] });
    for (const args of [['--help'], ['scan', '--help'], ['sync', '--help']]) {
      const run = stagesLoaded(args);
      expect(run.stdout).toContain('Usage');
      expect(run.stages, args.join(' ')).toEqual([]);
    }
    // The stages are loaded when a command needs them.
    expect(stagesLoaded(['explain', '--repo', stage, '--doc', 'examples/JITTER-ADOPTION-TRACKING.md']).stages).toEqual(['function parseTrackingDoc(', 'function loadConfig(', 'ZodError']);
  }, 60_000);
});

/** The files of compiled/ a run of the compiled CLI (`args[0]` its script, relative to the checkout) loaded. */
function modulesLoadedBy(args: string[]): { loaded: string[]; stdout: string } {
  const log = path.join(work, `loaded-${args.join('-').replace(/[^\w-]+/g, '_')}.txt`);
  const hooks = path.join(work, 'load-hooks.mjs');
  writeFileSync(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.MT_LOADED, `${url}\\n`);\n  return next(url, context);\n}\n");
  const register = path.join(work, 'load-register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(stage, args[0]!), ...args.slice(1)], { cwd: stage, encoding: 'utf8', env: { ...process.env, MT_LOADED: log, NO_COLOR: '1' }, timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:'));
  return { loaded: urls.map((url) => fileURLToPath(url)).filter((file) => file.startsWith(compiled)), stdout: run.stdout };
}

/** `migratrack scan` from the compiled CLI, counting the worker threads it started. */
function scanMarkingThreads(root: string, extra: string[]): { stdout: string; threads: number } {
  const marks = path.join(work, `threads-${path.basename(root)}.txt`);
  // Loaded by every thread of the process (workers inherit execArgv): each worker leaves a line.
  const marker = path.join(work, 'mark.mjs');
  writeFileSync(marker, "import { isMainThread } from 'node:worker_threads';\nimport { appendFileSync } from 'node:fs';\nif (!isMainThread) appendFileSync(process.env.MT_THREAD_MARKS, 'worker\\n');\n");
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(marker).href, path.join(stage, 'bin/migratrack.mjs'), 'scan', '--repo', root, '--doc', 'TRACKING.md', ...extra, '--format', 'json'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, MT_THREAD_MARKS: marks, NO_COLOR: '1' }, timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, threads: existsSync(marks) ? readFileSync(marks, 'utf8').split('\n').filter(Boolean).length : 0 };
}
