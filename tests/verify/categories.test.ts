/**
 * categoryVerdicts groups the doc's items by category once per items list and reuses a category's
 * verdict while its items' verdicts are the same objects: an item added to the list since, or a
 * verdict replaced, is counted again.
 */
import { describe, expect, it } from 'vitest';
import { categoryVerdicts, type CategoryMemo } from '../../src/lib/verify/categories.js';
import type { ItemEvaluation } from '../../src/lib/verify/types.js';
import { doc, item } from './helpers.js';

const evaluation = (itemId: string, detectedStatus: ItemEvaluation['detectedStatus']): ItemEvaluation =>
  ({ itemId, path: `${itemId}.py`, detectedStatus, checks: [], remaining: [], renamedTo: null, summary: '' });

describe('categoryVerdicts', () => {
  it('counts an item added to the same items list, and a replaced verdict, with a memo', () => {
    const d = doc([item({ id: 'file-1', number: 1, categoryId: 'a', path: 'file-1.py' }), item({ id: 'file-2', number: 2, categoryId: 'b', path: 'file-2.py' })]);
    const evaluations = new Map([['file-1', evaluation('file-1', 'done')], ['file-2', evaluation('file-2', 'not-started')]]);
    const memo: CategoryMemo = new Map();
    const first = categoryVerdicts(d, evaluations, new Map(), memo);
    expect(first.map((c) => [c.id, c.slots, c.verified.done])).toEqual([['a', 1, 1], ['b', 1, 0]]);
    // The same verdict objects: the very same category verdicts back.
    const again = categoryVerdicts(d, evaluations, new Map(), memo);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);

    d.items.push(item({ id: 'file-3', number: 3, categoryId: 'a', path: 'file-3.py' }));
    evaluations.set('file-3', evaluation('file-3', 'done'));
    evaluations.set('file-2', evaluation('file-2', 'done'));
    const grown = categoryVerdicts(d, evaluations, new Map(), memo);
    expect(grown.map((c) => [c.id, c.slots, c.verified.done])).toEqual([['a', 2, 2], ['b', 1, 1]]);
  });
});
