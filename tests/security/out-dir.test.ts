/**
 * `--out` is only ever a folder migratrack made (issue 20, data loss 1-3): `build --out .` in the
 * repository replaced the whole repository with the site, `--out docs` deleted the tracking doc,
 * `--out app/alpha.py` turned a source file into a folder, `--out some/dir` wiped whatever it
 * held. Each refusal is exit 2 with one line, before anything is scanned or written: every file
 * of the workspace (the repository with its .git, the user's folder) is byte for byte as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';
import { cli, expectOneLineError, initRepo, trackingDoc, workspace, writeFiles, type Workspace } from './fixtures/workspace.js';

const DOC = trackingDoc([{ path: 'app/alpha.py' }, { path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" . | wc -l']);
const CODE = { 'app/alpha.py': 'bigquery.Client(\n', 'src/a.py': 'import x\n', 'docs/TRACKING.md': DOC, 'README.md': '# the repo\n' };

/** Every path under `dir` (files, folders, links) with a hash of its content: what "untouched" means. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const stat = lstatSync(full);
      const rel = path.relative(dir, full);
      if (stat.isSymbolicLink()) out[rel] = `link:${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[rel] = 'dir';
        walk(full);
      } else out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function repoWorkspace(): Workspace {
  const ws = workspace();
  initRepo(ws.repo, CODE);
  return ws;
}

const build = (ws: Workspace, out: string, cwd = ws.dir, extra: string[] = []) =>
  cli(['build', '--repo', ws.repo, '--doc', 'docs/TRACKING.md', '--history', path.join(ws.dir, 'history.json'), '--out', out, ...extra], cwd);

describe.concurrent('build refuses an --out that is not a folder migratrack made', () => {
  it('--out . in the repository: the repository itself', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await cli(['build', '--repo', '.', '--doc', 'docs/TRACKING.md', '--out', '.'], ws.repo);
    expectOneLineError(r, /--out: \. is the repository/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out .. from inside the repository: a folder containing it', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await cli(['build', '--repo', '.', '--doc', 'docs/TRACKING.md', '--out', '..'], ws.repo);
    expectOneLineError(r, /--out: \/.* contains the repository/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out docs: the folder of the tracking doc (GitHub Pages can publish from docs/)', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.repo, 'docs'));
    expectOneLineError(r, /--out: repo\/docs contains the tracking doc/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out app/alpha.py: a source file', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.repo, 'app/alpha.py'));
    expectOneLineError(r, /--out: .*app\/alpha\.py is a file, not a folder/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out app/alpha.py/site: a folder inside a file', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.repo, 'app/alpha.py/site'));
    expectOneLineError(r, /is inside .*alpha\.py, which is a file/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out src --force: a folder of tracked files, refused even with --force', async () => {
    const ws = repoWorkspace();
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.repo, 'src'), ws.dir, ['--force']);
    expectOneLineError(r, /holds files tracked in the repository \(src\/a\.py\)/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('a folder inside a repository that is not git, with --force: every file there is scanned, so refused', async () => {
    const ws = workspace();
    writeFiles(ws.repo, { ...CODE, 'site/report.txt': 'scanned like every file\n' });
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.repo, 'site'), ws.dir, ['--force']);
    expectOneLineError(r, /holds files of the repository .*, which is not a git repository/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('--out some/dir holding the user\'s files: refused without --force', async () => {
    const ws = repoWorkspace();
    mkdirSync(path.join(ws.dir, 'some/dir'), { recursive: true });
    writeFileSync(path.join(ws.dir, 'some/dir/thesis.txt'), 'four years of work\n');
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.dir, 'some/dir'));
    expectOneLineError(r, new RegExp(`already holds files migratrack did not write \\(no ${SITE_MARKER} marker.*pass --force`));
    expect(fingerprint(ws.dir)).toEqual(before);
    expect(existsSync(path.join(ws.dir, 'history.json'))).toBe(false); // refused before the history was touched
  });

  it('the current folder, the history file\'s folder, the filesystem root and a symbolic link', async () => {
    const ws = repoWorkspace();
    mkdirSync(path.join(ws.dir, 'keep'));
    writeFileSync(path.join(ws.dir, 'keep/history.json'), '{}');
    symlinkSync(path.join(ws.dir, 'keep'), path.join(ws.dir, 'linked'));
    mkdirSync(path.join(ws.dir, 'elsewhere'));
    writeFileSync(path.join(ws.dir, 'elsewhere/todo.txt'), 'mine\n');
    const before = fingerprint(ws.dir);
    expectOneLineError(await build(ws, '.', path.join(ws.dir, 'elsewhere'), ['--force']), /--out: \. is the current folder/);
    expectOneLineError(await cli(['build', '--repo', ws.repo, '--doc', 'docs/TRACKING.md', '--history', 'keep/history.json', '--out', 'keep'], ws.dir), /--out: keep contains the history file/);
    expectOneLineError(await build(ws, '/', ws.dir, ['--force']), /--out: \/ is the root of the filesystem/);
    expectOneLineError(await build(ws, path.join(ws.dir, 'linked'), ws.dir, ['--force']), /linked is a symbolic link/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });

  it('a folder inside the repository reached through a symbolic link', async () => {
    const ws = repoWorkspace();
    symlinkSync(ws.repo, path.join(ws.dir, 'repo-link'));
    const before = fingerprint(ws.dir);
    const r = await build(ws, path.join(ws.dir, 'repo-link/docs'), ws.dir, ['--force']);
    expectOneLineError(r, /contains the tracking doc/);
    expect(fingerprint(ws.dir)).toEqual(before);
  });
});

describe('build replaces only what it made', { timeout: 600_000 }, () => {
  it('a previous site (with its marker) is replaced; the new one carries the marker', async () => {
    const ws = repoWorkspace();
    const out = path.join(ws.dir, 'site');
    mkdirSync(out);
    writeFileSync(path.join(out, SITE_MARKER), '{"generator":"migratrack","markerVersion":1}\n');
    writeFileSync(path.join(out, 'stale-page.html'), 'from the last build\n');
    const r = await build(ws, out);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'stale-page.html'))).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, SITE_MARKER), 'utf8'))).toEqual({ generator: 'migratrack', markerVersion: 1 });
    expect(readdirSync(ws.dir).filter((n) => n.startsWith('.site') || n.startsWith('site.'))).toEqual([]); // no temp or old folder left
  });

  it('--force on a folder of the user\'s: the site is built, what was there is moved aside, not deleted', async () => {
    const ws = repoWorkspace();
    const out = path.join(ws.dir, 'public');
    mkdirSync(path.join(out, 'nested'), { recursive: true });
    writeFileSync(path.join(out, 'CNAME'), 'docs.example.com\n');
    writeFileSync(path.join(out, 'nested/keep.txt'), 'mine\n');
    const theirs = fingerprint(out);
    const refused = await build(ws, out);
    expect(refused.code).toBe(2);
    const r = await build(ws, out, ws.dir, ['--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, SITE_MARKER))).toBe(true);
    const aside = readdirSync(ws.dir).filter((n) => n.startsWith('public.before-migratrack-'));
    expect(aside).toHaveLength(1);
    expect(fingerprint(path.join(ws.dir, aside[0]!))).toEqual(theirs);
    expect(r.stderr).toContain(`kept in ${path.join(ws.dir, aside[0]!)}`);
  });
});
