import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentRepo, enterRepo, routePaths, withRepo, type MergedRepo } from '../../src/lib/site/repo-scope.js';

// A merged build (issue 24): the routes of src/pages list a repository's paths only when asked
// inside its scope (src/merged/repo-pages.ts), never at the build's root.
describe('repository scope of a merged build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mt-repo-scope-'));
  const repo: MergedRepo = { name: 'billing-api', snapshotFile: join(dir, 's.json'), historyFile: join(dir, 'h.json') };
  const before = process.env.MIGRATRACK_MERGE_MANIFEST;
  beforeAll(() => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ version: 1, base: '/', repos: [repo] }));
    process.env.MIGRATRACK_MERGE_MANIFEST = manifest;
  });
  afterAll(() => {
    enterRepo(null);
    if (before === undefined) delete process.env.MIGRATRACK_MERGE_MANIFEST;
    else process.env.MIGRATRACK_MERGE_MANIFEST = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists paths inside a repository’s scope and none at the root', () => {
    expect(routePaths(() => ['a'])).toEqual([]);
    expect(withRepo(repo, () => routePaths(() => ['a']))).toEqual(['a']);
    expect(currentRepo()).toBeNull();
  });

  // The last repository page rendered leaves its repository current (repo-page.astro enters it
  // and nothing leaves it); Astro lists the routes after it then, at the root.
  it('lists none at the root after a page left its repository current', () => {
    enterRepo(repo);
    expect(currentRepo()).toBe(repo);
    let listed = 0;
    expect(routePaths(() => [++listed])).toEqual([]);
    expect(listed).toBe(0);
    expect(withRepo(repo, () => routePaths(() => [++listed]))).toEqual([1]);
  });
});
