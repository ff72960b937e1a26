import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMigratrackError } from '../../src/lib/errors.js';
import {
  appendRecords,
  emptyHistory,
  readHistory,
  withFileLock,
  writeFault,
  writeHistoryAtomic,
  type HistoryFile,
} from '../../src/lib/history/index.js';
import { record, sha } from './records.js';

const REPO = sha(1);
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-history-'));
  file = join(dir, 'history.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isMigratrackError(error) && error.code).toBe('input');
  return (error as Error).message.replaceAll(dir, '<dir>');
}

describe('readHistory refuses what it cannot trust and never touches it', () => {
  it('reads a missing file as empty', async () => {
    expect(await readHistory(file, REPO)).toEqual(emptyHistory(REPO));
  });

  it.each([
    ['corrupt', '{"schemaVersion": 1, "repo": {"id"', /is not valid JSON .*corrupt or truncated/],
    ['newer', JSON.stringify({ schemaVersion: 3, repo: { id: sha(1) }, records: [], future: true }), /schemaVersion 3, newer than this migratrack understands \(2\); upgrade migratrack/],
    ['foreign', JSON.stringify({ schemaVersion: 1, repo: { id: sha(2) }, records: [] }), /belongs to another repository \(id a+2, this one is a+1\)/],
    ['invalid', JSON.stringify({ schemaVersion: 1, repo: { id: sha(1) }, records: [{ at: 'yesterday' }] }), /records\.0\.at: expected a date-time with an offset, e\.g\. "2026-01-20T18:04:00\+01:00"/],
  ])('%s file', async (_name, text, message) => {
    await writeFile(file, text);
    const error = await refusal(readHistory(file, REPO));
    expect(error).toMatch(message);
    expect(error).toMatch(/^History file <dir>\/history\.json .*It was left untouched\.$/s);
    // Writing over it is refused too, and the bytes stay as they were.
    await refusal(writeHistoryAtomic(file, { ...emptyHistory(REPO), records: [record('2026-01-20', 1)] }));
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('pins the foreign-file message', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 1, repo: { id: 'path:0123456789abcdef' }, records: [] }));
    expect(await refusal(readHistory(file, REPO))).toMatchInlineSnapshot(
      `"History file <dir>/history.json belongs to another repository (id path:0123456789abcdef, this one is aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1); point --history at this repository's file or move that one away. It was left untouched."`,
    );
  });

  it('pins the invalid-file message: one "path: message" line per bad field, at most 5', async () => {
    const bad = { ...record('2026-01-20', 1), at: 'yesterday', commit: 'abc', source: 'push', declaredDone: -1, metrics: { lines: '3' } };
    await writeFile(file, JSON.stringify({ schemaVersion: 1, repo: { id: REPO }, records: [bad, { at: '2026-01-21T12:00:00Z' }] }));
    expect(await refusal(readHistory(file, REPO))).toMatchInlineSnapshot(`
      "History file <dir>/history.json is not a migratrack history file:
        records.0.at: expected a date-time with an offset, e.g. "2026-01-20T18:04:00+01:00"
        records.0.commit: expected a full commit sha
        records.0.source: expected one of "backfill" | "run", received "push"
        records.0.metrics.lines: expected number, received string
        records.0.declaredDone: expected a number >= 0, received -1
        … and 9 more. It was left untouched."
    `);
  });

  it('reads times with any ISO 8601 offset, with or without a colon, as earlier versions did', async () => {
    const times = ['2026-01-20T18:04:00+01:00', '2026-01-20T18:04:00+0100', '2026-01-20T18:04Z', '2024-02-29T23:59:59.123456-05:30'];
    const history = { ...emptyHistory(REPO), records: times.map((at, i) => record(`2026-01-2${i}`, i, 76, { at })) };
    await writeFile(file, JSON.stringify(history));
    expect((await readHistory(file, REPO)).records.map((r) => r.at)).toEqual(times);
    for (const at of ['2026-01-20T18:04:00', '2023-02-29T12:00:00Z', '2026-01-20 18:04:00Z']) {
      await writeFile(file, JSON.stringify({ ...history, records: [record('2026-01-20', 1, 76, { at })] }));
      expect(await refusal(readHistory(file, REPO))).toMatch(/records\.0\.at: expected a date-time with an offset/);
    }
  });

  it('accepts a file with another root id in a shallow clone when its last commit is known here', async () => {
    const history: HistoryFile = { ...emptyHistory(sha(9)), records: [record('2026-01-20', 1)] };
    await writeFile(file, JSON.stringify(history));
    const known = history.records[0]?.commit;
    const read = await readHistory(file, REPO, { isKnownCommit: async (c) => c === known });
    expect(read.repo.id).toBe(sha(9));
    await refusal(readHistory(file, REPO, { isKnownCommit: async () => false }));
  });
});

