/**
 * Site benchmark (issue 6): builds the site for a synthetic 5,000-item snapshot and a bare Astro
 * project of 5,000 trivial pages with the same build settings, in the same run (alternating,
 * BENCH_RUNS times each, default 2; the fastest of each side is compared), and reports the
 * shipped JS per page (gzip). Prints JSON. Usage: `tsx scripts/bench/site.ts [items]`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HISTORY_SCHEMA_VERSION, type HistoryFile } from '../../src/lib/history/schema.js';
import { historyFileText } from '../../src/lib/history/write.js';
import { astroBuildCommand, buildFolder, type AstroBuildCommand, type RenderInput } from '../../src/lib/pipeline/render-site.js';
import { snapshotFileText } from '../../src/lib/pipeline/snapshot-file.js';
import { Snapshot, type SnapshotItem } from '../../src/lib/snapshot/schema.js';
import { pageCount } from '../../tests/e2e/links.js';
import { fileFor } from '../../tests/e2e/server.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WORK = join(ROOT, '.cache/bench/site');
const N = Number(process.argv[2] ?? 5000);
const CATS = 10;
const STATUSES = ['done', 'in-progress', 'not-started'] as const;

/** A schema-valid snapshot with `n` tracked files spread over 10 categories, 50 directories. */
function syntheticSnapshot(n: number): Snapshot {
  const items: SnapshotItem[] = Array.from({ length: n }, (_, i) => {
    const path = `pkg${i % 50}/mod${i % 7}/file_${i}.py`;
    const left = i % 3 === 1 ? [{ path, line: 10 + (i % 40), text: '    c = bigquery.Client()', before: ['def f():'], after: ['    return c'] }] : [];
    return {
      id: `file-${i + 1}`, number: i + 1, category: `3.${i % CATS}`, subgroup: null, name: `file_${i}.py`, path,
      declaredStatus: STATUSES[i % 3]!, declaredStatusText: ['✅ Complete', '🟡 In Progress', '⚪ Not Started'][i % 3]!, detectedStatus: STATUSES[(i + (i % 5 === 0 ? 1 : 0)) % 3]!,
      url: `files/${path}/`, docLine: 10 + i * 8, updatedBy: null, date: null,
      checks: [{ id: 'bq', kind: 'text-absent', description: '`bigquery.Client(` gone', passed: left.length === 0, evidence: `${left.length} matches`, matches: left, docLine: null }],
      remaining: left, renamedTo: null, checklist: [{ text: 'Use the pooled client', checked: i % 3 === 0, docLine: null }],
      fields: [{ key: 'Pattern', value: 'DELETE + INSERT', children: [] }], sameFileItems: [], groupId: null,
    };
  });
  const done = items.filter((i) => i.declaredStatus === 'done').length;
  const verified = items.filter((i) => i.detectedStatus === 'done').length;
  const categories = Array.from({ length: CATS }, (_, c) => {
    const mine = items.filter((i) => i.category === `3.${c}`);
    const count = (s: string, k: 'declaredStatus' | 'detectedStatus') => mine.filter((i) => i[k] === s).length;
    return {
      id: `3.${c}`, title: `Category ${c}`, slots: mine.length,
      declared: { done: count('done', 'declaredStatus'), inProgress: count('in-progress', 'declaredStatus'), notStarted: count('not-started', 'declaredStatus'), blocked: 0, unknown: 0 },
      verified: { done: count('done', 'detectedStatus'), partial: count('in-progress', 'detectedStatus'), notStarted: count('not-started', 'detectedStatus'), missing: 0, unknown: 0 },
      remaining: { calls: mine.reduce((s, i) => s + i.remaining.length, 0), files: mine.filter((i) => i.remaining.length > 0).length, what: '`bigquery.Client(` calls' },
      url: `categories/3.${c}/`, docLine: null,
    };
  });
  const matches = items.flatMap((i) => i.remaining);
  return Snapshot.parse({
    schemaVersion: 1, generatedAt: '2026-02-08T12:00:00.000Z',
    repo: { root: '/bench', commit: 'a'.repeat(40), isGit: true, webUrl: 'https://github.com/o/r', host: 'github' },
    doc: { path: 'TRACKING.md', title: 'Bench', project: 'Bench', startDate: '2026-01-01', commit: null, repairedFrom: null, text: items.map((i) => `### File ${i.number}: ${i.name}\n- **Status:** ${i.declaredStatusText}\n`).join('\n') },
    totals: { slots: n, declaredDone: done, verifiedDone: verified }, categories, items,
    metrics: [{ id: 'bq', label: 'BigQuery clients', command: 'grep -rn "bigquery.Client(" .', unit: 'matches', value: matches.length, error: null, better: 'lower', categoryId: null, source: 'doc', docLine: null,
      byFile: items.filter((i) => i.remaining.length > 0).map((i) => ({ path: i.path!, count: 1 })), byDirectory: [], matches: matches.slice(0, 500), url: 'metrics/bq/' }],
    drift: items.filter((i) => i.declaredStatus === 'done' && i.detectedStatus !== 'done').map((i) => ({ kind: 'declared-done-not-in-code', severity: 'error', message: `File ${i.number} is not done in code`, itemId: i.id, path: i.path, docLine: i.docLine, evidence: '' })),
    diagnostics: [], milestones: [],
    burndown: { points: Array.from({ length: 30 }, (_, d) => ({ date: `2026-01-${String(d + 1).padStart(2, '0')}`, commit: null, scope: n, declaredRemaining: n - d * 50, verifiedRemaining: n - d * 40, ideal: n - d * 100 })), forecast: { date: '2026-06-01', earliest: null, latest: null, velocityPerDay: 40, windowDays: 14, message: 'June' } },
  });
}

