/**
 * The history file is the one artefact a build cannot regenerate (issue 8, "History"). A file we
 * cannot fully understand is refused with one line and left byte-identical, and so is the previous
 * site; a write killed half way and two builds at once lose nothing.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryText, repoIdentity } from '../../src/lib/history/index.js';
import { BIN, ROOT, binProcess, cli, commitAll, writeFiles, expectOneLineError, git, initRepo, trackingDoc, workspace, type Workspace } from './fixtures/workspace.js';
import { SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';

const DOC = trackingDoc([{ path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" . | wc -l']);

function target(): Workspace & { history: string; dist: string } {
  const ws = workspace();
  initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC });
  const dist = path.join(ws.dir, 'dist');
  mkdirSync(dist);
  writeFileSync(path.join(dist, 'index.html'), '<p>previous site</p>\n');
  writeFileSync(path.join(dist, SITE_MARKER), '{"generator":"migratrack","markerVersion":1}\n'); // built by migratrack
  return { ...ws, history: path.join(ws.dir, 'history.json'), dist };
}

/** `build` on the target: fails before rendering whenever the history file is refused. */
const build = (t: ReturnType<typeof target>) => cli(['build', '--repo', t.repo, '--doc', 'TRACKING.md', '--history', t.history, '--out', t.dist], t.dir);
/** Appends this run to the history without building a site (cheap). */
const record = (t: ReturnType<typeof target>) => cli(['check', '--update', '--repo', t.repo, '--doc', 'TRACKING.md', '--history', t.history], t.dir);

function isHistory(text: string, file: string): boolean {
  try {
    parseHistoryText(text, file);
    return true;
  } catch {
    return false;
  }
}

function expectNothingLost(t: ReturnType<typeof target>, before: Buffer): void {
  expect(readFileSync(t.history).equals(before)).toBe(true);
  expect(readdirSync(t.dist).sort()).toEqual([SITE_MARKER, 'index.html']);
  expect(readFileSync(path.join(t.dist, 'index.html'), 'utf8')).toBe('<p>previous site</p>\n');
  expect(existsSync(`${t.history}.lock`)).toBe(false);
}

