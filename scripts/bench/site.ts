/**
 * Site benchmark (issues 6, 21): for each size (default 1,000, 5,000 and 20,000 tracked files), the
 * site's `astro build` of a synthetic snapshot against a bare Astro project of as many trivial
 * pages with the same build settings, each a cold whole process run as `migratrack build` runs it,
 * in BENCH_RUNS pairs (default 5) whose order alternates; reports paired medians with their range,
 * peak RSS of each side, and the shipped JS per page (gzip). Prints one JSON line per size.
 *   tsx scripts/bench/site.ts [items …]        e.g. `tsx scripts/bench/site.ts 5000`
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { historyFileText } from '../../src/lib/history/write.js';
import { astroBuildCommand, buildFolder, type AstroBuildCommand, type RenderInput } from '../../src/lib/pipeline/render-site.js';
import { snapshotFileText } from '../../src/lib/pipeline/snapshot-file.js';
import { pageCount } from '../../tests/e2e/links.js';
import { syntheticHistory, syntheticSnapshot } from '../../tests/site/fixtures/synthetic.js';
import { fileFor } from '../../tests/e2e/server.js';
import { rounded, spread } from './cold.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WORK = join(ROOT, '.cache/bench/site');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
/** One build: wall-clock seconds, CPU seconds (user + system, from GNU time) and peak RSS. */
type Timing = { wall: number; cpu: number; user: number; sys: number; peakRssMiB: number };

function run(build: AstroBuildCommand): Promise<Timing> {
  // Astro 5.18 stages its server chunks in <cwd>/.astro/ and, once it has deleted them, fails
  // (ENOENT, scandir) if nothing else was left there: the bare project's pages have no CSS. A
  // marker keeps the folder; it ends up in the output, one empty file.
  mkdirSync(join(build.cwd, '.astro'), { recursive: true });
  writeFileSync(join(build.cwd, '.astro', 'bench-keep'), '');
  const report = join(tmpdir(), `mt-bench-site-time-${process.pid}.txt`);
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', report, build.command, ...build.args], {
      cwd: build.cwd, env: build.env, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => {
      const [user = 0, sys = 0, kib = 0] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      rmSync(report, { force: true });
      if (code === 0) done({ wall: (performance.now() - start) / 1000, cpu: user + sys, user, sys, peakRssMiB: kib / 1024 });
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

const round = (x: number) => Number(x.toFixed(2));
const roundAll = (t: Timing): Timing => ({ wall: round(t.wall), cpu: round(t.cpu), user: round(t.user), sys: round(t.sys), peakRssMiB: Math.round(t.peakRssMiB) });
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// Each build starts once the disk has written out the one before: otherwise that writeback
// lands in the next build's system time, whichever side it is.
const settle = () => execFileSync('sync');

/**
 * Every build writes into a folder of its own that did not exist, as `migratrack build` does (it
 * renders into a new temporary folder) and as CI does on a clean clone. Nothing is deleted until
 * all builds of a size are done: ext4 will not reuse an inode freed in the last 10–15 s, and each
 * new file then scans past the freed ones (`recently_deleted` in `perf`). Earlier runs' folders
 * are moved aside first and deleted at the end.
 */
async function benchSize(n: number): Promise<Record<string, unknown>> {
  const snapshot = syntheticSnapshot(n);
  const work = join(WORK, String(n));
  mkdirSync(work, { recursive: true });
  // Both written as `migratrack build` writes them.
  writeFileSync(join(work, 'snapshot.json'), snapshotFileText(snapshot));
  writeFileSync(join(work, 'history.json'), historyFileText(syntheticHistory(snapshot)));
  const bare = join(ROOT, '.cache/bench/bare');
  const outputs = join(work, 'outputs');
  const trash = join(WORK, `trash-${process.pid}-${n}`);
  mkdirSync(trash, { recursive: true });
  if (existsSync(outputs)) renameSync(outputs, join(trash, 'outputs'));
  if (existsSync(bare)) renameSync(bare, join(trash, 'bare-project'));
  bareProject(bare, n);
  /**
   * Both sides run as `migratrack build` runs Astro (src/lib/pipeline/render-site.ts): from a
   * fresh folder of their own, into an output folder outside it, with a fresh cache.
   */
  const inputs = (outDir: string): RenderInput => ({ snapshotFile: join(work, 'snapshot.json'), historyFile: join(work, 'history.json'), notesDir: null, outDir, base: '/', site: null, verbose: false });
  const workDir = (root: string, r: number) => buildFolder(root, `bench-${process.pid}-${r}`);
  const buildSite = async (r: number) => { settle(); return run(astroBuildCommand(inputs(join(outputs, `site-${r}`)), workDir(ROOT, r))); };
  const buildBare = async (r: number) => { settle(); return run(astroBuildCommand(inputs(join(outputs, `bare-${r}`)), workDir(bare, r), bare)); };
  const runs: { site: Timing; bare: Timing; load: number }[] = [];
  // Pairs alternate which side goes first, so a machine that slows down mid-run slows both.
  for (let r = 0; r < RUNS; r++) {
    const load = loadavg()[0]!;
    if (r % 2 === 0) {
      const site = await buildSite(r);
      runs.push({ site, bare: await buildBare(r), load });
    } else {
      const bareRun = await buildBare(r);
      runs.push({ site: await buildSite(r), bare: bareRun, load });
    }
  }
  const side = (k: 'site' | 'bare', key: keyof Timing) => spread(runs.map((r) => r[k][key]));
  const dist = join(outputs, `site-${RUNS - 1}`);
  const file = snapshot.items[1]!;
  const result = {
    items: n,
    pairs: RUNS,
    loadAverage: { min: round(Math.min(...runs.map((r) => r.load))), max: round(Math.max(...runs.map((r) => r.load), loadavg()[0]!)) },
    pages: { site: pageCount(dist), bare: pageCount(join(outputs, `bare-${RUNS - 1}`)) },
    siteSeconds: rounded(side('site', 'wall'), 2),
    bareSeconds: rounded(side('bare', 'wall'), 2),
    ratio: rounded(spread(runs.map((r) => r.site.wall / r.bare.wall)), 2),
    cpuRatio: rounded(spread(runs.map((r) => r.site.cpu / r.bare.cpu)), 2),
    peakRssMiB: { site: Math.round(side('site', 'peakRssMiB').max), bare: Math.round(side('bare', 'peakRssMiB').max) },
    runs: runs.map((r) => ({ load: round(r.load), site: roundAll(r.site), bare: roundAll(r.bare) })),
    jsGzipBytes: {
      dashboard: pageJs(dist, '/'),
      filePage: pageJs(dist, `/files/${file.path}/`),
      fileList: pageJs(dist, '/files/'),
      milestones: pageJs(dist, '/milestones/'),
      doc: pageJs(dist, '/doc/'),
    },
  };
  for (const root of [ROOT, bare]) for (let r = 0; r < RUNS; r++) rmSync(workDir(root, r), { recursive: true, force: true });
  // The last build of each side stays for a look; the rest go now that nothing is timed.
  for (let r = 0; r < RUNS - 1; r++) for (const k of ['site', 'bare']) rmSync(join(outputs, `${k}-${r}`), { recursive: true, force: true });
  rmSync(trash, { recursive: true, force: true });
  return result;
}

for (const n of SIZES.length > 0 ? SIZES : [1000, 5000, 20_000]) console.log(JSON.stringify(await benchSize(n)));
