/**
 * BlobReader: one `git cat-file --batch` for the walk. Reads come back in order with the right
 * bytes, whether asked for ahead (prefetch) or not, and a missing object reads as null.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReader } from '../../src/lib/git/cat-file.js';
import { makeTestRepo } from '../helpers/git-repo.js';
import { git } from './fixture-repo.js';

let root: string;
let blobs: Record<string, string>;
const contents: Record<string, string> = { 'a.py': 'print(1)\n', 'b.py': 'x = 2\n'.repeat(20_000), 'c.txt': '' };

beforeAll(async () => {
  root = (await makeTestRepo(mkdtempSync(join(tmpdir(), 'mt-catfile-')), [{ date: '2026-01-19', message: 'files', files: contents }])).root;
  blobs = Object.fromEntries(Object.keys(contents).map((path) => [path, git(root, ['rev-parse', `HEAD:${path}`]).trim()]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('BlobReader', () => {
  it('reads blobs, prefetched or not, many in flight, with a missing one in between', async () => {
    const reader = new BlobReader(root);
    try {
      reader.prefetch([blobs['b.py']!, blobs['a.py']!]);
      const missing = '0123456789abcdef0123456789abcdef01234567';
      const reads = await Promise.all([blobs['a.py']!, missing, blobs['c.txt']!, blobs['b.py']!, blobs['a.py']!].map((oid) => reader.read(oid)));
      expect(reads.map((b) => b?.toString('utf8') ?? null)).toEqual([contents['a.py'], null, '', contents['b.py'], contents['a.py']]);
    } finally {
      reader.close();
    }
  });

  it('still reads a blob whose prefetch was dropped by later ones', async () => {
    const reader = new BlobReader(root);
    try {
      reader.prefetch([blobs['a.py']!]);
      reader.prefetch([blobs['b.py']!]);
      reader.prefetch([blobs['c.txt']!]);
      expect((await reader.read(blobs['a.py']!))?.toString('utf8')).toBe(contents['a.py']);
    } finally {
      reader.close();
    }
  });
});
