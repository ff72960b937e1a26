/**
 * grep -r's plan over a sorted tree takes each operand's files by bisection (tree/path-set.ts
 * prefixRange) and tests `--include="*.ext"` as a suffix (glob.ts): the files planned must be the
 * ones a walk of the whole list finds, whatever the names.
 */
import { describe, expect, it } from 'vitest';
import { parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { fnmatch } from '../../src/lib/scan/glob.js';
import { anyUnder, prefixRange } from '../../src/lib/scan/tree/path-set.js';
import { planSearch } from '../../src/lib/scan/walk.js';

/** Names that sort around a folder's: `a-b` and `a.py` before `a/`, `a0` and `ab` after it. */
const NAMES = ['a-b/x.py', 'a.py', 'a/.py', 'a/b.py', 'a/b/c.py', 'a/b/c.txt', 'a/b\nc.py', 'a/ü.py', 'a0/x.py', 'ab/x.py', 'b/a/x.py', 'b/x.PY', 'z.py'];

function tree(paths: string[]): RepoTree {
  return { paths, read: async () => null } as unknown as RepoTree;
}

function planned(command: string, t: RepoTree): string[] {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new Error(parsed.reason);
  return planSearch(parsed.pipeline.grep as Parameters<typeof planSearch>[0], t).files.map((f) => `${f.name}=${f.path}`);
}

describe('the files grep -r plans over a sorted tree', () => {
  const sorted = Object.freeze([...NAMES].sort());
  // Not frozen: nothing is cached for it and every path is tested (the walk before issue 21).
  const walked = [...sorted];
  const unsorted = [...NAMES].reverse();

  it.each([
    'grep -r x a/ --include="*.py"',
    'grep -r x a --include=*.py',
    'grep -r x a/b b/ a0 --include="*.py"',
    'grep -r x . --include="*.py" --exclude="c*"',
    'grep -r x ab/ a-b --include="*"',
    'grep -r x a/ --include="*.p[y]"',
    'grep -r x b --include="*.py"',
    'grep -r x missing/',
  ])('%s', (command) => {
    expect(planned(command, tree(sorted as string[]))).toEqual(planned(command, tree(walked)));
    expect(planned(command, tree(sorted as string[])).length).toBe(planned(command, tree(unsorted)).length);
  });

  it('finds the range of a prefix, and the whole list when it cannot bisect', () => {
    const inA = sorted.flatMap((p, k) => (p.startsWith('a/') ? [k] : []));
    expect(prefixRange(sorted, 'a/')).toEqual({ from: inA[0], to: (inA.at(-1) as number) + 1 });
    expect(prefixRange(unsorted, 'a/')).toEqual({ from: 0, to: unsorted.length });
    expect(prefixRange(Object.freeze(['b', 'a']), 'a')).toEqual({ from: 0, to: 2 });
    expect([anyUnder(sorted, 'a/b/'), anyUnder(sorted, 'a/c/'), anyUnder(unsorted, 'ab/'), anyUnder(sorted, 'zz')]).toEqual([true, false, true, false]);
  });

  it('bisects both ends of every prefix’s range', () => {
    const prefixes = new Set(sorted.flatMap((p) => Array.from({ length: p.length + 1 }, (_, n) => p.slice(0, n))));
    for (const prefix of [...prefixes, 'a/zz', '\uffff']) {
      const inside = sorted.flatMap((p, k) => (p.startsWith(prefix) ? [k] : []));
      const range = prefixRange(sorted, prefix);
      if (prefix === '') expect(range).toEqual({ from: 0, to: sorted.length });
      else if (inside.length === 0) expect(range.to - range.from).toBe(0);
      else expect([prefix, range]).toEqual([prefix, { from: inside[0], to: (inside.at(-1) as number) + 1 }]);
    }
  });

  it('tests a plain suffix glob as fnmatch does', () => {
    for (const name of ['x.py', '.py', 'py', 'x.py\n', 'x\n.py', 'x.PY', 'ü.py', 'x.pyc']) {
      expect([name, fnmatch('*.py', name)]).toEqual([name, name.endsWith('.py')]);
      expect([name, fnmatch('*', name)]).toEqual([name, true]);
    }
    expect([fnmatch('*.p?', 'x.py'), fnmatch('*\\*', 'a*'), fnmatch('*\\*', 'a*b'), fnmatch('*]', 'a]')]).toEqual([true, true, false, true]);
  });
});
