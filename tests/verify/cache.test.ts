import { describe, expect, it } from 'vitest';
import type { RepoTree } from '../../src/lib/scan/types.js';
import { createVerifyCache, verifyDoc } from '../../src/lib/verify/index.js';
import { doc, item } from './helpers.js';

/** A tree with git-like blob ids that counts its reads. */
function countingTree(files: Record<string, string>, reads: string[]): RepoTree {
  return {
    paths: Object.keys(files).sort(),
    read: async (p) => {
      reads.push(p);
      return p in files ? Buffer.from(files[p] as string) : null;
    },
    blobId: (p) => (p in files ? `blob:${files[p]}` : undefined),
  };
}

describe('verifyDoc across commits', () => {
  const a = item({ id: 'file-1', path: 'a.py', lines: ['Replace: `x.old()` → `x.new()`'], lineSpans: [{ kind: 'remove', start: 1, end: 2, label: '`f`', codeSpans: ['f'], source: { startLine: 3, endLine: 3 } }] });
  const b = item({ id: 'file-2', number: 2, path: 'a.py', lines: ['Replace: `y.old()` → `y.new()`'] });
  const d = doc([a, b]);

  it('reads each tracked file once per call, and not at all for a blob the cache has seen', async () => {
    const cache = createVerifyCache();
    const reads: string[] = [];
    const first = await verifyDoc(d, countingTree({ 'a.py': 'x.old()\n' }, reads), { cache });
    expect(reads).toEqual(['a.py']);
    const again = await verifyDoc(d, countingTree({ 'a.py': 'x.old()\n' }, reads), { cache });
    expect(reads).toEqual(['a.py']);
    expect(again).toEqual(first);
    await verifyDoc(d, countingTree({ 'a.py': 'x.new()\n' }, reads), { cache });
    expect(reads).toEqual(['a.py', 'a.py']);
  });

  it('keeps a verdict only while its file, or the rename of its missing file, is the same', async () => {
    const cache = createVerifyCache();
    const fresh = (files: Record<string, string>, renames: Map<string, string>) => verifyDoc(d, countingTree(files, []), { renames });
    const steps: [Record<string, string>, Map<string, string>][] = [
      [{ 'a.py': 'x.old()\n' }, new Map()],
      [{ 'a.py': 'x.new()\n' }, new Map()],
      [{ 'b.py': 'x.new()\n' }, new Map()],
      [{ 'b.py': 'x.new()\n' }, new Map([['a.py', 'b.py']])],
      [{ 'b.py': 'x.new()\n' }, new Map([['a.py', 'c.py']])],
      [{ 'a.py': 'x.new()\n' }, new Map([['a.py', 'c.py']])],
      [{ 'a.py': 'x.old()\n' }, new Map([['a.py', 'c.py']])],
    ];
    for (const [files, renames] of steps) {
      const walked = await verifyDoc(d, countingTree(files, []), { cache, renames });
      expect(walked.items).toEqual((await fresh(files, renames)).items);
    }
    expect((await verifyDoc(d, countingTree({}, []), { cache, renames: new Map([['a.py', 'b.py']]) })).items[0]?.renamedTo).toBe('b.py');
    expect((await verifyDoc(d, countingTree({}, []), { cache, renames: new Map([['a.py', 'c.py']]) })).items[0]?.renamedTo).toBe('c.py');
  });
});

describe('group members across commits', () => {
  it('a member the command no longer finds (it is migrated) keeps its slot when the caller passes it as known', async () => {
    const { memTree } = await import('./helpers.js');
    const group = {
      id: 'g', categoryId: 'c1', title: 'Processors', first: 1, last: 1, globs: [], listedPaths: [], vagueLines: [], commandIds: ['cmd-1'],
      status: { status: 'not-started' as const, raw: '⚪ Not Started (each)', each: true }, source: { startLine: 40, endLine: 50 },
    };
    const slot = item({ id: 'file-1', path: null, groupId: 'g', lines: ['Replace bigquery.Client() with get_bigquery_client()'] });
    const d = doc([slot], { groups: [group] });
    const migrated = memTree({ 'p/x.py': 'get_bigquery_client()\n' });
    const alone = await verifyDoc(d, migrated, { commandFiles: new Map([['cmd-1', []]]) });
    expect(alone.items.map((e) => [e.path, e.detectedStatus])).toEqual([[null, 'unknown']]);
    const known = await verifyDoc(d, migrated, { commandFiles: new Map([['cmd-1', []]]), knownMembers: new Map([['g', ['p/x.py', 'p/deleted.py']]]) });
    expect(known.items.map((e) => [e.path, e.detectedStatus])).toEqual([['p/x.py', 'done']]);
  });
});
