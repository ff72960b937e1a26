/**
 * The backfill with the real parser, scanner and verifier on a small repo from makeTestRepo, every
 * commit sampled: each metric equals real `git grep` at that commit, declared done equals a regex
 * count over `git show <sha>:<doc>`, and a doc that did not exist yet gives no declared data; the
 * work tree's doc handed over already parsed changes nothing but the parse it saves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { backfillHistory, createHistoryStages, type BackfillResult } from '../../src/lib/history/index.js';
import { makeTestRepo } from '../helpers/git-repo.js';
import { declaredDoneAt, gitGrepMetric } from './oracle.js';

const DOC = 'docs/TRACKING.md';
const METRICS = [
  { id: 'bq-clients', command: 'grep -r "bigquery\\.Client(" app/ --include="*.py" | wc -l' },
  { id: 'http-files', command: 'grep -r "requests\\.get" app/ --include="*.py" | cut -d: -f1 | sort -u' },
];

function doc(done: number[]): string {
  const entry = (n: number, path: string) =>
    [`### File ${n}: ${path.split('/').pop()}`, `- **Path:** \`${path}\``, `- **Status:** ${done.includes(n) ? '✅ Complete' : '⚪ Not Started'}`,
      '- **Changes:**', '  - [ ] Replace: `bigquery.Client(` → `get_bigquery_client(`', ''].join('\n');
  return ['# Small Migration - File Tracking', '', '**Start Date:** January 19, 2026', '', '---', '',
    '## ✅ Task 1: BigQuery Pooling (2 files)', '', entry(1, 'app/a.py'), entry(2, 'app/b.py'), '---', ''].join('\n');
}

let dir: string;
let result: BackfillResult;
let root: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mt-small-'));
  ({ root } = await makeTestRepo(join(dir, 'repo'), [
    { date: '2026-01-18T10:00:00-08:00', message: 'code', files: { 'app/a.py': 'c = bigquery.Client()\nrequests.get(u)\n', 'app/b.py': 'bigquery.Client()\nbigquery.Client()\n' } },
    { date: '2026-01-19T09:00:00-08:00', message: 'doc', files: { [DOC]: doc([]) } },
    { date: '2026-01-19T11:00:00-08:00', message: 'a done', files: { 'app/a.py': 'c = get_bigquery_client()\nrequests.get(u)\n', [DOC]: doc([1]) } },
    { date: '2026-01-20T11:00:00-08:00', message: 'new file', files: { 'app/c.py': 'requests.get(x)\nbigquery.Client()\n' } },
    { date: '2026-01-21T11:00:00-08:00', message: 'b done, c gone', files: { 'app/b.py': 'get_bigquery_client()\n', 'app/c.py': null, [DOC]: doc([1, 2]) } },
  ]));
  result = await backfillHistory({ root, docPath: DOC, metrics: METRICS, stages: createHistoryStages(), every: 'commit' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backfill on a makeTestRepo history (real stages, every commit)', () => {
  it('samples every commit from the state before the start date', () => {
    expect(result.records.map((r) => r.at)).toEqual([
      '2026-01-18T10:00:00-08:00', '2026-01-19T09:00:00-08:00', '2026-01-19T11:00:00-08:00', '2026-01-20T11:00:00-08:00', '2026-01-21T11:00:00-08:00',
    ]);
  });

  it('matches git grep for every metric at every commit', () => {
    for (const record of result.records) {
      for (const metric of METRICS) expect(record.metrics[metric.id]).toBe(gitGrepMetric(root, record.commit!, metric.command));
    }
    expect(result.records.map((r) => r.metrics['bq-clients'])).toEqual([3, 3, 2, 3, 0]);
    expect(result.records.map((r) => r.metrics['http-files'])).toEqual([1, 1, 1, 2, 1]);
  });

  it('matches the doc at every commit, and has no declared data before the doc existed', () => {
    expect(result.records.map((r) => r.declaredDone)).toEqual(result.records.map((r) => declaredDoneAt(root, r.commit!, DOC)));
    expect(result.records.map((r) => [r.declaredDone, r.slots])).toEqual([[null, null], [0, 2], [1, 2], [1, 2], [2, 2]]);
    expect(result.records.at(-1)?.items['file-2']).toEqual({ declared: 'done', detected: 'done', remaining: 0 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['history/doc-absent']);
  });
});

describe('the work tree doc handed to the stages, already parsed', () => {
  it('stands for a version with the very same bytes at the same path, and only that', () => {
    const bytes = Buffer.from(doc([1, 2]));
    const model = parseTrackingDoc(bytes, DOC);
    const stages = createHistoryStages({ parsed: { path: DOC, bytes, doc: model } });
    expect(stages.parseDoc(Buffer.from(doc([1, 2])), DOC)).toBe(model);
    expect(stages.parseDoc(Buffer.from(doc([1, 2])), 'docs/OTHER.md')).not.toBe(model);
    const older = stages.parseDoc(Buffer.from(doc([1])), DOC);
    expect(older).not.toBe(model);
    expect(older.items.map((i) => i.status.status)).toEqual(['done', 'not-started']);
  });

  it('gives the same records as a backfill that parses every version itself', async () => {
    const bytes = Buffer.from(execFileSync('git', ['show', `HEAD:${DOC}`], { cwd: root }));
    const stages = createHistoryStages({ parsed: { path: DOC, bytes, doc: parseTrackingDoc(bytes, DOC) } });
    const again = await backfillHistory({ root, docPath: DOC, metrics: METRICS, stages, every: 'commit' });
    expect(again.records).toEqual(result.records);
  });
});
