/**
 * The backfill's machinery on a small fixture repo with stand-in stages: replayed trees equal
 * `git ls-tree`, metric values equal real `git grep`, declared counts equal the doc at each commit
 * (counted by a regex here), across a merge, renames, a deletion and a doc that moved.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillHistory, readFirstParentLog, TreeState } from '../../src/lib/history/index.js';
import { buildRepo, git } from './fixture-repo.js';
import { standInStages } from './stand-in-stages.js';

const PATTERN = 'bq.Client(';
const METRICS = [{ id: 'clients', command: PATTERN }];
const doc = (done: string[]) => `start 2026-01-19\n${['a', 'b', 'c'].map((id) => `item ${id} core ${done.includes(id) ? 'done' : 'not-started'}`).join('\n')}\n`;

let dir: string;
let repo: string;
let shas: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt-backfill-'));
  repo = join(dir, 'repo');
  shas = buildRepo(repo, [
    { at: '2026-01-18T10:00:00-08:00', files: { 'a.py': 'x = bq.Client()\ny = bq.Client()\n', 'README': 'hi\n' } },
    { at: '2026-01-19T09:00:00-08:00', files: { 'docs/T.md': doc([]), 'b.py': 'bq.Client()\n' } },
    { at: '2026-01-19T15:00:00-08:00', files: { 'a.py': 'x = pool()\ny = bq.Client()\n' } },
    { at: '2026-01-20T10:00:00-08:00', files: { 'c.py': 'bq.Client()\nbq.Client()\n', 'b.py': 'migrated\n' }, viaBranch: true },
    { at: '2026-01-21T09:00:00-08:00', moves: [['a.py', 'lib/a2.py']], files: { 'docs/T.md': doc(['b']) } },
    // 23:30 in Seattle is already the 22nd in UTC: the day is the committer's own.
    { at: '2026-01-21T23:30:00-08:00', files: { 'c.py': null, 'docs/T.md': doc(['b', 'c']) } },
    { at: '2026-01-23T11:00:00+01:00', moves: [['docs/T.md', 'docs/new/T.md']] },
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Oracle: real `git grep -c -F` at a commit, summed over files. */
function gitGrepCount(sha: string): number {
  let out = '';
  try {
    out = git(repo, ['grep', '-c', '-F', '-e', PATTERN, sha, '--']);
  } catch {
    return 0; // exit 1: no match
  }
  return out.trim().split('\n').reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
}

/** Oracle: "done" statuses in the doc at a commit, by regex. */
function declaredDone(sha: string, path: string): number | null {
  try {
    return (git(repo, ['show', `${sha}:${path}`]).match(/^item \S+ \S+ done$/gm) ?? []).length;
  } catch {
    return null;
  }
}

