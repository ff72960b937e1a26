/**
 * The tracking doc is read with the confinement of every other path (issue 20, escape 5): a doc
 * committed as a symbolic link to a file outside the repository is refused, never read or
 * published; a directory or a FIFO named by --doc is called what it is, and a FIFO never blocks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET, binProcess, cli, commitAll, expectOneLineError, initRepo, scanJson, trackingDoc, workspace } from './fixtures/workspace.js';

const CODE = { 'src/a.py': 'bigquery.Client(\n' };

describe.concurrent('the tracking doc stays inside the repository', { timeout: 120_000 }, () => {
  it('a doc committed as a symbolic link to a file outside: refused, the secret never read or published', async () => {
    const ws = workspace();
    // The outside file is a valid tracking doc carrying the secret: reading it would publish it.
    const outside = path.join(ws.dir, 'outside-doc.md');
    writeFileSync(outside, trackingDoc([{ path: 'src/a.py', notes: SECRET }]));
    initRepo(ws.repo, CODE);
    symlinkSync(outside, path.join(ws.repo, 'TRACKING.md'));
    commitAll(ws.repo, 'the doc, as a link');
    const scan = await scanJson(ws, 'TRACKING.md');
    expectOneLineError(scan, /--doc: TRACKING\.md is a symbolic link to .*outside-doc\.md, outside the repository/);
    expect(scan.stderr).not.toContain(SECRET);
    const out = path.join(ws.dir, 'dist');
    const build = await cli(['build', '--repo', ws.repo, '--doc', 'TRACKING.md', '--out', out, '--history', path.join(ws.dir, 'history.json')], ws.dir);
    expectOneLineError(build, /is a symbolic link to .*outside the repository/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(ws.dir, 'history.json'))).toBe(false);
  });

  it('a doc under a symbolically linked folder that leads outside: refused', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws.dir, 'elsewhere'));
    writeFileSync(path.join(ws.dir, 'elsewhere/TRACKING.md'), trackingDoc([{ path: 'src/a.py', notes: SECRET }]));
    initRepo(ws.repo, CODE);
    symlinkSync(path.join(ws.dir, 'elsewhere'), path.join(ws.repo, 'docs'));
    const r = await scanJson(ws, 'docs/TRACKING.md');
    expectOneLineError(r, /--doc: docs\/TRACKING\.md leads outside the repository .* through a symbolic link/);
    expect(r.stderr).not.toContain(SECRET);
  });

  it('a doc that is a link to another file inside the repository: named, with what to pass instead', async () => {
    const ws = workspace();
    initRepo(ws.repo, { ...CODE, 'docs/REAL.md': trackingDoc([{ path: 'src/a.py' }]) });
    symlinkSync('docs/REAL.md', path.join(ws.repo, 'TRACKING.md'));
    const r = await scanJson(ws, 'TRACKING.md');
    expectOneLineError(r, /TRACKING\.md is a symbolic link to .*docs\/REAL\.md, inside the repository; name that file itself/);
  });

  it('--doc naming a directory: "is a directory"', async () => {
    const ws = workspace();
    initRepo(ws.repo, { ...CODE, 'docs/T.md': trackingDoc([{ path: 'src/a.py' }]) });
    expectOneLineError(await scanJson(ws, 'docs'), /--doc: docs is a directory/);
  });

  it('--doc naming a FIFO: "is not a regular file", at once (never opened, so never blocks)', async () => {
    const ws = workspace();
    initRepo(ws.repo, CODE);
    execFileSync('mkfifo', [path.join(ws.repo, 'TRACKING.md')]);
    // A real process with a hard kill: a blocking open() would hang, not fail.
    const r = await binProcess(['scan', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir, 30_000);
    expect(r.timedOut, 'scan blocked on the FIFO').toBe(false);
    expectOneLineError(r, /--doc: TRACKING\.md is not a regular file \(a FIFO/);
  });
});