describe.concurrent('hostile history files', { timeout: 240_000 }, () => {
  it('a corrupt (truncated) file: one-line error, file and dist/ untouched', async () => {
    const t = target();
    const before = Buffer.from('{"schemaVersion":1,"repo":{"id":"abc"},"records":[{"at":"2026-01-');
    writeFileSync(t.history, before);
    const r = await build(t);
    expectOneLineError(r, /History file .*history\.json is not valid JSON .* It was left untouched\./);
    expectNothingLost(t, before);
  });

  it('garbage with control bytes (0x00-0x1f, ESC sequences): the one-line error shows them escaped, never raw', async () => {
    const t = target();
    const before = Buffer.concat([Buffer.from([...Array.from({ length: 32 }, (_, i) => i)]), Buffer.from('\x1b[2J\x1b[31mPWNED\x1b]0;title\x07\r\n{"schemaVersion":2}')]);
    writeFileSync(t.history, before);
    const r = await build(t);
    expectOneLineError(r, /History file .*history\.json is not valid JSON .* It was left untouched\./);
    // Nothing but the line break that ends the message is a control character.
    expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('\\x00');
    expectNothingLost(t, before);
  });

  it('a file from a newer schema version: refused, asks to upgrade, untouched', async () => {
    const t = target();
    const before = Buffer.from(`${JSON.stringify({ schemaVersion: 99, repo: { id: 'x' }, records: [], future: true })}\n`);
    writeFileSync(t.history, before);
    const r = await build(t);
    expectOneLineError(r, /has schemaVersion 99, newer than this migratrack understands .*upgrade migratrack/);
    expectNothingLost(t, before);
  });

  it("another repository's file: refused, untouched", async () => {
    const other = target();
    expect((await record(other)).code).toBe(0);
    const t = target();
    git(t.repo, 'commit', '-q', '--allow-empty', '-m', 'different root'); // same tree, but a different repo
    const otherRoot = initRepo(path.join(t.dir, 'unrelated'), { 'x.txt': 'unrelated\n' });
    const before = readFileSync(other.history);
    writeFileSync(t.history, before);
    const mine = await repoIdentity(otherRoot);
    expect(parseHistoryText(before.toString(), t.history).repo.id).not.toBe(mine.id);
    const r = await cli(['build', '--repo', otherRoot, '--doc', path.join(t.repo, 'TRACKING.md'), '--history', t.history, '--out', t.dist], t.dir);
    // The doc must live in the repo; use the other repo's doc path instead when that is what is refused.
    if (/outside the repository/.test(r.stderr)) {
      writeFileSync(path.join(otherRoot, 'TRACKING.md'), DOC);
      git(otherRoot, 'add', '-A');
      git(otherRoot, 'commit', '-q', '-m', 'doc');
      const again = await cli(['build', '--repo', otherRoot, '--doc', 'TRACKING.md', '--history', t.history, '--out', t.dist], t.dir);
      expectOneLineError(again, /belongs to another repository .* It was left untouched\./);
    } else expectOneLineError(r, /belongs to another repository .* It was left untouched\./);
    expectNothingLost(t, before);
  });

  it('a write killed half way (SIGKILL): the previous file survives intact, the next build works', async () => {
    const t = target();
    expect((await record(t)).code).toBe(0);
    const before = readFileSync(t.history);
    const { id } = parseHistoryText(before.toString(), t.history).repo;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/history/write-huge-history.ts'), t.history, id, '300000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let killed = false;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (!killed && chunk.toString().includes('started')) {
          // Let it get into the write, then kill it mid-way.
          setTimeout(() => {
            const temps = readdirSync(t.dir).filter((f) => f.startsWith('.history.json.') && f.endsWith('.tmp'));
            killed = child.kill('SIGKILL') && (temps.length > 0 || existsSync(`${t.history}.lock`));
          }, 150);
        }
      });
      child.on('close', () => resolve());
    });
    expect(readFileSync(t.history).equals(before) || isHistory(readFileSync(t.history, 'utf8'), t.history)).toBe(true);
    if (killed) expect(readFileSync(t.history).equals(before)).toBe(true);
    // The dead writer's lock is taken over (its pid is gone) and the next run appends normally.
    const next = await record(t);
    expect(next.code).toBe(0);
    expect(parseHistoryText(readFileSync(t.history, 'utf8'), t.history).records.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('two builds at once writing the same file: both succeed, both records kept, valid file', async () => {
    const t = target();
    git(t.repo, 'commit', '-q', '--allow-empty', '-m', 'second commit');
    // A second checkout of the same repository (same identity) one commit behind: two distinct run records.
    const behind = path.join(t.dir, 'behind');
    git(t.dir, 'clone', '-q', t.repo, behind);
    git(behind, 'checkout', '-q', '--detach', 'HEAD~1');
    const args = (repo: string) => ['check', '--update', '--no-backfill', '--repo', repo, '--doc', 'TRACKING.md', '--history', t.history];
    const [a, b] = await Promise.all([binProcess(args(t.repo), t.dir, 90_000), binProcess(args(behind), t.dir, 90_000)]);
    expect([a.code, b.code, a.stderr, b.stderr].slice(0, 2)).toEqual([0, 0]);
    const file = parseHistoryText(readFileSync(t.history, 'utf8'), t.history);
    const commits = file.records.filter((r) => r.source === 'run').map((r) => r.commit).sort();
    expect(commits).toEqual([git(t.repo, 'rev-parse', 'HEAD').trim(), git(behind, 'rev-parse', 'HEAD').trim()].sort());
    expect(existsSync(`${t.history}.lock`)).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('a shallow clone (CI checkout) keeps using the full clone\'s history file', async () => {
    const t = target();
    for (let i = 0; i < 4; i++) git(t.repo, 'commit', '-q', '--allow-empty', '-m', `commit ${i}`);
    expect((await record(t)).code).toBe(0);
    const shallow = path.join(t.dir, 'shallow');
    git(t.dir, 'clone', '-q', '--depth', '2', `file://${t.repo}`, shallow);
    const r = await cli(['check', '--update', '--repo', shallow, '--doc', 'TRACKING.md', '--history', t.history], t.dir);
    expect(r.stderr).not.toMatch(/belongs to another repository/);
    expect(r.code).toBe(0);
  });
});

/** Every path under `dir` but git's own folder, with each file's size: what a command wrote shows up here. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('.git'))
    .map((file) => `${path.relative(dir, file)} ${readFileSync(file).length}`)
    .sort();
}

describe('commands that promise to write nothing (issue 20)', { timeout: 120_000 }, () => {
  it('scan and check write no file, in the working folder or the repository; check --update only the repository\'s history', async () => {
    const ws = workspace();
    initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC });
    const before = listing(ws.dir);
    for (const format of ['text', 'markdown', 'json']) {
      expect((await cli(['scan', '--format', format, '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir)).code).toBe(0);
    }
    expect((await cli(['check', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir)).code).toBe(0);
    expect(listing(ws.dir)).toEqual(before);
    // The default history file is the repository's, not the shell folder's.
    expect((await cli(['check', '--update', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir)).code).toBe(0);
    expect(listing(ws.dir).filter((line) => !before.includes(line)).map((line) => line.split(' ')[0])).toEqual([path.join('repo', '.migratrack', 'history.json')]);
  });
});

/**
 * A real small file system for the history (issue 20, items 8 and 9): a tmpfs of `size`, mounted as
 * root. Returns null where mounting is not permitted (an unprivileged CI container): those tests skip.
 */
function mountTmpfs(dir: string, size: string): { dir: string; readOnly: () => void; unmount: () => void } | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  };
}
const canMount = (() => {
  const probe = mountTmpfs(path.join(mkdtempDir(), 'probe'), '64k');
  probe?.unmount();
  return probe !== null;
})();

