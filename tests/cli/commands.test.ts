/**
 * build / scan / dev in-process with a fake pipeline: exit codes, what goes to stdout vs stderr,
 * --quiet / --verbose, colours, and the error classes (user error → 2, bug → 3).
 */
import { describe, expect, it } from 'vitest';
import type { PipelineDeps } from '../../src/lib/cli/index.js';
import { MigratrackError } from '../../src/lib/errors.js';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { grepPipeline } from './grep-pipeline.js';
import { gitRepo, run, tempDir, writeFiles, type FakeCalls } from './helpers.js';

/** A target repo with a config counting `bigquery.Client(`, and a fake pipeline over it. */
function target(): { cwd: string; deps: PipelineDeps; calls: FakeCalls } {
  const cwd = tempDir();
  gitRepo(cwd, { 'docs/T.md': '# T\n', 'src/a.py': 'c = bigquery.Client()\n', 'src/b.py': 'ok = 1\n' });
  writeFiles(cwd, { 'migratrack.config.json': JSON.stringify({ doc: 'docs/T.md', metrics: [{ id: 'bq', name: 'BigQuery clients', pattern: 'bigquery.Client(', flavour: 'fixed', paths: ['src'] }] }) });
  const calls: FakeCalls = { build: [], render: [], dev: [] };
  return { cwd, calls, deps: grepPipeline({ 'file-1': ['src/a.py', 'not-started'], 'file-2': ['src/b.py', 'done'] }, calls) };
}

describe('build', () => {
  it('runs snapshot then site, logs on stderr, exits 0', async () => {
    const { cwd, deps, calls } = target();
    const result = await run(['build'], { cwd, deps });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('1/2 declared done, 1/2 verified in the code; 0 history records\n✔ Site written to dist/ (3 pages). Preview it with `npm run preview`.\n');
    expect(calls.build[0]).toMatchObject({ repo: cwd, doc: 'docs/T.md', dryRun: false, demo: false });
    expect(calls.render).toHaveLength(1);
  });

  it('is silent with --quiet and prints the resolved options with --verbose', async () => {
    const { cwd, deps } = target();
    expect((await run(['build', '-q'], { cwd, deps })).stderr).toBe('');
    const verbose = await run(['build', '--verbose', '--out', 'public'], { cwd, deps });
    expect(verbose.stderr).toContain('Resolved options:\n{');
    expect(verbose.stderr).toContain(`"outDir": "${cwd}/public"`);
    expect((await run(['build', '-q', '--verbose'], { cwd, deps })).code).toBe(2);
  });

  it('passes --no-backfill, --since and --base through', async () => {
    const { cwd, deps, calls } = target();
    await run(['build', '--no-backfill', '--since', '2026-01-20', '--base', 'proj'], { cwd, deps });
    expect(calls.build[0]?.history).toMatchObject({ backfill: false, backfillSince: '2026-01-20' });
    expect(calls.build[0]?.base).toBe('/proj/');
  });

  it('builds the demo when there is no target and no config', async () => {
    const cwd = tempDir();
    const calls: FakeCalls = { build: [], render: [], dev: [] };
    await run(['build'], { cwd, deps: grepPipeline({}, calls) });
    expect(calls.build[0]).toMatchObject({ demo: true, repo: `${cwd}/.cache/demo-repo` });
  });

  it('prints a pipeline MigratrackError on one line with its exit code', async () => {
    const { cwd, deps } = target();
    const failing: PipelineDeps = { ...deps, buildSnapshot: () => Promise.reject(new MigratrackError('input', 'no tracked files in docs/T.md (expected "### File N:" headings)')) };
    expect(await run(['build'], { cwd, deps: failing })).toEqual({ code: 2, stdout: '', stderr: 'migratrack: no tracked files in docs/T.md (expected "### File N:" headings)\n' });
  });

  it('reports a bug with exit 3, a stack and where to report it', async () => {
    const { cwd, deps } = target();
    const failing: PipelineDeps = { ...deps, renderSite: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'slots')")) };
    const result = await run(['build'], { cwd, deps: failing });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("migratrack: internal error: Cannot read properties of undefined (reading 'slots')\nTypeError:");
    expect(result.stderr).toMatch(/\n {4}at .+\n/);
    expect(result.stderr).toMatch(/This is a bug in migratrack \S+, not in your input\. Please report it/);
  });
});

