/**
 * gitTree against git itself: per-file counts equal `git grep -c` at a past commit and in the
 * working tree; ignored files are absent, symlinks are not regular files, odd names round-trip.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanCache, decodePath, evaluatePipeline, gitTree, parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { gitInit, makeFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let first: string;
const env = { ...process.env, GIT_AUTHOR_DATE: '2025-01-02T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-02T00:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
const git = (...args: string[]): Buffer => execFileSync('git', args, { cwd: fx.root, env, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  fx = makeFixture();
  first = gitInit(fx.root);
  // A second commit: one call migrated, one file added; then an uncommitted edit.
  fs.writeFileSync(path.join(fx.root, 'src/a.py'), 'import x\nc = get_bigquery_client()\nd = bigquery.Client()\n');
  fs.writeFileSync(path.join(fx.root, 'src/new.py'), 'bigquery.Client(new)\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'two');
  fs.writeFileSync(path.join(fx.root, 'src/b.py'), 'bigquery.Client(dirty)\n');
});
afterAll(() => fs.rmSync(path.dirname(fx.root), { recursive: true, force: true }));

/** `git grep -c -z` → path → count (bin/ excluded: git grep treats binary files its own way). */
function gitGrepCounts(pattern: string, rev?: string, untracked = false): Map<string, number> {
  const out = git('grep', ...(untracked ? ['--untracked'] : []), '-c', '-z', '-e', pattern, ...(rev ? [rev] : []), '--', '.', ':!bin').toString('latin1');
  const m = new Map<string, number>();
  // -z: "<rev>:<path>\0<count>\n" repeated (no rev prefix for the working tree); names may hold \n.
  const parts = out.split('\0');
  for (let k = 0; k + 1 < parts.length; k++) {
    const name = k === 0 ? (parts[0] as string) : (parts[k] as string).slice((parts[k] as string).indexOf('\n') + 1);
    const count = Number((parts[k + 1] as string).split('\n')[0]);
    const p = rev ? name.slice(rev.length + 1) : name;
    m.set(decodePath(Buffer.from(p, 'latin1')), count);
  }
  return m;
}

async function ourCounts(tree: RepoTree, pattern: string): Promise<Map<string, number>> {
  const parsed = parseGrepCommand(`grep -rc '${pattern}' . --exclude-dir=bin`);
  if (!parsed.ok) throw new Error(parsed.reason);
  const r = await evaluatePipeline(parsed.pipeline, tree);
  return new Map(r.byFile.map((f) => [f.path, f.count]));
}

