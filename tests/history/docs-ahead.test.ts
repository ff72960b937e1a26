/**
 * The doc's past versions parsed on a second thread (issue 21, item 4): the versions the walk will
 * parse are listed from the log alone, exactly as the walk meets them (renames, deletion, a version
 * coming back), and a backfill whose versions went through the thread writes the very records of
 * one that parsed them all in its own thread, each checked against `git show` and `git grep`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillHistory, createHistoryStages, type BackfillResult } from '../../src/lib/history/index.js';
import { docVersionsToParse } from '../../src/lib/history/doc-versions.js';
import { MIN_VERSIONS_AHEAD } from '../../src/lib/history/docs-ahead.js';
import type { LogCommit, RawChange } from '../../src/lib/history/git-log.js';
import type { HistoryStages } from '../../src/lib/history/stages.js';
import { TreeState } from '../../src/lib/history/tree-state.js';
import type { WalkState } from '../../src/lib/history/walk.js';
import { makeTestRepo, type TestCommit } from '../helpers/git-repo.js';
import { declaredDoneAt, gitGrepMetric } from './oracle.js';

const change = (status: RawChange['status'], path: string, blob: string, from: string | null = null): RawChange =>
  ({ status, path, from, mode: status === 'D' ? '000000' : '100644', blob });
const state = (i: number, changes: RawChange[]): WalkState => {
  const commit: LogCommit = { sha: `c${i}`, at: `2026-01-0${i}T00:00:00Z`, parents: [], changes };
  return { sha: commit.sha, at: commit.at, commit };
};

describe('docVersionsToParse', () => {
  it('lists the blob at each sample once per change, following a rename, a deletion and a return', () => {
    const states = [
      state(1, [change('A', 'old.md', 'b1'), change('A', 'x.py', 'x1')]),
      state(2, [change('M', 'x.py', 'x2')]), // doc unchanged: no new version
      state(3, [change('M', 'old.md', 'b2')]),
      state(4, [change('R', 'doc.md', 'b2', 'old.md')]), // moved, same content: parsed already
      state(5, [change('M', 'doc.md', 'b3')]), // not sampled, then changed again
      state(6, [change('M', 'doc.md', 'b1')]), // an old version again, after another one
      state(7, [change('D', 'doc.md', '0')]),
      state(8, [change('A', 'doc.md', 'b1')]), // back as it was last parsed: the walk keeps that parse
    ];
    const pathAt = (i: number) => (i < 3 ? 'old.md' : 'doc.md');
    const samples = new Set([0, 1, 2, 3, 5, 6, 7]);
    expect(docVersionsToParse(states, samples, pathAt, new TreeState())).toEqual([
      { blob: 'b1', path: 'old.md' },
      { blob: 'b2', path: 'old.md' },
      { blob: 'b1', path: 'doc.md' },
    ]);
  });
});

const DOC = 'docs/TRACKING.md';
const FILES = ['app/a.py', 'app/b.py', 'app/c.py', 'app/d.py', 'app/e.py', 'app/f.py', 'app/g.py', 'app/h.py'];
const METRICS = [{ id: 'bq', command: 'grep -r "bigquery\\.Client(" app/ --include="*.py" | wc -l' }];

function doc(done: number): string {
  const entry = (n: number, path: string) =>
    [`### File ${n + 1}: ${path.split('/').pop()}`, `- **Path:** \`${path}\``, `- **Status:** ${n < done ? '✅ Complete' : '⚪ Not Started'}`,
      '- **Changes:**', `  - [${n < done ? 'x' : ' '}] Replace: \`bigquery.Client(\` → \`get_bigquery_client(\``, ''].join('\n');
  return ['# Ahead - File Tracking', '', '**Start Date:** January 5, 2026', '', '---', '',
    `## Task 1: BigQuery Pooling (${FILES.length} files)`, '', ...FILES.map((p, n) => entry(n, p)), '---', ''].join('\n');
}

/** A file migrated and the doc updated on each commit, the doc moved half-way. */
function history(): TestCommit[] {
  const commits: TestCommit[] = [{ date: '2026-01-04T10:00:00Z', message: 'code', files: Object.fromEntries(FILES.map((p) => [p, 'c = bigquery.Client()\n'])) }];
  for (const [n, path] of FILES.entries()) {
    const docPath = n < 4 ? 'TRACKING.md' : DOC;
    commits.push({
      date: `2026-01-${String(5 + n).padStart(2, '0')}T10:00:00Z`,
      message: `migrate ${path}`,
      files: { [path]: 'c = get_bigquery_client()\n', [docPath]: doc(n + 1), ...(n === 4 ? { 'TRACKING.md': null } : {}) },
    });
  }
  return commits;
}

let dir: string;
let root: string;
let ahead: BackfillResult;
let inThread: BackfillResult;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mt-ahead-'));
  ({ root } = await makeTestRepo(join(dir, 'repo'), history()));
  const options = { root, docPath: DOC, metrics: METRICS, every: 'commit' as const };
  ahead = await backfillHistory({ ...options, stages: createHistoryStages() });
  const { docsAhead: _unused, ...own } = createHistoryStages();
  inThread = await backfillHistory({ ...options, stages: own satisfies HistoryStages });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a backfill parsing the doc ahead on a thread', () => {
  it('parsed the versions there (enough of them to start it)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(MIN_VERSIONS_AHEAD);
    expect(ahead.stats.docParses).toBe(FILES.length);
    expect(ahead.stats.docsParsedAhead).toBe(FILES.length);
    expect(inThread.stats.docsParsedAhead).toBe(0);
    expect(inThread.stats.docParses).toBe(FILES.length);
  });

  it('writes the same records as parsing in the walk, and they match git', () => {
    expect(ahead.records).toEqual(inThread.records);
    expect(ahead.diagnostics).toEqual(inThread.diagnostics);
    expect(ahead.records.map((r) => r.declaredDone)).toEqual([null, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const record of ahead.records.slice(1)) {
      const path = record.at < '2026-01-09' ? 'TRACKING.md' : DOC;
      expect(record.declaredDone).toBe(declaredDoneAt(root, record.commit!, path));
      expect(record.metrics.bq).toBe(gitGrepMetric(root, record.commit!, METRICS[0]!.command));
    }
  });
});
