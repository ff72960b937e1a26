/**
 * Issue 2 "Done when": a wrong --repo/--doc or a doc with nothing to track is a one-line error with
 * exit 2 and leaves the previous site alone; a target outside git still builds and says so once.
 * The CLI runs as users run it: a real process through bin/migratrack.mjs, in a temp cwd (the
 * snapshot goes to `<cwd>/.migratrack/`).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';
import { ROOT, freshDemo, removeTempDirs, tempDir } from './helpers.js';

const BIN = path.join(ROOT, 'bin/migratrack.mjs');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(argv: string[], cwd: string): Promise<RunResult> {
  const env = { ...process.env, NO_COLOR: '1', CI: 'true' };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8', timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let info: DemoRepoInfo;

beforeAll(async () => {
  info = await freshDemo(tempDir());
});
afterAll(removeTempDirs);

/** A work dir with a previous site (migratrack's marker in it) at `site/dist` holding a page to check. */
function withPreviousSite(): { cwd: string; out: string; marker: string } {
  const cwd = tempDir();
  const out = path.join(cwd, 'site', 'dist');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, SITE_MARKER), '{"generator":"migratrack","markerVersion":1}\n');
  const marker = path.join(out, 'index.html');
  writeFileSync(marker, 'previous site\n');
  return { cwd, out, marker };
}

function expectUntouched(site: { cwd: string; out: string; marker: string }): void {
  expect(readdirSync(path.dirname(site.out))).toEqual(['dist']);
  expect(readdirSync(site.out).sort()).toEqual([SITE_MARKER, 'index.html']);
  expect(readFileSync(site.marker, 'utf8')).toBe('previous site\n');
  expect(existsSync(path.join(site.cwd, '.migratrack', 'snapshot.json'))).toBe(false);
}

/** One line on stderr, nothing on stdout, exit 2, no stack. */
function expectOneLineError(result: RunResult, names: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(names);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe.concurrent('build refuses bad input without touching the previous site', () => {
  it('a --repo that does not exist', async () => {
    const site = withPreviousSite();
    const result = await runCli(['build', '--repo', path.join(site.cwd, 'no-such-repo'), '--doc', info.docPath, '--out', site.out], site.cwd);
    expectOneLineError(result, /--repo.*no-such-repo/);
    expectUntouched(site);
  });

  it('a --doc that does not exist', async () => {
    const site = withPreviousSite();
    const result = await runCli(['build', '--repo', info.root, '--doc', 'docs/NO-SUCH-DOC.md', '--out', site.out], site.cwd);
    expectOneLineError(result, /--doc.*NO-SUCH-DOC\.md/);
    expectUntouched(site);
  });

  it('no --doc at all', async () => {
    const site = withPreviousSite();
    const result = await runCli(['build', '--repo', info.root, '--out', site.out], site.cwd);
    expectOneLineError(result, /--doc/);
    expectUntouched(site);
  });

  it('a --doc that is a directory', async () => {
    const site = withPreviousSite();
    const result = await runCli(['build', '--repo', info.root, '--doc', path.dirname(info.docPath), '--out', site.out], site.cwd);
    expectOneLineError(result, /--doc.*daily-orchestration-improvements/);
    expectUntouched(site);
  });

  it('a doc with no tracked files', async () => {
    const site = withPreviousSite();
    const repo = path.join(site.cwd, 'repo');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'NOTES.md'), '# Notes\n\nNothing to migrate here.\n');
    const result = await runCli(['build', '--repo', repo, '--doc', 'NOTES.md', '--out', site.out], site.cwd);
    expectOneLineError(result, /NOTES\.md: no tracked items found; read: .*checkbox lines.*migratrack explain/);
    expectUntouched(site);
  });
});

describe('a target that is not a git repository', () => {
  let cwd: string;
  let result: RunResult;
  let snapshot: Snapshot;

  beforeAll(async () => {
    cwd = tempDir();
    const repo = path.join(cwd, 'plain');
    cpSync(info.root, repo, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
    result = await runCli(['build', '--repo', repo, '--doc', info.docPath, '--out', path.join(cwd, 'dist')], cwd);
    snapshot = JSON.parse(readFileSync(path.join(cwd, 'dist', 'api', 'snapshot.json'), 'utf8')) as Snapshot;
  }, 300_000);

  it('still builds the site', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'dist', 'index.html'))).toBe(true);
  });

  it('records no commit, and says so in exactly one diagnostic', () => {
    expect(snapshot.repo).toMatchObject({ isGit: false, commit: null });
    expect(snapshot.doc.commit).toBeNull();
    const said = snapshot.diagnostics.filter((d) => /not a git repository/.test(d.message));
    expect(said).toHaveLength(1);
    expect(`${result.stdout}${result.stderr}`.split('not a git repository').length - 1).toBeLessThanOrEqual(1);
    const dashboard = readFileSync(path.join(cwd, 'dist', 'index.html'), 'utf8');
    expect(dashboard.split('not a git repository').length - 1).toBe(1);
  });
});