/** 30 daily history points with every item's state (and, in the last 20, its remaining calls). */
function syntheticHistory(s: Snapshot): HistoryFile {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION, repo: { id: 'bench' },
    records: Array.from({ length: 30 }, (_, d) => ({
      at: `2026-01-${String(d + 1).padStart(2, '0')}T12:00:00Z`, commit: null, docCommit: null, source: 'backfill' as const,
      metrics: { bq: 4000 - d * 50 }, categories: {},
      // The first 10 records predate the per-file `remaining` count (gaps in the sparklines).
      items: Object.fromEntries(s.items.map((i, k) => {
        const reached = k < d * 150;
        const state = { declared: reached ? i.declaredStatus : 'not-started', detected: reached ? i.detectedStatus : 'not-started' };
        return [i.id, d < 10 ? state : { ...state, remaining: reached ? i.remaining.length : 1 }];
      })),
      declaredDone: null, verifiedDone: null, slots: null,
    })),
  };
}

/** User and system seconds from bash's `times` line "1m2.500s 0m3.100s". */
function cpuSeconds(line: string): { user: number; sys: number } {
  const [user = 0, sys = 0] = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { user, sys };
}

/**
 * Runs `astro build` and returns wall-clock and CPU seconds. CPU time (from bash's `times`) is the
 * steadier figure on a shared machine, where wall-clock swings with other jobs.
 */
type Timing = { wall: number; cpu: number; user: number; sys: number };

function run(build: AstroBuildCommand): Promise<Timing> {
  // Astro 5.18 stages its server chunks in <cwd>/.astro/ and, once it has deleted them, fails
  // (ENOENT, scandir) if nothing else was left there: the bare project's pages have no CSS. A
  // marker keeps the folder; it ends up in the output, one empty file.
  mkdirSync(join(build.cwd, '.astro'), { recursive: true });
  writeFileSync(join(build.cwd, '.astro', 'bench-keep'), '');
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', '"$@" >/dev/null; rc=$?; times >&2; exit $rc', '_', build.command, ...build.args], {
      cwd: build.cwd, env: build.env, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => {
      const children = err.trim().split('\n').pop() ?? '';
      const { user, sys } = cpuSeconds(children);
      if (code === 0) done({ wall: (performance.now() - start) / 1000, cpu: user + sys, user, sys });
      else fail(new Error(err.slice(-3000)));
    });
  });
}

/** A throwaway Astro project with `n` trivial pages and the site's build settings. */
function bareProject(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8'));
  // The config's own plugins come along, so both builds run the same Vite and Astro set-up.
  cpSync(join(ROOT, 'src/integrations'), join(dir, 'src/integrations'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(dir, 'src/pages/p/[n].astro'), `---\nexport function getStaticPaths() { return Array.from({ length: ${n} }, (_, i) => ({ params: { n: String(i) } })); }\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`);
}

/** Gzipped bytes of the JS a page loads: external module scripts (and their static imports) plus inline scripts. */
function pageJs(dist: string, urlPath: string): number {
  const html = readFileSync(fileFor(dist, '/', urlPath)!, 'utf8');
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    bytes += gzipSync(js).length;
    followImports(js, file);
  };
  // Static imports: relative between Vite's chunks, absolute URLs to the prebundled chart client.
  const followImports = (js: string, from: string | null): void => {
    for (const m of js.matchAll(/(?:import|from)\s*["']((?:\.\/|\/)[^"']+\.js)["']/g)) visit(m[1]!.startsWith('/') ? fileFor(dist, '/', m[1]!)! : join(from!, '..', m[1]!));
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)) visit(fileFor(dist, '/', m[1]!)!);
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (!m[1]!.trim()) continue;
    bytes += gzipSync(m[1]!).length;
    followImports(m[1]!, null);
  }
  return bytes;
}

