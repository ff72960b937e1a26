/**
 * buildRecord looks each item's verdict up at the item's own position first (the verifier lists
 * them in doc order) and by id otherwise: a verification listed in another order, or missing an
 * item, gives the record a lookup by id gives, and verdicts that are the very same objects as the
 * point before keep that point's item state objects.
 */
import { describe, expect, it } from 'vitest';
import { buildRecord, type PointInput } from '../../src/lib/history/record.js';
import type { Verification } from '../../src/lib/history/stages.js';
import { parseLines } from './stand-in-stages.js';

const doc = parseLines(Buffer.from('item a cat1 done\nitem b cat1 not-started\nitem c cat2 in-progress\n'), 'DOC.md');
const verdict = (itemId: string, detectedStatus: string, remaining?: number) =>
  ({ itemId, detectedStatus, ...(remaining === undefined ? {} : { remaining: Array.from({ length: remaining }, () => ({})) }) });
const categories: Verification['categories'] = [
  { id: 'cat1', slots: 2, declared: { done: 1 }, verified: { done: 1 } },
  { id: 'cat2', slots: 1, declared: { done: 0 }, verified: { done: 0 } },
];
const point = (verification: Verification, commit: string): PointInput =>
  ({ at: '2026-01-01T00:00:00Z', commit, docCommit: commit, source: 'backfill', metrics: {}, doc, verification });

describe('buildRecord', () => {
  it('finds each verdict by id when the verification lists them in another order or leaves one out', () => {
    const a = verdict('a', 'done', 0), b = verdict('b', 'not-started', 3), c = verdict('c', 'in-progress');
    const inOrder = buildRecord(point({ items: [a, b, c], categories }, 'c1'));
    const shuffled = buildRecord(point({ items: [c, a, b], categories }, 'c1'));
    expect(shuffled).toEqual(inOrder);
    expect(inOrder.items).toEqual({
      a: { declared: 'done', detected: 'done', remaining: 0 },
      b: { declared: 'not-started', detected: 'not-started', remaining: 3 },
      c: { declared: 'in-progress', detected: 'in-progress' },
    });
    const withoutB = buildRecord(point({ items: [a, c], categories }, 'c1'));
    expect(withoutB.items.b).toEqual({ declared: 'not-started', detected: null });
  });

  it('keeps the state objects of items whose verdict is the same object as the point before, in any order', () => {
    const a = verdict('a', 'done', 0), b = verdict('b', 'not-started', 3), c = verdict('c', 'in-progress');
    const firstInput = point({ items: [a, b, c], categories }, 'c1');
    const first = buildRecord(firstInput);
    const b2 = verdict('b', 'done', 0);
    const second = buildRecord(point({ items: [c, b2, a], categories }, 'c2'), { input: firstInput, record: first });
    expect(second.items.a).toBe(first.items.a);
    expect(second.items.c).toBe(first.items.c);
    expect(second.items.b).toEqual({ declared: 'not-started', detected: 'done', remaining: 0 });
    expect(Object.keys(second.items)).toEqual(['a', 'b', 'c']);
  });
});