function mkdtempDir(): string {
  return workspace().dir;
}

/** Writes until the file system is full, so no further byte fits. */
function fill(dir: string): void {
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
}

/** What a failed write must leave: the previous file byte for byte, and no temp file or lock beside it. */
function expectIntact(dir: string, history: string, before: Buffer): void {
  expect(readFileSync(history).equals(before)).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
}

describe.sequential('history on a failing file system (issue 20)', { timeout: 120_000 }, () => {
  /** A target whose history lives on its own tmpfs, with one record written; then one more commit to record. */
  async function onTmpfs(size: string) {
    const ws = workspace();
    initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC });
    const disk = mountTmpfs(path.join(ws.dir, 'disk'), size)!;
    const history = path.join(disk.dir, 'history.json');
    const args = ['check', '--update', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', history];
    expect((await cli(args, ws.dir)).code).toBe(0);
    writeFiles(ws.repo, { 'src/b.py': 'bigquery.Client(\n' });
    commitAll(ws.repo, 'one more');
    return { ws, disk, history, args, before: readFileSync(history) };
  }

  it.skipIf(!canMount)('a full disk (ENOSPC): exit 2, one line naming the file, the cause and the fix; the file intact', async () => {
    const t = await onTmpfs('1m');
    try {
      fill(t.disk.dir);
      const r = await cli(t.args, t.ws.dir);
      expectOneLineError(r, /Cannot write the history file .*history\.json: no space left on the device \(ENOSPC\); free some space.*The file on disk was left as it was\./);
      expectIntact(t.disk.dir, t.history, t.before);
    } finally {
      t.disk.unmount();
    }
  });

  it.skipIf(!canMount)('a read-only mount (EROFS): exit 2, one line; the file intact', async () => {
    const t = await onTmpfs('1m');
    try {
      t.disk.readOnly();
      const r = await cli(t.args, t.ws.dir);
      expectOneLineError(r, /Cannot write the history file .*history\.json: the file system is read-only \(EROFS\); point --history/);
      expectIntact(t.disk.dir, t.history, t.before);
    } finally {
      t.disk.unmount();
    }
  });

  it.skipIf(!canMount)('a missing history folder on a read-only mount: exit 2, one line, nothing created', async () => {
    const ws = workspace();
    initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC });
    const disk = mountTmpfs(path.join(ws.dir, 'disk'), '64k')!;
    try {
      disk.readOnly();
      const r = await cli(['check', '--update', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', path.join(disk.dir, 'sub/history.json')], ws.dir);
      expectOneLineError(r, /Cannot write the history file .*sub\/history\.json: the file system is read-only \(EROFS\)/);
      expect(readdirSync(disk.dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  // Root is never refused by permission bits: run the CLI as `nobody` (setpriv, util-linux), which
  // needs a checkout `nobody` can read (a clone in a 0700 `mktemp -d` folder is not).
  const asNobody = process.getuid?.() === 0 && (() => {
    try {
      execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!asNobody)('a folder this user may not write (EACCES): exit 2, one line; the file intact', async () => {
    const ws = workspace();
    chmodSync(ws.dir, 0o755);
    writeFiles(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC }); // a plain folder: no git ownership checks
    const locked = path.join(ws.dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const history = path.join(locked, 'history.json');
    expect((await cli(['check', '--update', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', history], ws.dir)).code).toBe(0);
    chmodSync(history, 0o644);
    const before = readFileSync(history);
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const argv = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', '--update', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', history];
      execFile('setpriv', argv, { cwd: ws.dir, env: { ...process.env, NO_COLOR: '1', CI: 'true', HOME: ws.dir }, encoding: 'utf8', timeout: 90_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      });
    });
    // The plain folder's own warning ('not a git repository') aside, the error is one line.
    const stderr = r.stderr.split('\n').filter((line) => !line.startsWith('warning: ')).join('\n');
    expectOneLineError({ ...r, stderr, stdout: '' }, /Cannot write the history file .*history\.json: permission denied \(EACCES\); make its folder writable/);
    expectIntact(locked, history, before);
    rmSync(locked, { recursive: true, force: true });
  });
});