describe('backfillHistory (stand-in stages)', () => {
  it('replays every first-parent tree exactly as git ls-tree lists it', async () => {
    const commits = await readFirstParentLog(repo, 'HEAD');
    const state = new TreeState();
    for (const commit of commits) {
      state.apply(commit.changes);
      const expected = git(repo, ['ls-tree', '-r', '--name-only', '--full-tree', commit.sha]).trim().split('\n');
      expect(state.paths()).toEqual(expected);
      for (const path of expected) expect(state.blob(path)).toBe(git(repo, ['rev-parse', `${commit.sha}:${path}`]).trim());
    }
  });

  it('records the last commit of each day from the doc start date, matching git grep and the doc', async () => {
    const merge = git(repo, ['rev-parse', 'HEAD~3']).trim();
    const result = await backfillHistory({ root: repo, docPath: 'docs/new/T.md', metrics: METRICS, stages: standInStages });
    expect(result.records.map((r) => r.commit)).toEqual([shas[0], shas[2], merge, shas[5], shas[6]]);
    expect(result.records.map((r) => r.at.slice(0, 10))).toEqual(['2026-01-18', '2026-01-19', '2026-01-20', '2026-01-21', '2026-01-23']);
    const docPaths = ['docs/T.md', 'docs/T.md', 'docs/T.md', 'docs/T.md', 'docs/new/T.md'];
    for (const [i, record] of result.records.entries()) {
      expect(record.metrics.clients).toBe(gitGrepCount(record.commit ?? ''));
      expect(record.declaredDone).toBe(declaredDone(record.commit ?? '', docPaths[i] ?? ''));
    }
    expect(result.records.map((r) => r.metrics.clients)).toEqual([2, 2, 3, 1, 1]);
    expect(result.records.map((r) => [r.declaredDone, r.verifiedDone, r.slots])).toEqual([
      [null, null, null], [0, 0, 3], [0, 1, 3], [2, 1, 3], [2, 1, 3],
    ]);
    expect(result.records[3]?.items).toEqual({
      a: { declared: 'not-started', detected: 'not-started' },
      b: { declared: 'done', detected: 'done' },
      c: { declared: 'done', detected: 'not-started' },
    });
    // docCommit: the last commit that changed the doc (the move counts).
    expect(result.records.map((r) => r.docCommit)).toEqual([null, shas[1], shas[1], shas[5], shas[6]]);
    expect(result.renames.map((r) => [r.from, r.to])).toEqual([['a.py', 'lib/a2.py'], ['docs/T.md', 'docs/new/T.md']]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['history/doc-moved', 'history/doc-absent']);
    expect(result.diagnostics[1]?.message).toBe('The doc docs/T.md did not exist from Jan 18, 2026 until Jan 19, 2026: no declared progress for those days.');
    expect(result.shallow).toBeNull();
  });

  it('samples every commit on request, and incremental equals a fresh replay at each', async () => {
    const all = await backfillHistory({ root: repo, docPath: 'docs/new/T.md', metrics: METRICS, stages: standInStages, every: 'commit', since: '2026-01-19' });
    expect(all.records).toHaveLength(shas.length); // the merge, not its side-branch commit
    for (const record of all.records) expect(record.metrics.clients).toBe(gitGrepCount(record.commit ?? ''));
    expect(all.stats.samples).toBe(all.records.length);
  });

  it('starts at the doc\'s first commit when there is no start date, and reports progress', async () => {
    const progress: string[] = [];
    const result = await backfillHistory({
      root: repo, docPath: 'docs/new/T.md', metrics: METRICS, since: null, every: 'day',
      stages: { ...standInStages, parseDoc: (b, p) => ({ ...standInStages.parseDoc(b, p), header: { startDate: null } }) as never },
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    // The first day with the doc, plus the state just before it (the metrics' baseline).
    expect(result.records.map((r) => r.at.slice(0, 10))).toEqual(['2026-01-18', '2026-01-19', '2026-01-20', '2026-01-21', '2026-01-23']);
    expect(progress).toEqual(['log 0/0', 'replay 1/5', 'replay 2/5', 'replay 3/5', 'replay 4/5', 'replay 5/5']);
  });

  it('reports a shallow clone and works with what it has', async () => {
    const shallow = join(dir, 'shallow');
    git(dir, ['clone', '-q', '--depth', '2', `file://${repo}`, shallow]);
    const result = await backfillHistory({ root: shallow, docPath: 'docs/new/T.md', metrics: METRICS, stages: standInStages, since: '2026-01-01' });
    expect(result.shallow).toEqual({ startsAt: '2026-01-21', commits: 2 });
    expect(result.diagnostics.find((d) => d.code === 'history/shallow')?.message).toBe(
      'Shallow clone: history starts at 2026-01-21, 2 commits. Fetch more history (git fetch --unshallow) for a longer burndown.',
    );
    expect(result.records.map((r) => r.metrics.clients)).toEqual([1, 1]);
  });

  it('treats a missing blob (partial clone) as unreadable with a diagnostic, never a crash', async () => {
    const partial = join(dir, 'partial');
    // The fixture's objects are loose (never packed), so one blob can simply be removed.
    cpSync(repo, partial, { recursive: true });
    const blob = git(partial, ['rev-parse', `${shas[3]}:c.py`]).trim();
    const loose = join(partial, '.git/objects', blob.slice(0, 2), blob.slice(2));
    expect(existsSync(loose)).toBe(true);
    unlinkSync(loose);
    const result = await backfillHistory({ root: partial, docPath: 'docs/new/T.md', metrics: METRICS, stages: standInStages });
    expect(result.records.map((r) => r.metrics.clients)).toEqual([2, 2, 1, 1, 1]);
    const missing = result.diagnostics.filter((d) => d.code === 'history/missing-blob');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toMatch(new RegExp(`^Blob ${blob.slice(0, 12)} of c.py \\(commit [0-9a-f]{12}\\) is not in the repository, as in a partial clone`));
  });

  it('says so once for an empty repository and for a directory that is not a repository', async () => {
    const empty = join(dir, 'empty');
    git(dir, ['init', '-q', empty]);
    const none = mkdtempSync(join(tmpdir(), 'mt-not-git-'));
    try {
      for (const [root, code] of [[empty, 'history/empty-repo'], [none, 'history/not-git']] as const) {
        const result = await backfillHistory({ root, docPath: 'T.md', metrics: METRICS, stages: standInStages });
        expect(result.records).toEqual([]);
        expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
      }
    } finally {
      rmSync(none, { recursive: true, force: true });
    }
  });
});
