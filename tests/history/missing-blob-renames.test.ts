/**
 * A blob missing from the object store (partial clones, mirrors without large blobs) makes git's
 * inexact rename detection fail, and with it the whole `git log -M` (issue 20, item 7). The backfill
 * must skip rename detection for that commit only, warn, and go on. Real git, fixed dates.
 */
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillHistory, readFirstParentLog } from '../../src/lib/history/index.js';
import { buildRepo, git } from './fixture-repo.js';
import { standInStages } from './stand-in-stages.js';

const PATTERN = 'bq.Client(';
const METRICS = [{ id: 'clients', command: PATTERN }];
/** Enough lines that a one-line edit keeps the file well above git's 50% similarity. */
const body = (name: string, clients: number) =>
  `${Array.from({ length: 40 }, (_, i) => `# ${name} line ${i}`).join('\n')}\n${'c = bq.Client()\n'.repeat(clients)}`;

let dir: string;
let repo: string;
let shas: string[];
let missing: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt-missing-blob-'));
  repo = join(dir, 'repo');
  shas = buildRepo(repo, [
    { at: '2026-01-19T10:00:00Z', files: { 'T.md': 'start 2026-01-19\n', 'a.py': body('a', 2), 'b.py': body('b', 1) } },
    // Moved and edited: an inexact rename, which git can only see by reading both blobs.
    { at: '2026-01-20T10:00:00Z', moves: [['a.py', 'lib/a.py']], files: { 'lib/a.py': body('a', 1) } },
    // The same kind of move, with every blob present: must still be seen as a rename.
    { at: '2026-01-21T10:00:00Z', moves: [['b.py', 'lib/b.py']], files: { 'lib/b.py': body('b', 0) } },
  ]);
  // The objects of a fixture repo are loose (never packed): remove the old a.py's blob.
  missing = git(repo, ['rev-parse', `${shas[0]}:a.py`]).trim();
  const loose = join(repo, '.git/objects', missing.slice(0, 2), missing.slice(2));
  expect(existsSync(loose)).toBe(true);
  unlinkSync(loose);
  // The precondition of the bug: git's own log with rename detection fails on this repository.
  expect(() => git(repo, ['log', '--raw', '-M', '--format=%H'])).toThrow(/unable to read/);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a blob missing from the object store', () => {
  it('skips rename detection for that commit only, and names it', async () => {
    const skipped: string[] = [];
    const commits = await readFirstParentLog(repo, 'HEAD', ({ commit, reason }) => skipped.push(`${commit.sha} ${reason}`));
    expect(commits.map((c) => c.sha)).toEqual(shas);
    expect(skipped).toEqual([`${shas[1]} fatal: unable to read ${missing}`]);
    const view = (i: number) => commits[i]?.changes.map((c) => `${c.status} ${c.from ?? ''}>${c.path}`).sort();
    // Without rename detection the move is a deletion and an addition, as `--no-renames` shows it.
    expect(view(1)).toEqual(['A >lib/a.py', 'D >a.py']);
    expect(view(2)).toEqual(['R b.py>lib/b.py']);
  });

  it('the backfill completes, with one warning for the commit and one for the unreadable blob', async () => {
    const result = await backfillHistory({ root: repo, docPath: 'T.md', metrics: METRICS, stages: standInStages });
    expect(result.records.map((r) => r.commit)).toEqual(shas);
    // Day 1 cannot read a.py (its blob is gone); the later days count what git grep would.
    expect(result.records.map((r) => r.metrics.clients)).toEqual([1, 2, 1]);
    expect(result.renames.map((r) => [r.from, r.to])).toEqual([['b.py', 'lib/b.py']]);
    const warning = result.diagnostics.find((d) => d.code === 'history/renames-skipped');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain(`Rename detection skipped for commit ${shas[1]?.slice(0, 12)} (2026-01-20): a blob is missing`);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['history/missing-blob', 'history/renames-skipped']);
  });
});
