/**
 * Doc parsing on a worker thread (the backfill's parse-ahead): the same model as parseTrackingDoc,
 * version after version, and the same again when the worker cannot start.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { BackgroundDocParser } from '../../src/lib/history/background-parser.js';

const seed = readFileSync(new URL('../../examples/JITTER-ADOPTION-TRACKING.md', import.meta.url));
const mojibake = readFileSync(new URL('../fixtures/docs/seed-mojibake.md', import.meta.url));
const edited = Buffer.from(seed.toString('utf8').replace('⚪ Not Started', '✅ Complete'));

describe('BackgroundDocParser', () => {
  it('parses on a worker thread, giving what parseTrackingDoc gives', async () => {
    const parser = new BackgroundDocParser();
    onTestFinished(() => parser.close());
    expect(await parser.whenReady()).toBe(true);
    const versions = [seed, edited, mojibake, seed];
    const docs = await Promise.all(versions.map((bytes) => parser.parse(bytes, 'docs/TRACKING.md')));
    docs.forEach((doc, i) => expect(doc).toEqual(parseTrackingDoc(versions[i]!, 'docs/TRACKING.md')));
    expect(parser.parsedOnWorker).toBe(versions.length);
  });

  it('parses on this thread while the worker loads, and when it cannot start', async () => {
    const parser = new BackgroundDocParser(new URL('./no-such-worker.mjs', import.meta.url));
    onTestFinished(() => parser.close());
    expect(await parser.whenReady()).toBe(false);
    const docs = await Promise.all([parser.parse(seed, 'a.md'), parser.parse(edited, 'a.md')]);
    expect(docs).toEqual([parseTrackingDoc(seed, 'a.md'), parseTrackingDoc(edited, 'a.md')]);
    expect(parser.parsedOnWorker).toBe(0);
  });

  it('does not wait for the worker to load', async () => {
    const parser = new BackgroundDocParser();
    onTestFinished(() => parser.close());
    expect(await parser.parse(seed, 'a.md')).toEqual(parseTrackingDoc(seed, 'a.md'));
    expect(parser.parsedOnWorker).toBe(0);
  });
});
