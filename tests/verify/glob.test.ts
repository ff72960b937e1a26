/**
 * The doc's path globs over a tree's list (verify/glob.ts): each glob is tested only where its
 * literal start puts it in a sorted list; the members must be those of a test of every path, in
 * the list's order.
 */
import { describe, expect, it } from 'vitest';
import { matchGlobs } from '../../src/lib/verify/glob.js';

const PATHS = [
  'orchestration/cloud_functions/a/main.py', 'orchestration/cloud_functions/b/main.py', 'orchestration/cloud_functions/b/x/main.py',
  'orchestration/cloud_functionsX/c/main.py', 'orchestration/main.py', 'orchestration-old/cloud_functions/d/main.py',
  'data_processors/p1.py', 'data_processors/p2.py', 'data_processors/raw/p3.py', 'main.py', 'x/main.py',
].sort();

describe('matchGlobs', () => {
  const sorted = Object.freeze([...PATHS]);
  // Not frozen: no range is taken and every path is tested.
  const walked = [...PATHS];

  it.each([
    [['orchestration/cloud_functions/*/main.py']],
    [['./orchestration/cloud_functions/**/main.py']],
    [['orchestration/cloud_functions*/*/main.py']],
    [['**/main.py']],
    [['{data_processors,orchestration}/*.py']],
    [['data_processors/p?.py', 'orchestration/*.py', 'main.py']],
    [['x/main.py', 'data_processors/**']],
    [['orchestration']],
  ])('%j', (globs) => {
    const members = matchGlobs(globs, sorted);
    expect(members).toEqual(matchGlobs(globs, walked));
    expect(members).toEqual(PATHS.filter((p) => members.includes(p)));
  });

  it('finds what each glob names', () => {
    expect(matchGlobs(['orchestration/cloud_functions/*/main.py'], sorted)).toEqual(['orchestration/cloud_functions/a/main.py', 'orchestration/cloud_functions/b/main.py']);
    expect(matchGlobs(['x/main.py', 'data_processors/p?.py'], sorted)).toEqual(['data_processors/p1.py', 'data_processors/p2.py', 'x/main.py']);
  });
});
