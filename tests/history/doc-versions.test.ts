/** DocVersions: the walk's doc versions are parsed a few ahead, once each, and failures are values. */
import { describe, expect, it } from 'vitest';
import { DocVersions, type DocVersion } from '../../src/lib/history/doc-versions.js';
import type { TrackingDoc } from '../../src/lib/doc/model.js';

const version = (n: number): DocVersion => ({ blob: `blob-${n}`, path: 'doc.md' });
const docOf = (v: DocVersion) => ({ path: v.blob }) as unknown as TrackingDoc;

describe('DocVersions', () => {
  it('starts the next three expected versions when one is asked for, and parses each once', async () => {
    const started: string[] = [];
    const versions = new DocVersions(async (v) => (started.push(v.blob), docOf(v)));
    versions.expect([1, 2, 3, 4, 5, 6].map(version));
    expect(await versions.parsed(version(1))).toEqual({ kind: 'parsed', doc: docOf(version(1)) });
    expect(started).toEqual(['blob-2', 'blob-3', 'blob-4', 'blob-1']);
    await versions.parsed(version(3)); // 2 is skipped (a day without a sample), 5 and 6 start
    expect(started).toEqual(['blob-2', 'blob-3', 'blob-4', 'blob-1', 'blob-5', 'blob-6']);
  });

  it('parses a version it was not told about, and reports a missing blob and a failure as values', async () => {
    const versions = new DocVersions(async (v) => {
      if (v.blob === 'gone') return null;
      if (v.blob === 'bad') throw new Error('boom');
      return docOf(v);
    });
    expect((await versions.parsed(version(9))).kind).toBe('parsed');
    expect(await versions.parsed({ blob: 'gone', path: 'doc.md' })).toEqual({ kind: 'missing' });
    expect(await versions.parsed({ blob: 'bad', path: 'doc.md' })).toEqual({ kind: 'failed', message: 'boom' });
  });
});
