import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../../src/lib/demo/index.js';
import { makeTestRepo, type TestCommit } from '../helpers/git-repo.js';
import { removeTempDirs, tempDir } from './fixture.js';

const COMMITS: TestCommit[] = [
  { date: '2026-01-19', message: 'first', files: { 'a.py': 'import requests\n', 'dir with space/b.py': 'x = 1\n' } },
  { date: '2026-01-20T09:30', message: 'second', files: { 'a.py': 'from pool import get\n' } },
  { date: '2026-01-21T10:00:00-08:00', message: 'third', files: { 'dir with space/b.py': null } },
];

afterAll(removeTempDirs);

describe('makeTestRepo', () => {
  it('writes commits with fixed dates, deletions and the last tree checked out', async () => {
    const dir = tempDir('mt-helper-');
    const { shas } = await makeTestRepo(join(dir, 'r'), COMMITS);
    expect(shas).toHaveLength(3);
    const log = await git(join(dir, 'r'), ['log', '--format=%H %aI %s']);
    expect(log.trim().split('\n')).toEqual([
      `${shas[2]} 2026-01-21T10:00:00-08:00 third`,
      `${shas[1]} 2026-01-20T09:30:00+00:00 second`,
      `${shas[0]} 2026-01-19T12:00:00+00:00 first`,
    ]);
    expect(readFileSync(join(dir, 'r', 'a.py'), 'utf8')).toBe('from pool import get\n');
    expect(existsSync(join(dir, 'r', 'dir with space', 'b.py'))).toBe(false);
    expect(await git(join(dir, 'r'), ['show', `${shas[0]}:dir with space/b.py`])).toBe('x = 1\n');
  });

  it('is deterministic', async () => {
    const dir = tempDir('mt-helper-');
    const a = await makeTestRepo(join(dir, 'a'), COMMITS);
    const b = await makeTestRepo(join(dir, 'b'), COMMITS);
    expect(a.shas).toEqual(b.shas);
  });
});
