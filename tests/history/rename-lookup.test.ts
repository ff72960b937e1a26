/**
 * The cheap rename lookup used without a backfill (issue 22 item 6), on real throwaway git repos:
 * a file moved (even twice, even edited on the way) is found at its path now; a deleted file, a
 * file never there, and a rename whose target is gone again are not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupRenames } from '../../src/lib/history/index.js';
import { makeTestRepo } from '../helpers/git-repo.js';
import { git } from './fixture-repo.js';

const body = (name: string): string => Array.from({ length: 30 }, (_, k) => `def ${name}_${k}():\n    return ${k}\n`).join('');

let root: string;
let present: Set<string>;
const dir = mkdtempSync(join(tmpdir(), 'mt-renames-'));
beforeAll(async () => {
  ({ root } = await makeTestRepo(join(dir, 'repo'), [
    { date: '2026-01-05', message: 'start', files: { 'a.py': body('a'), 'b.py': body('b'), 'c.py': body('c'), 'd.py': body('d'), 'keep.py': 'x = 1\n' } },
    { date: '2026-01-06', message: 'move a', files: { 'a.py': null, 'src/a2.py': body('a') } },
    { date: '2026-01-07', message: 'move a again, delete b, move and edit c', files: { 'src/a2.py': null, 'lib/a3.py': body('a'), 'b.py': null, 'c.py': null, 'pkg/c.py': `${body('c')}# moved\n` } },
    { date: '2026-01-08', message: 'move d, then drop it', files: { 'd.py': null, 'gone/d.py': body('d') } },
    { date: '2026-01-09', message: 'drop d', files: { 'gone/d.py': null } },
  ]));
  present = new Set(git(root, ['ls-files']).split('\n').filter(Boolean));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lookupRenames', () => {
  it('finds where moved files are now, and only those', async () => {
    const found = await lookupRenames(root, ['a.py', 'b.py', 'c.py', 'd.py', 'never.py', 'keep.py'], (p) => present.has(p));
    expect(Object.fromEntries(found)).toEqual({ 'a.py': 'lib/a3.py', 'c.py': 'pkg/c.py' });
  });

  it('agrees with git log --follow for each renamed file', async () => {
    const found = await lookupRenames(root, ['a.py', 'c.py'], (p) => present.has(p));
    for (const [from, to] of found) {
      const names = git(root, ['log', '--follow', '--name-only', '--format=', '--', to]).split('\n').filter(Boolean);
      expect(names.at(-1), `${to} started as`).toBe(from);
    }
  });

  it('stops after maxHops renames', async () => {
    const found = await lookupRenames(root, ['a.py'], (p) => present.has(p), { maxHops: 1 });
    expect(found.size).toBe(0);
  });

  it('returns nothing outside a git repository', async () => {
    expect((await lookupRenames(dir, ['a.py'], () => true)).size).toBe(0);
  });
});