const snapshot = syntheticSnapshot(N);
mkdirSync(WORK, { recursive: true });
// Both written as `migratrack build` writes them.
writeFileSync(join(WORK, 'snapshot.json'), snapshotFileText(snapshot));
writeFileSync(join(WORK, 'history.json'), historyFileText(syntheticHistory(snapshot)));
const bare = join(ROOT, '.cache/bench/bare');
const round = (x: number) => Number(x.toFixed(2));
const roundAll = (t: Timing): Timing => ({ wall: round(t.wall), cpu: round(t.cpu), user: round(t.user), sys: round(t.sys) });

/**
 * Every build writes into a folder of its own that did not exist, as `migratrack build` does (it
 * renders into a new temporary folder) and as CI does on a clean clone. Nothing is deleted until
 * all builds are done: ext4 will not reuse an inode freed in the last 10–15 s, and each new file
 * then scans past the freed ones (`recently_deleted` in `perf`). A build started right after
 * deleting the previous 10,000-page output spent ~5 s of its system time there, and the side with
 * more files paid more. Earlier runs' folders are moved aside first and deleted at the end.
 */
const OUTPUTS = join(WORK, 'outputs');
const TRASH = join(WORK, `trash-${process.pid}`);
mkdirSync(TRASH, { recursive: true });
for (const old of [OUTPUTS, join(WORK, 'dist')]) {
  if (existsSync(old)) renameSync(old, join(TRASH, relative(WORK, old).replaceAll('/', '-')));
}
if (existsSync(bare)) renameSync(bare, join(TRASH, 'bare-project'));
bareProject(bare, N);

/**
 * The two builds alternate, RUNS times each, and the fastest of each is compared: the machine is
 * shared, and another job starting mid-run would otherwise land on one side only.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const runs: { site: Timing; bare: Timing; load: number }[] = [];
// Each build starts once the disk has written out the one before: otherwise that writeback
// lands in the next build's system time, whichever side it is.
const settle = () => execFileSync('sync');
/**
 * Both sides run as `migratrack build` runs Astro (src/lib/pipeline/render-site.ts): from a fresh
 * folder of their own, into an output folder outside it, with a fresh cache. Where the output is
 * inside the current folder, Astro ends the build by walking all of it (removeEmptyDirs in
 * cleanServerOutput, ~0.3 s for 10,000 pages); outside it, only its staging folder.
 */
const inputs = (outDir: string): RenderInput => ({ snapshotFile: join(WORK, 'snapshot.json'), historyFile: join(WORK, 'history.json'), notesDir: null, outDir, base: '/', site: null, verbose: false });
const workDir = (root: string, r: number) => buildFolder(root, `bench-${process.pid}-${r}`);
let dist = '';
for (let r = 0; r < RUNS; r++) {
  const load = loadavg()[0]!;
  dist = join(OUTPUTS, `site-${r}`);
  settle();
  const site = await run(astroBuildCommand(inputs(dist), workDir(ROOT, r)));
  settle();
  const bareRun = await run(astroBuildCommand(inputs(join(OUTPUTS, `bare-${r}`)), workDir(bare, r), bare));
  runs.push({ site, bare: bareRun, load });
}
const best = (side: 'site' | 'bare', key: keyof Timing) => Math.min(...runs.map((r) => r[side][key]));
const file = snapshot.items[1]!;
const result = {
  items: N,
  loadAverage: { min: round(Math.min(...runs.map((r) => r.load))), max: round(Math.max(...runs.map((r) => r.load), loadavg()[0]!)) },
  pages: { site: pageCount(dist), bare: pageCount(join(OUTPUTS, `bare-${RUNS - 1}`)) },
  siteBuildSeconds: round(best('site', 'wall')),
  bareBuildSeconds: round(best('bare', 'wall')),
  ratio: round(best('site', 'wall') / best('bare', 'wall')),
  cpuSeconds: { site: round(best('site', 'cpu')), bare: round(best('bare', 'cpu')), ratio: round(best('site', 'cpu') / best('bare', 'cpu')) },
  // Reported apart from the total: system time is where this machine's disk shows, and it swings.
  userSeconds: { site: round(best('site', 'user')), bare: round(best('bare', 'user')), ratio: round(best('site', 'user') / best('bare', 'user')) },
  runs: runs.map((r) => ({ load: round(r.load), site: roundAll(r.site), bare: roundAll(r.bare) })),
  jsGzipBytes: {
    dashboard: pageJs(dist, '/'),
    filePage: pageJs(dist, `/files/${file.path}/`),
    fileList: pageJs(dist, '/files/'),
    milestones: pageJs(dist, '/milestones/'),
    doc: pageJs(dist, '/doc/'),
  },
};
console.log(JSON.stringify(result, null, 2));
for (const root of [ROOT, bare]) for (let r = 0; r < RUNS; r++) rmSync(workDir(root, r), { recursive: true, force: true });
// The last build of each side stays for a look; the rest go now that nothing is timed.
for (let r = 0; r < RUNS - 1; r++) for (const side of ['site', 'bare']) rmSync(join(OUTPUTS, `${side}-${r}`), { recursive: true, force: true });
rmSync(TRASH, { recursive: true, force: true });