describe('gitTree', () => {
  it.each(['bigquery\\.Client(', 'requests\\.\\(get\\|post\\)', 'Complete'])('matches git grep -c at a past commit: %s', async (pattern) => {
    const tree = await gitTree(fx.root, first);
    try {
      expect(await ourCounts(tree, pattern)).toEqual(gitGrepCounts(pattern, first));
    } finally {
      tree.close?.();
    }
  });

  it('matches git grep --untracked -c in the working tree (uncommitted edits and untracked files included, ignored ones not)', async () => {
    fs.writeFileSync(path.join(fx.root, 'src/untracked.py'), 'bigquery.Client(u)\nbigquery.Client(v)\n');
    try {
      const tree = await gitTree(fx.root);
      const counts = await ourCounts(tree, 'bigquery\\.Client(');
      expect(counts.get('src/untracked.py')).toBe(2);
      expect(counts.has('node_modules/m.py')).toBe(false); // ignored by the fixture's .gitignore
      expect(counts).toEqual(gitGrepCounts('bigquery\\.Client(', undefined, true));
      expect(tree.blobId?.('src/b.py')).toBeUndefined(); // modified: no cache identity
      expect(tree.blobId?.('src/untracked.py')).toBeUndefined();
      expect(tree.blobId?.('src/a.py')).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      fs.rmSync(path.join(fx.root, 'src/untracked.py'));
    }
  });

  it('trusts the index only where git status found a file unmodified: a grown file, a FIFO and a symlinked directory swapped in are read (or refused) as they are now', async () => {
    const big = path.join(fx.root, 'src/a.py');
    const before = fs.readFileSync(big);
    const outside = fs.mkdtempSync(path.join(path.dirname(fx.root), 'outside-'));
    fs.writeFileSync(path.join(outside, 'new.py'), 'bigquery.Client(secret)\n');
    fs.renameSync(path.join(fx.root, 'src/new.py'), path.join(outside, 'kept.py'));
    try {
      // Past the 1 MiB scratch buffer, with hits at both ends; a tracked file became a FIFO.
      fs.writeFileSync(big, `bigquery.Client(head)\n${'x = 1\n'.repeat(300_000)}bigquery.Client(tail)\n`);
      fs.rmSync(path.join(fx.root, 'src/b.py'));
      execFileSync('mkfifo', [path.join(fx.root, 'src/b.py')], { stdio: 'ignore' });
      const tree = await gitTree(fx.root);
      const counts = await ourCounts(tree, 'bigquery\\.Client(');
      expect(counts.get('src/a.py')).toBe(2);
      expect(counts.has('src/b.py')).toBe(false);
      expect(tree.blobId?.('src/a.py')).toBeUndefined();
      fs.rmSync(path.join(fx.root, 'src/b.py'));
      fs.rmSync(path.join(fx.root, 'src'), { recursive: true });
      fs.symlinkSync(outside, path.join(fx.root, 'src'));
      const linked = await gitTree(fx.root);
      const after = await ourCounts(linked, 'bigquery\\.Client(');
      expect([...after.keys()].filter((p) => p.startsWith('src/'))).toEqual([]); // never read through the link
    } finally {
      fs.rmSync(path.join(fx.root, 'src'), { force: true, recursive: true });
      git('checkout', '-q', '--', '.');
      fs.writeFileSync(path.join(fx.root, 'src/b.py'), 'bigquery.Client(dirty)\n');
      fs.rmSync(outside, { recursive: true, force: true });
      expect(fs.readFileSync(big)).toEqual(before);
    }
  });

  it('a folder inside the work tree: its files and its edits, named from that folder (as ls-files names them)', async () => {
    const tree = await gitTree(path.join(fx.root, 'src'));
    try {
      expect(tree.paths).toContain('a.py');
      expect(tree.paths.some((p) => p.startsWith('src/') || p.startsWith('docs/'))).toBe(false);
      expect(tree.blobId?.('b.py')).toBeUndefined(); // modified in the work tree
      expect(tree.blobId?.('a.py')).toMatch(/^[0-9a-f]{40}$/);
      expect((await tree.read('b.py'))?.toString()).toBe('bigquery.Client(dirty)\n');
    } finally {
      tree.close?.();
    }
  });

  it('lists tracked regular files only, odd names intact', async () => {
    const tree = await gitTree(fx.root, 'HEAD');
    expect(tree.paths).not.toContain('node_modules/m.py');
    expect(tree.paths).not.toContain('src/link_in.py');
    expect(tree.paths).toContain('src/new\nline.py');
    expect(tree.paths).toContain('src/caf\udce9.py');
    expect(tree.symlinks?.get('src/link_in.py')).toBe('src/a.py');
    expect(tree.symlinks?.get('src/link_out')).toBeNull();
    expect((await tree.read('src/caf\udce9.py'))?.toString()).toBe('bigquery.Client(12)\n');
    tree.close?.();
    tree.close?.();
  });

  it('reuses cached per-file results across commits (only changed blobs are read)', async () => {
    const cache = createScanCache();
    const parsed = parseGrepCommand('grep -r "bigquery\\.Client(" src | wc -l');
    if (!parsed.ok) throw new Error(parsed.reason);
    const t1 = await gitTree(fx.root, first);
    const v1 = await evaluatePipeline(parsed.pipeline, t1, { cache });
    t1.close?.();
    const t2 = await gitTree(fx.root, 'HEAD');
    let reads = 0;
    const counting: RepoTree = { ...t2, paths: t2.paths, blobId: t2.blobId, read: (p) => (reads++, t2.read(p)) };
    const v2 = await evaluatePipeline(parsed.pipeline, counting, { cache });
    t2.close?.();
    expect(v1.value - v2.value).toBe(0); // one call migrated, one added
    expect(reads).toBe(2); // src/a.py and src/new.py
  });
});
