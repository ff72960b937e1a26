/**
 * Faults while rendering the site (issue 20, crash 10): a full disk, a read-only mount, Astro
 * failing on a note. Each ends in exit 2 with one line naming the cause and what to do, never
 * Astro's whole log or a stack; the temporary folder is removed, the previous site is as it was
 * and the history file still reads.
 *
 * The full disk and the read-only mount are real: a small tmpfs, mounted when the tests run as
 * root with mount rights (CI and this machine), skipped otherwise. A permission error cannot be
 * caused for root, so EACCES is checked on the error mapping alone, with a simulated error and a
 * simulated Astro log: that part is simulated, and says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHistoryText } from '../../src/lib/history/index.js';
import { SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';
import { AstroBuildFailure, siteFault } from '../../src/lib/pipeline/site-faults.js';
import { cli, expectOneLineError, initRepo, trackingDoc, workspace, type Workspace } from '../security/fixtures/workspace.js';

const CODE = { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" . | wc -l']) };

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    } catch {
      // already unmounted
    }
  }
});

/** A fresh tmpfs of `size` at a new folder, or null when this machine does not allow mounting. */
function tmpfs(size: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'mt-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmdirSync(dir);
    return null;
  }
  mounted.push(dir);
  return dir;
}

const probe = process.getuid?.() === 0 ? tmpfs('16k') : null;
const canMount = probe !== null;

/** A previous site migratrack built (marked) at `<parent>/dist`. */
function previousSite(parent: string): string {
  const out = path.join(parent, 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, SITE_MARKER), '{"generator":"migratrack","markerVersion":1}\n');
  writeFileSync(path.join(out, 'index.html'), 'previous site\n');
  return out;
}

function expectPreviousSite(parent: string): void {
  expect(readdirSync(parent).filter((n) => n !== 'lost+found')).toEqual(['dist']); // no temp folder left
  expect(readdirSync(path.join(parent, 'dist')).sort()).toEqual([SITE_MARKER, 'index.html']);
  expect(readFileSync(path.join(parent, 'dist/index.html'), 'utf8')).toBe('previous site\n');
}

function repoWorkspace(): Workspace {
  const ws = workspace();
  initRepo(ws.repo, CODE);
  return ws;
}

const build = (ws: Workspace, out: string, extra: string[] = []) =>
  cli(['build', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', path.join(ws.dir, 'history.json'), '--out', out, ...extra], ws.dir);

/** The history file this build appended to before rendering still reads, with its record. */
function expectHistoryReads(ws: Workspace): void {
  const history = parseHistoryText(readFileSync(path.join(ws.dir, 'history.json'), 'utf8'), path.join(ws.dir, 'history.json'));
  expect(history.records.length).toBeGreaterThan(0);
}

describe('site output faults', { timeout: 600_000 }, () => {
  it.runIf(canMount)('a full disk (ENOSPC, a 160 KB tmpfs): one line, previous site kept, temp folder removed', async () => {
    const ws = repoWorkspace();
    const disk = tmpfs('160k')!;
    const out = previousSite(disk);
    const r = await build(ws, out);
    expectOneLineError(r, /no space left on the device \(ENOSPC\); free some space .*the previous site and the history are unchanged/);
    expectPreviousSite(disk);
    expectHistoryReads(ws);
  });

  it.runIf(canMount)('a read-only mount (EROFS): one line, previous site kept', async () => {
    const ws = repoWorkspace();
    const disk = tmpfs('4m')!;
    previousSite(disk);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const r = await build(ws, path.join(disk, 'dist'));
    expectOneLineError(r, /the file system is read-only \(EROFS\); choose an --out on a writable disk/);
    expectPreviousSite(disk);
    expectHistoryReads(ws);
  });

  it('Astro failing on a note: the note and what is wrong, on one line; previous site kept', async () => {
    const ws = repoWorkspace();
    const notes = path.join(ws.dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'untitled.md'), '---\norder: 2\n---\n\nNo title.\n');
    const parent = path.join(ws.dir, 'site');
    mkdirSync(parent);
    previousSite(parent);
    const r = await build(ws, path.join(parent, 'dist'), ['--notes', notes]);
    expectOneLineError(r, /could not render the site: The note .*untitled\.md has invalid frontmatter: title: required \(expected string\) \(the previous site/);
    expect(r.stderr.length).toBeLessThan(600);
    expectPreviousSite(parent);
    expectHistoryReads(ws);
  });
});

describe('the fault mapping (simulated errors: EACCES cannot be caused for root)', () => {
  const out = '/srv/site/dist';
  const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

  it('a system error from a file operation names the cause and what to do', () => {
    expect(siteFault(errno('EACCES', "permission denied, mkdir '/srv/site'"), out).message).toBe(
      'could not write the site to /srv/site/dist: permission denied (EACCES); make the folder writable for this user or choose another --out (the previous site and the history are unchanged)',
    );
    expect(siteFault(errno('ENOSPC', 'no space left on device, write'), out).message).toMatch(/^could not write the site to \/srv\/site\/dist: no space left on the device \(ENOSPC\)/);
  });

  it('an Astro log: the errno inside it, or its first error line, never the whole log', () => {
    const log = `\u001b[31m[ERROR]\u001b[39m EACCES: permission denied, open '/srv/site/.dist.building-1/index.html'\n  Stack trace:\n    at open (node:fs)\n${'noise\n'.repeat(500)}`;
    expect(siteFault(new AstroBuildFailure(1, 'generating static routes\n', log), out).message).toBe(
      'could not render the site: permission denied (EACCES); make the folder writable for this user or choose another --out (the previous site and the history are unchanged)',
    );
    const other = siteFault(new AstroBuildFailure(1, 'building\n[ERROR] [vite] Rollup failed to resolve import "x"\n', ''), out).message;
    expect(other).toMatch(/^could not render the site: \[vite\] Rollup failed to resolve import "x"; run again with --verbose/);
    expect(other).not.toContain('\n');
  });

  it('a note error as Astro reports it and as Node reports an uncaught one: its message only', () => {
    const astro = 'The note /n/a.md has invalid frontmatter:\n  title: required (expected string)\n  Stack trace:\n    at x (file:///chunk.mjs:1:1)\n';
    const node = 'file:///chunk.mjs:776\n  if (!ok) throw new MigratrackError("input", `The note ${f}`);\n  ^\n\nMigratrackError: The note /n/a.md has invalid frontmatter:\n  title: required (expected string)\n    at file:///chunk.mjs:776:32\n';
    for (const stderr of [astro, node]) {
      expect(siteFault(new AstroBuildFailure(1, '', stderr), out).message).toBe('could not render the site: The note /n/a.md has invalid frontmatter: title: required (expected string) (the previous site and the history are unchanged)');
    }
  });

  it('a bug (not a system or Astro error) stays a bug', () => {
    const bug = new TypeError('x is undefined');
    expect(siteFault(bug, out)).toBe(bug);
  });
});
