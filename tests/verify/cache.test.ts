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
});