describe('writeFault: a failed write as one line with the cause and the fix (issue 20)', () => {
  // The real faults (a full tmpfs, a read-only mount, another user) are in tests/security/history.test.ts;
  // these run everywhere, also where mounting is not permitted.
  const errno = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC); free some space'],
    ['EROFS', 'the file system is read-only (EROFS); point --history'],
    ['EACCES', 'permission denied (EACCES); make its folder writable'],
    ['EIO', 'EIO: raw (EIO); check the path and run again'],
  ])('%s', (code, words) => {
    const error = writeFault('history file', '/x/history.json', errno(code));
    expect(isMigratrackError(error) && error.exitCode).toBe(2);
    expect((error as Error).message).toContain(`Cannot write the history file /x/history.json: ${words}`);
    expect((error as Error).message).toMatch(/The file on disk was left as it was\.$/);
  });
  it('passes bugs and refusals through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(writeFault('history file', 'f', bug)).toBe(bug);
  });
  it('a directory where the file should be: refused in one line, nothing written', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(file);
    const message = await refusal(writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [record('2026-01-20', 1)])));
    expect(message).toMatch(/^History file <dir>\/history\.json cannot be read \(EISDIR/);
    expect((await readdir(dir)).sort()).toEqual(['history.json']);
  });
});

describe('writeHistoryAtomic', () => {
  it('round-trips and merges with what is on disk', async () => {
    const a = record('2026-01-20', 1);
    const b = record('2026-01-21', 2);
    await writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [a]));
    const written = await writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [b]));
    expect(written.records).toEqual([a, b]);
    expect(await readHistory(file, REPO)).toEqual(written);
    expect((await readdir(dir)).sort()).toEqual(['history.json']);
  });

  it('loses nothing when two builds write at once', async () => {
    const writers = Array.from({ length: 8 }, (_, i) =>
      writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [record(`2026-01-${10 + i}`, i)])),
    );
    await Promise.all(writers);
    expect((await readHistory(file, REPO)).records.map((r) => r.declaredDone)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('waits for a live lock, then fails clearly', async () => {
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), at: '' }));
    const message = await refusal(writeHistoryAtomic(file, emptyHistory(REPO), { waitMs: 100 }));
    expect(message).toBe(
      'History file is locked by another build (<dir>/history.json.lock). Wait for it to finish; if no build is running, delete the lock file.',
    );
  });

  it('takes over a lock left by a dead process', async () => {
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), at: '' }));
    await writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [record('2026-01-20', 1)]), { waitMs: 100 });
    expect((await readHistory(file, REPO)).records).toHaveLength(1);
  });

  it('a build killed half way through writing leaves the previous file intact', async () => {
    const previous = appendRecords(emptyHistory(REPO), [record('2026-01-20', 1)]);
    await writeHistoryAtomic(file, previous);
    const before = await readFile(file, 'utf8');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'write-huge-history.ts'), file, REPO, '300000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Kill as soon as the temp file exists: the write is under way, the rename has not happened.
    let killedMidWrite = false;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      if ((await readdir(dir)).some((name) => name.endsWith('.tmp'))) {
        child.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await exited;
    expect(killedMidWrite).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(before);
    // The next build takes over the dead build's lock and carries on.
    await writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [record('2026-01-21', 2)]), { waitMs: 500 });
    expect((await readHistory(file, REPO)).records).toHaveLength(2);
  });
});

describe('withFileLock', () => {
  it('runs critical sections one at a time', async () => {
    const log: string[] = [];
    const section = (name: string) => withFileLock(file, async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`${name}-`);
    });
    await Promise.all([section('a'), section('b'), section('c')]);
    for (let i = 0; i < log.length; i += 2) expect(log[i]?.replace('+', '-')).toBe(log[i + 1]);
  });
});