describe('scan', () => {
  it('prints the snapshot as JSON on stdout without writing history', async () => {
    const { cwd, deps, calls } = target();
    const result = await run(['scan', '--format', 'json'], { cwd, deps });
    expect(result.code).toBe(0);
    const snapshot = Snapshot.parse(JSON.parse(result.stdout));
    expect(snapshot.metrics[0]).toMatchObject({ id: 'bq', value: 1, matches: [{ path: 'src/a.py', line: 1 }] });
    expect(calls.build[0]?.dryRun).toBe(true);
    expect(calls.render).toHaveLength(0);
  });

  it('validates the snapshot it prints as JSON: one failing its schema is a bug (exit 3) naming the field', async () => {
    const { cwd, deps } = target();
    const broken: PipelineDeps = {
      ...deps,
      buildSnapshot: async (opts, log) => {
        const built = await deps.buildSnapshot(opts, log);
        return { ...built, snapshot: { ...built.snapshot, totals: { ...built.snapshot.totals, slots: -1 } } };
      },
    };
    const result = await run(['scan', '--format', 'json'], { cwd, deps: broken });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('migratrack: internal error: Snapshot failed its schema at totals.slots:');
  });

  it('renders markdown and text summaries', async () => {
    const { cwd, deps } = target();
    const md = await run(['scan', '--format', 'markdown'], { cwd, deps });
    expect(md.stdout).toContain('| Category | Declared done | Verified done | Remaining calls |');
    expect(md.stdout).toContain('| BigQuery clients | Remaining in code | 1 line | ↓ lower |');
    const text = await run(['scan'], { cwd, deps });
    expect(text.stdout).toContain('Declared [##########..........] 1/2 (50%)');
  });

  it('rejects an unknown format naming the flag', async () => {
    const { cwd, deps } = target();
    expect(await run(['scan', '--format', 'xml'], { cwd, deps })).toEqual({ code: 2, stdout: '', stderr: 'migratrack: --format: "xml" is not a format (expected text, markdown or json)\n' });
  });
});

describe('colours', () => {
  const ESC = '\x1b[';
  it('are used on a TTY and never with NO_COLOR or off a TTY', async () => {
    const { cwd, deps } = target();
    expect((await run(['scan'], { cwd, deps, tty: true })).stdout).toContain(ESC);
    expect((await run(['scan'], { cwd, deps, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run(['--help'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run(['scan'], { cwd, deps, tty: false })).stdout).not.toContain(ESC);
  });
});

describe('dev', () => {
  it('starts the dev server with a dry run and the port', async () => {
    const { cwd, deps, calls } = target();
    expect((await run(['dev', '--port', '8080'], { cwd, deps })).code).toBe(0);
    expect(calls.dev[0]).toMatchObject({ dryRun: true, port: 8080 });
    expect((await run(['dev', '--port', 'http'], { cwd, deps })).stderr).toBe('migratrack: --port: "http" is not a port number (expected 1-65535)\n');
  });
});

describe('usage errors', () => {
  it('suggest the closest flag or command', async () => {
    const cwd = tempDir();
    expect((await run(['build', '--verbos'], { cwd })).stderr).toBe('migratrack: unknown option --verbos for build (did you mean --verbose? see migratrack build --help)\n');
    expect((await run(['chek'], { cwd })).stderr).toMatch(/^migratrack: unknown command "chek" \(did you mean "check"\?/);
    expect((await run(['scan', 'extra'], { cwd })).code).toBe(2);
    expect((await run(['build', '--repo'], { cwd })).stderr).toBe('migratrack: --repo needs a value (--repo <dir>) for build (see migratrack build --help)\n');
  });
});
