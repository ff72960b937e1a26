/**
 * Issue 22 item 5: a group's slots are filled, at each commit of the backfill, from what its
 * "Command to find" finds on that commit's tree. The group's three slots have no path of their own
 * (no list, no glob), so a slot has a verdict only when the command found a file for it: one file
 * at the first commit, three at the second, two at the third (one migrated away: the command no
 * longer finds it), while the doc counts three slots throughout. Filling from HEAD's files, or
 * from the first commit's, fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillHistory, createHistoryStages, type BackfillResult } from '../../src/lib/history/index.js';
import { planMetrics } from '../../src/lib/pipeline/metrics.js';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { buildRepo, git } from './fixture-repo.js';

const DOC = [
  '# Client migration',
  '',
  '**Start Date:** 2025-01-01',
  '',
  '## Task 1: Pooled clients (3 files)',
  '',
  '#### Files 1-3: Modules building their own client',
  '- **Status:** ⚪ Not Started (each)',
  '',
  '**Command to find:**',
  '```bash',
  'grep -rl "OldClient(" src',
  '```',
  '',
].join('\n');

let root: string;
let shas: string[];
let result: BackfillResult;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mt-slots-'));
  shas = buildRepo(root, [
    { at: '2025-01-02T10:00:00Z', files: { 'docs/MIGRATION.md': DOC, 'src/a.py': 'c = OldClient()\n', 'src/b.py': 'pass\n' } },
    { at: '2025-01-03T10:00:00Z', files: { 'src/b.py': 'c = OldClient(1)\n', 'src/c.py': 'OldClient(2)\n' } },
    { at: '2025-01-04T10:00:00Z', files: { 'src/a.py': 'c = pooled()\n' } },
  ]);
  const doc = parseTrackingDoc(git(root, ['show', 'HEAD:docs/MIGRATION.md']), 'docs/MIGRATION.md');
  result = await backfillHistory({ root, docPath: 'docs/MIGRATION.md', metrics: planMetrics(doc, [], []), stages: createHistoryStages() });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The slots that got a verdict at each recorded commit (a slot without a file is `unknown`). */
function filledSlots(): Array<[string, string[]]> {
  return result.records.map((r) => [
    r.commit ?? '',
    Object.entries(r.items)
      .filter(([, item]) => item.detected !== null && item.detected !== 'unknown')
      .map(([id]) => id)
      .sort(),
  ]);
}

/** What the command finds at a commit, by real git grep on that commit: the files that fill the slots. */
function foundAt(sha: string): string[] {
  try {
    return git(root, ['grep', '-l', 'OldClient(', sha, '--', 'src']).split('\n').filter(Boolean).map((l) => l.slice(sha.length + 1)).sort();
  } catch {
    return []; // git grep exits 1 when nothing matches
  }
}

describe("a group's slots filled from its Command to find at each commit", () => {
  it('gives a verdict to as many slots as the command finds files, commit by commit', () => {
    expect(result.records.map((r) => r.commit)).toEqual(shas);
    const expected: Array<[string, string[]]> = shas.map((sha) => [sha, foundAt(sha).slice(0, 3).map((_, k) => `file-${k + 1}`)]);
    expect(expected.map(([, ids]) => ids.length)).toEqual([1, 3, 2]);
    expect(filledSlots()).toEqual(expected);
  });

  it('records the doc’s three slots at every commit, filled or not', () => {
    expect(result.records.map((r) => r.slots)).toEqual([3, 3, 3]);
  });
});
