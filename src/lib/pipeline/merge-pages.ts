/**
 * Each repository's own pages in a merged site (issue 24): `<base><name>/`, the same pages a
 * single repository's build makes. The repositories' data are written beside their pages as the
 * site's API (`<name>/api/snapshot.json`, `history.json`, `<name>/badge.svg`), as the shards are
 * read; then one Astro build per group of repositories (one group per core) renders all of their
 * pages through one route (src/merged/repo-pages.ts), a group's build starting as soon as its
 * shards are read, while the next group's are. Astro's fixed cost (Vite, its bundle, its start)
 * is paid once per group instead of once per repository.
 */
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Shard } from '../org/index.js';
import { snapshotBadge } from '../site/index.js';
import type { MergeManifest, MergedRepo } from '../site/repo-scope.js';
import { buildFolder, buildStamp, PACKAGE_ROOT, runAstroBuild } from './render-site.js';

export interface RepoPagesPlan {
  /** The merged site's temporary folder. */
  siteDir: string;
  base: string;
  site: string | null;
  verbose: boolean;
  /** How many shards there are: the groups are cut by position in the list. */
  shardCount: number;
  /** How many Astro builds run at once; by default one per core, at most 2. */
  groups?: number;
}

/** Takes the shards one at a time (`add`), starts each group's build when its last shard is in; `finish` waits for all. */
export class RepoPages {
  private readonly groups: number;
  private readonly pending: Promise<void>[] = [];
  private group: MergedRepo[] = [];
  private index = 0;
  private built = 0;

  constructor(private readonly plan: RepoPagesPlan) {
    this.groups = Math.max(1, Math.min(plan.groups ?? Math.min(2, availableParallelism()), plan.shardCount));
  }

  /** Writes the shard's data into its folder; `shard` is null for a shard shown as failed. */
  async add(shard: Shard | null): Promise<void> {
    if (shard !== null) this.group.push(await writeRepoData(shard, this.plan.siteDir));
    this.index += 1;
    const cut = Math.ceil((this.plan.shardCount * (this.built + 1)) / this.groups);
    if (this.index >= cut) this.startGroup();
  }

  async finish(): Promise<void> {
    this.startGroup();
    // Every build is awaited, even after one failed: none may still be writing when the folder is removed.
    const results = await Promise.allSettled(this.pending);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private startGroup(): void {
    const repos = this.group;
    this.group = [];
    if (repos.length === 0) return;
    const n = this.built++;
    // The first group's build also gives the shared assets (`_astro/`, favicon.svg).
    this.pending.push(buildGroup(repos, n, this.plan));
  }
}

/** The shard's snapshot and history, as a single build publishes them, and its badge. */
async function writeRepoData(shard: Shard, siteDir: string): Promise<MergedRepo> {
  const api = join(siteDir, shard.name, 'api');
  await mkdir(api, { recursive: true });
  const snapshotFile = join(api, 'snapshot.json');
  const historyFile = join(api, 'history.json');
  // The shard was validated whole: this is snapshotFileText's output without parsing it again.
  await writeFile(snapshotFile, `${JSON.stringify(shard.snapshot, null, 2)}\n`);
  // As the history file is written (history/write.ts historyFileText): the shard holds it as stored.
  await writeFile(historyFile, `${JSON.stringify(shard.history, null, 1)}\n`);
  await writeFile(join(siteDir, shard.name, 'badge.svg'), snapshotBadge(shard.snapshot));
  return { name: shard.name, snapshotFile, historyFile };
}

async function buildGroup(repos: MergedRepo[], n: number, plan: RepoPagesPlan): Promise<void> {
  const outDir = join(plan.siteDir, `.pages-${n}`);
  const workDir = buildFolder(PACKAGE_ROOT, `merge-${buildStamp()}-${n}`);
  const manifestFile = join(plan.siteDir, `.pages-${n}.json`);
  const manifest: MergeManifest = { version: 1, base: plan.base, repos };
  try {
    await mkdir(outDir);
    await mkdir(workDir, { recursive: true });
    await writeFile(manifestFile, JSON.stringify(manifest));
    // The routes of src/pages still make their static pages at the root (dropped below) from the first repository.
    const first = repos[0]!;
    await runAstroBuild({ snapshotFile: first.snapshotFile, historyFile: first.historyFile, notesDir: null, outDir, base: plan.base, site: plan.site, verbose: plan.verbose, mergeManifest: manifestFile }, workDir);
    for (const repo of repos) await moveInto(join(outDir, repo.name), join(plan.siteDir, repo.name));
    if (n === 0) {
      await rename(join(outDir, '_astro'), join(plan.siteDir, '_astro'));
      await copyFile(join(outDir, 'favicon.svg'), join(plan.siteDir, 'favicon.svg'));
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
    await rm(manifestFile, { force: true });
  }
}

/** A repository's pages into its folder (which holds its API files already); 404/index.html becomes 404.html, as in a single build. */
async function moveInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from)) {
    if (entry === '404') continue;
    await rename(join(from, entry), join(to, entry));
  }
  await rename(join(from, '404', 'index.html'), join(to, '404.html'));
  await copyFile(join(PACKAGE_ROOT, 'public', 'favicon.svg'), join(to, 'favicon.svg'));
}
