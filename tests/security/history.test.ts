/**
 * The history file is the one artefact a build cannot regenerate (issue 8, "History"). A file we
 * cannot fully understand is refused with one line and left byte-identical, and so is the previous
 * site; a write killed half way and two builds at once lose nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryText, repoIdentity } from '../../src/lib/history/index.js';
import { ROOT, binProcess, cli, expectOneLineError, git, initRepo, trackingDoc, workspace, type Workspace } from './fixtures/workspace.js';

const DOC = trackingDoc([{ path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" . | wc -l']);

function target(): Workspace & { history: string; dist: string } {
  const ws = workspace();
  initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': DOC });
  const dist = path.join(ws.dir, 'dist');
  mkdirSync(dist);
  writeFileSync(path.join(dist, 'index.html'), '<p>previous site</p>\n');
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
  expect(readdirSync(t.dist)).toEqual(['index.html']);
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
