/**
 * TreeState's sorted path list, kept by merging each commit's added and removed paths into the
 * last list (issue 21, item 4): after any mix of additions, deletions, renames, a path deleted and
 * added back, or added and deleted again before the list is asked for, it is the list a full sort
 * of the tree's paths gives, and a new array only when the file list changed.
 */
import { describe, expect, it } from 'vitest';
import type { RawChange } from '../../src/lib/history/git-log.js';
import { comparePaths, TreeState } from '../../src/lib/history/tree-state.js';

const add = (path: string, blob = 'b1'): RawChange => ({ status: 'A', path, from: null, mode: '100644', blob });
const modify = (path: string, blob: string): RawChange => ({ status: 'M', path, from: null, mode: '100644', blob });
const del = (path: string): RawChange => ({ status: 'D', path, from: null, mode: '000000', blob: '0'.repeat(40) });
const rename = (from: string, path: string): RawChange => ({ status: 'R', path, from, mode: '100644', blob: 'b2' });
const link = (path: string): RawChange => ({ status: 'T', path, from: null, mode: '120000', blob: 'b3' });

/** Deterministic pseudo-random numbers (a test that fails must fail the same way again). */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('TreeState.paths', () => {
  it('merges each batch of changes into the list a full sort gives', () => {
    const state = new TreeState();
    const present = new Set<string>();
    const next = random(21);
    const names = Array.from({ length: 60 }, (_, i) => `${i % 3 === 0 ? 'src/' : i % 3 === 1 ? 'lib/x-' : ''}f${(i * 37) % 60}.py`);
    for (let step = 0; step < 300; step++) {
      // Several commits between two looks at the list, as when the walk evaluates every few commits.
      for (let c = 0; c < 1 + Math.floor(next() * 3); c++) {
        const path = names[Math.floor(next() * names.length)]!;
        const other = names[Math.floor(next() * names.length)]!;
        const r = next();
        let changes: RawChange[];
        if (!present.has(path)) changes = [add(path)];
        else if (r < 0.3) changes = [del(path)];
        else if (r < 0.45 && !present.has(other)) changes = [rename(path, other)];
        else if (r < 0.55) changes = [link(path)]; // no longer a regular file: out of the list
        else changes = [modify(path, `b${step}`)];
        state.apply(changes);
        for (const change of changes) {
          if (change.from !== null) present.delete(change.from);
          if (change.status === 'D' || change.mode === '120000') present.delete(change.path);
          else present.add(change.path);
        }
      }
      expect(state.paths()).toEqual([...present].sort(comparePaths));
    }
  });

  it('keeps a path deleted and added back, drops one added and deleted, and keeps the array when nothing was added or removed', () => {
    const state = new TreeState();
    state.apply([add('b.py'), add('d.py')]);
    const first = state.paths();
    expect(first).toEqual(['b.py', 'd.py']);
    state.apply([del('b.py')]);
    state.apply([add('b.py', 'b9'), add('c.py')]);
    state.apply([del('c.py'), add('a.py')]);
    expect(state.paths()).toEqual(['a.py', 'b.py', 'd.py']);
    const second = state.paths();
    state.apply([modify('d.py', 'b7')]);
    expect(state.paths()).toBe(second);
    state.apply([del('a.py'), add('a.py', 'b8')]);
    expect(state.paths()).toEqual(['a.py', 'b.py', 'd.py']);
  });
});
