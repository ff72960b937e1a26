/**
 * `migratrack build --merge 'shards/*.json'` (issue 24): one site from many shards. The shards are
 * read one at a time, each reduced to its dashboard row and, unless `repoPages` is off, written
 * as its repository's data under `/<name>/api/`, then dropped: memory holds one shard and the
 * reductions. The repositories' own pages (the same pages a single repository's build makes, at
 * `<base><name>/`) are rendered by one Astro build per group of repositories (merge-pages.ts). The org
 * dashboard and its data are written last; the whole folder is swapped into `--out` only when
 * complete, under the same guard as every site (out-dir.ts).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import fg from 'fast-glob';
import type { LoadedOrgConfig } from '../config/index.js';
import type { Logger } from '../cli/index.js';
import { MigratrackError } from '../errors.js';
import { mergeHistoryByDate, readShardText, reduceShard, isRepo, orgTotals, type OrgRow, type Shard } from '../org/index.js';
import { buildOrgDashboard } from '../site/org-dashboard.js';
import { orgDashboardHtml } from '../site/markup/org-dashboard.js';
import { checkOutDir, SITE_MARKER, SITE_MARKER_STAMP, type OutDirInput } from './out-dir.js';
import { RepoPages } from './merge-pages.js';
import { buildStamp, PACKAGE_ROOT, swapInto } from './render-site.js';
import { siteFault } from './site-faults.js';

export interface MergeRequest {
  /** The glob as given (fast-glob syntax), relative to `cwd`. */
  pattern: string;
  cwd: string;
  org: LoadedOrgConfig | null;
  outDir: string;
  base: string;
  site: string | null;
  force: boolean;
  /** False: the dashboard and its data only, no repository's own pages (`--no-repo-pages`). */
  repoPages: boolean;
  toolVersion: string;
  verbose: boolean;
}

export interface MergeResult {
  outDir: string;
  rows: OrgRow[];
  keptAside: string | null;
}

export async function buildMergedSite(request: MergeRequest, log: Logger): Promise<MergeResult> {
  const files = (await fg(request.pattern, { cwd: request.cwd, absolute: true, onlyFiles: true })).sort();
  if (files.length === 0 && request.org === null) {
    throw new MigratrackError('usage', `--merge: no file matches ${request.pattern} (expected the shards \`migratrack scan --shard\` wrote, e.g. 'shards/*.json')`);
  }
  const guard = mergeGuard(request, files);
  checkOutDir(guard);
  const finalDir = resolve(request.outDir);
  const stamp = buildStamp();
  const tempDir = join(dirname(finalDir), `.${basename(finalDir)}.building-${stamp}`);
  try {
    await mkdir(tempDir, { recursive: true });
    const rows = await mergeShards(request, files, tempDir, log);
    await writeOrgPages(request, rows, tempDir);
    await writeFile(join(tempDir, SITE_MARKER), `${JSON.stringify(SITE_MARKER_STAMP)}\n`);
    const keptAside = await swapInto(tempDir, finalDir, stamp, checkOutDir(guard));
    return { outDir: finalDir, rows, keptAside };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    throw siteFault(error, finalDir);
  }
}

/** The output may not be or hold the shards, the org config, the current folder or migratrack. */
function mergeGuard(request: MergeRequest, files: readonly string[]): OutDirInput {
  const kept = [
    ...[...new Set(files.map((f) => dirname(f)))].map((dir) => ({ path: dir, what: 'the shards' })),
    ...(request.org === null ? [] : [{ path: request.org.file, what: 'the org config' }]),
    { path: request.cwd, what: 'the current folder' },
    { path: PACKAGE_ROOT, what: 'migratrack itself' },
  ];
  return { outDir: resolve(request.cwd, request.outDir), repo: request.cwd, kept, force: request.force, cwd: request.cwd };
}

/** Read, reduce, render, drop: one shard in memory at a time. */
async function mergeShards(request: MergeRequest, files: readonly string[], tempDir: string, log: Logger): Promise<OrgRow[]> {
  const rows: OrgRow[] = [];
  const seen = new Map<string, string>();
  const progress = log.progress('Merging shards');
  const pages = request.repoPages ? new RepoPages({ siteDir: tempDir, base: request.base, site: request.site, verbose: request.verbose, shardCount: files.length }) : null;
  try {
    for (const [i, file] of files.entries()) {
      const shown = relative(request.cwd, file) || file;
      const text = await readFile(file, 'utf8');
      // Without the pages, only what the dashboard reads is validated (ShardSummary).
      const reading = request.repoPages ? readShardText(text, shown, request.toolVersion) : readShardText(text, shown, request.toolVersion, 'summary');
      progress.update(i + 1);
      if (!reading.ok) {
        rows.push({ name: nameFromFile(file), status: 'failed', reason: reading.reason, file: shown });
        await pages?.add(null);
        continue;
      }
      const { shard } = reading;
      const earlier = seen.get(shard.name);
      if (earlier !== undefined) {
        rows.push({ name: `${shard.name} (${basename(file)})`, status: 'failed', reason: `a second shard named ${shard.name} (the first is ${earlier}); only the first is shown`, file: shown });
        await pages?.add(null);
        continue;
      }
      seen.set(shard.name, shown);
      rows.push(reduceShard(shard));
      // With the pages, the whole shard was validated (the first readShardText above).
      await pages?.add(shard as Shard);
    }
    await pages?.finish();
  } finally {
    progress.done();
  }
  for (const listed of request.org?.config.repos ?? []) {
    if (!seen.has(listed.name) && !rows.some((r) => r.name === listed.name)) {
      rows.push({ name: listed.name, status: 'missing', reason: `no shard named ${listed.name} among ${request.pattern} (its scan job failed or was not run)`, file: null });
    }
  }
  return rows;
}

/** A failed shard is named after its file: its own name may be what is broken. */
function nameFromFile(file: string): string {
  return basename(file).replace(/\.json$/i, '');
}

async function writeOrgPages(request: MergeRequest, rows: OrgRow[], tempDir: string): Promise<void> {
  const title = request.org?.config.title ?? 'Migration across repositories';
  const vm = buildOrgDashboard(rows, title, request.base);
  const stylesheet = await readFile(join(PACKAGE_ROOT, 'src/styles/site.css'), 'utf8');
  await writeFile(join(tempDir, 'index.html'), orgDashboardHtml(vm, stylesheet).value);
  await mkdir(join(tempDir, 'api'), { recursive: true });
  const repos = rows.filter(isRepo);
  const data = {
    title,
    totals: orgTotals(rows),
    repos: rows.map((row) => (isRepo(row) ? { ...row, days: undefined } : row)),
    history: mergeHistoryByDate(repos),
  };
  await writeFile(join(tempDir, 'api', 'org.json'), `${JSON.stringify(data, null, 1)}\n`);
}
