/**
 * The floor of writing a site at all (issue 24): the merge benchmark's anchor for a merge with
 * each repository's pages. It writes the same files as the merged site it is given (the same
 * paths, in the same layout, each of the same size, from a listing of the site) into an empty
 * folder, in the same way the merge writes its pages (a recursive mkdir of the page's folder, then
 * one synchronous write of the whole file), with as many threads as the merge has Astro builds,
 * each thread the same share of the repositories as a build (the shards cut by position). Nothing
 * is rendered: what it costs is the file system's, the part of a merge no code of ours can remove.
 *
 *   node scripts/bench/write-floor.mjs LISTING OUT THREADS
 *
 * LISTING: one line per file of the site, `<path under the site>\t<size in bytes>` (GNU find's
 * `-printf '%P\t%s\n'`). OUT: a folder that does not exist yet. Prints one line of JSON: the
 * files and bytes written, the write phase's wall and CPU milliseconds (every thread's, from
 * process.cpuUsage) and each thread's own wall time. Reading the listing is not timed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Writes one share: `[path, size]` pairs under `out`. */
function writeShare(out, files) {
  const most = files.reduce((m, [, size]) => Math.max(m, size), 0);
  // Page-like bytes (not zeros, which a file system could store sparsely).
  const filler = Buffer.alloc(most, '<p class="x">migratrack</p>\n');
  const started = performance.now();
  for (const [path, size] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, filler.subarray(0, size), { flag: 'wx' });
  }
  return performance.now() - started;
}

/** The listing cut into `threads` shares: the repositories' folders by position, as the merge cuts its shards into groups. */
function shares(listing, threads) {
  const byTop = new Map();
  for (const line of listing.split('\n')) {
    if (line === '') continue;
    const tab = line.lastIndexOf('\t');
    const path = line.slice(0, tab);
    const slash = path.indexOf('/');
    const top = slash < 0 ? '' : path.slice(0, slash);
    if (!byTop.has(top)) byTop.set(top, []);
    byTop.get(top).push([path, Number(line.slice(tab + 1))]);
  }
  // A repository's folder holds its api/ and its 404.html; the org site's own files (index.html,
  // api/org.json, _astro/) go to the first share.
  const repos = [...byTop.keys()].filter((top) => top !== '' && top !== 'api' && top !== '_astro' && byTop.get(top).some(([p]) => p.endsWith('/404.html'))).sort();
  const out = Array.from({ length: threads }, () => []);
  repos.forEach((repo, i) => {
    const share = out.findIndex((_, k) => i < Math.ceil((repos.length * (k + 1)) / threads));
    out[share].push(...byTop.get(repo));
    byTop.delete(repo);
  });
  for (const files of byTop.values()) out[0].push(...files);
  return out;
}

if (isMainThread) {
  const [listingFile, out, threadsArg] = process.argv.slice(2);
  const threads = Number(threadsArg);
  if (!listingFile || !out || !(threads >= 1)) throw new Error('usage: node scripts/bench/write-floor.mjs LISTING OUT THREADS');
  const parts = shares(readFileSync(listingFile, 'utf8'), threads);
  mkdirSync(out);
  const workers = parts.map((files) => new Worker(new URL(import.meta.url), { workerData: { out, files } }));
  // Each worker waits for the word to start, so that starting them is not timed.
  await Promise.all(workers.map((w) => new Promise((ready) => w.once('message', ready))));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const threadMs = await Promise.all(workers.map((w) => new Promise((done, fail) => {
    w.once('message', done);
    w.once('error', fail);
    w.postMessage('go');
  })));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await Promise.all(workers.map((w) => w.terminate()));
  const files = parts.reduce((n, p) => n + p.length, 0);
  const bytes = parts.reduce((n, p) => n + p.reduce((s, [, size]) => s + size, 0), 0);
  console.log(JSON.stringify({ threads, files, bytes, wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000), userMs: Math.round(used.user / 1000), systemMs: Math.round(used.system / 1000), threadMs: threadMs.map(Math.round) }));
} else {
  const { out, files } = workerData;
  parentPort.once('message', () => parentPort.postMessage(writeShare(out, files)));
  parentPort.postMessage('ready');
}
