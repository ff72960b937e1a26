import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_MANIFEST_FILE,
  generateDemoRepo,
  git,
  readDemoManifest,
  type DemoRepoInfo,
} from '../../src/lib/demo/index.js';
import { removeTempDirs, tempDir } from './fixture.js';

/**
 * Commit ids recorded on the machine that wrote the plan. The same commit stream (the middle part
 * of the version) must give the same HEAD on any machine; a mismatch means machine state leaked
 * into the objects. Update both when the plan, templates or seed change.
 */
const PINNED = { stream: '811e1e987073', head: '2be84e2958e9e562c6743e012e3d62beaddecf36' };

let a: DemoRepoInfo;
let generationMs = 0;

beforeAll(async () => {
  const started = Date.now();
  a = await generateDemoRepo(join(tempDir('mt-det-'), 'a'));
  generationMs = Date.now() - started;
});

afterAll(removeTempDirs);

describe('demo repo generation', () => {
  it('gives the same commit ids every run, quickly', async () => {
    expect(generationMs).toBeLessThan(10_000);
    const b = await generateDemoRepo(join(tempDir('mt-det-'), 'b'));
    const headA = (await git(a.root, ['rev-parse', 'HEAD'])).trim();
    const headB = (await git(b.root, ['rev-parse', 'HEAD'])).trim();
    expect(headA).toBe(headB);
    expect(headA).toBe(a.head);
    expect(a.drift).toEqual(b.drift);
    if (a.version.split('-')[1] === PINNED.stream) expect(a.head).toBe(PINNED.head);
    else console.warn(`demo plan changed (version ${a.version}); update PINNED in ${import.meta.url}`);
  });

  it('survives concurrent callers on the same directory', async () => {
    const dir = join(tempDir('mt-race-'), 'r');
    const results = await Promise.all([generateDemoRepo(dir), generateDemoRepo(dir), generateDemoRepo(dir)]);
    expect(new Set(results.map((r) => r.head)).size).toBe(1);
    expect((await git(dir, ['rev-parse', 'HEAD'])).trim()).toBe(results[0]!.head);
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('is idempotent: a current repo is left untouched, --force regenerates', async () => {
    const first = a;
    const dir = join(a.root, '..');
    const manifest = join(first.root, DEMO_MANIFEST_FILE);
    const before = statSync(manifest).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const again = await generateDemoRepo(join(dir, 'a'));
    expect(again.head).toBe(first.head);
    expect(statSync(manifest).mtimeMs).toBe(before);
    const forced = await generateDemoRepo(join(dir, 'a'), { force: true });
    expect(forced.head).toBe(first.head);
    expect(statSync(manifest).mtimeMs).not.toBe(before);
    expect(readDemoManifest(join(dir, 'a'))?.version).toBe(first.version);
  });

  it('keeps the manifest out of git and the tree clean', async () => {
    const info = a;
    expect(await git(info.root, ['status', '--porcelain'])).toBe('');
    expect(await git(info.root, ['ls-files', DEMO_MANIFEST_FILE])).toBe('');
  });

  it('refuses to replace a directory it did not make', async () => {
    const dir = tempDir('mt-refuse-');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'keep me');
    await expect(generateDemoRepo(join(dir, 'mine'))).rejects.toThrow(/not a generated demo repo/);
  });

  it('records history facts that git confirms', async () => {
    const info = a;
    expect(Number(await git(info.root, ['rev-list', '--count', 'main']))).toBe(info.commits);
    expect(Number(await git(info.root, ['rev-list', '--first-parent', '--count', 'main']))).toBe(
      info.firstParentCommits,
    );
    expect(info.commits).toBeGreaterThanOrEqual(60);
    expect(info.commits).toBeLessThanOrEqual(120);
    const dates = (await git(info.root, ['log', '--format=%aI %cI', 'main'])).trim().split('\n');
    for (const line of dates) {
      const [authored, committed] = line.split(' ');
      expect(authored).toBe(committed);
      expect(authored! >= '2026-01-19' && authored! < '2026-02-09').toBe(true);
    }
    expect(info.expected.merges).toHaveLength(1);
    for (const merge of info.expected.merges) {
      const parents = (await git(info.root, ['rev-list', '--parents', '-n', '1', merge.commit])).trim().split(' ');
      expect(parents).toHaveLength(3);
      expect(parents[2]).toBe(merge.branchCommits.at(-1));
    }
    // Several commits on most days: every day of the three weeks has at least one.
    const days = new Set(dates.map((d) => d.slice(0, 10)));
    expect(days.size).toBe(21);
  });
});
