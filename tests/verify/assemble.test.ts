import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { assembleSnapshot, itemUrl, verifyDoc, type MetricInput } from '../../src/lib/verify/index.js';
import { doc, item, memTree } from './helpers.js';

const repo = { root: '/tmp/repo', commit: 'abc123', isGit: true, webUrl: null, host: null };
const metric: MetricInput = {
  id: 'cmd-4', label: 'Find remaining bigquery.Client() calls', command: 'grep -r "bigquery\\.Client(" . | wc -l', unit: 'lines',
  value: 1, error: null, better: 'lower', categoryId: null, source: 'doc', docLine: 404,
  byFile: [{ path: 'a b/ü.py', count: 1 }], byDirectory: [{ path: 'a b', count: 1 }],
  matches: Array.from({ length: 600 }, (_, i) => ({ path: 'a b/ü.py', line: i + 1, text: 'x', before: [], after: [] })),
};

describe('assembleSnapshot', () => {
  it('builds a snapshot that passes its schema, with stable urls and same-file links', async () => {
    const items = [
      item({ id: 'file-1', number: 1, path: 'a b/ü.py', categoryId: 'c1', lines: ['Replace: `x.old()` → `x.new()`'] }),
      item({ id: 'file-27', number: 27, path: 'a b/ü.py', categoryId: 'c2', status: { status: 'done', raw: '✅ Complete', each: false } }),
      item({ id: 'file-41', number: 41, path: null, categoryId: 'c2', groupId: 'g' }),
    ];
    const d = doc(items);
    const verification = await verifyDoc(d, memTree({ 'a b/ü.py': 'y = x.new()\n' }));
    const snap = assembleSnapshot({ doc: d, repo, docCommit: 'def456', metrics: [metric], verification, generatedAt: '2026-02-08T00:00:00.000Z' });
    // Nothing is validated on the way: what is built must already be what the schema keeps.
    expect(Snapshot.parse(snap)).toStrictEqual(snap);
    expect(snap.items.map((i) => [i.id, i.url, i.sameFileItems, i.detectedStatus])).toEqual([
      ['file-1', 'files/a%20b/%C3%BC.py/', ['file-27'], 'done'],
      ['file-27', 'files/a%20b/%C3%BC.py/', ['file-1'], 'unknown'],
      ['file-41', 'items/41/', [], 'unknown'],
    ]);
    expect(snap.categories.map((c) => c.url)).toEqual(['categories/c1/', 'categories/c2/']);
    expect(snap.metrics[0]?.url).toBe('metrics/cmd-4/');
    expect(snap.metrics[0]?.matches).toHaveLength(500);
    expect(snap.totals).toEqual({ slots: 3, declaredDone: 1, verifiedDone: 1, noun: 'file' });
    expect(snap.doc).toEqual({ path: 'TRACKING.md', title: 'T', project: null, startDate: null, commit: 'def456', repairedFrom: null, text: '' });
    expect(snap.items[0]?.summary).toBe('all 2 checks pass');
    expect(snap.burndown).toBeNull();
    expect(snap.drift.map((x) => x.kind)).toEqual(['done-in-code-not-declared']);
  });

  it('item urls: each segment encoded, slashes kept', () => {
    expect(itemUrl({ id: 'file-66', path: 'backfill_jobs/scrapers/old copy of x.py' })).toBe('files/backfill_jobs/scrapers/old%20copy%20of%20x.py/');
    expect(itemUrl({ id: 'task-1.1', path: null })).toBe('items/task-1.1/');
    // "File 41" is /items/41/; a reused number keeps its disambiguated id.
    expect(itemUrl({ id: 'file-41', number: 41, path: null })).toBe('items/41/');
    expect(itemUrl({ id: 'file-5-dup-2', number: 5, path: null })).toBe('items/file-5-dup-2/');
    expect(itemUrl({ id: 'f', path: 'a/100%/#x?.py' })).toBe('files/a/100%25/%23x%3F.py/');
  });
});
