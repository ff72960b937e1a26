/**
 * The scan's threads (issue 21, scan-threads.ts) give exactly what one thread gives: the same
 * results, the same diagnostics in the same order (unreadable files, a pattern out of budget),
 * whether the threads scan every file, share them with the calling thread, or die and leave their
 * files to it. The one-thread results are themselves held to real grep by the oracle tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePipelines, fsTree, gitTree, startScanThreads, type RepoTree, type ScanThreads } from '../../src/lib/scan/index.js';
import { compilePattern, type CompiledPattern } from '../../src/lib/scan/regex/compile.js';
import { scanOnDisk } from '../../src/lib/scan/scan-threads.js';
import { gitInit, grepPipeline, makeFixture, type Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(() => {
  fx = makeFixture();
  // Enough files for several batches of 64 on each side, a few of them matching.
  for (let i = 0; i < 700; i++) {
    const dir = path.join(fx.root, 'gen', `d${i % 9}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}.py`), i % 37 === 0 ? `x = 1\nbigquery.Client(${i})\nrequests.get(u)\n` : `x = ${i}\n`);
  }
  fs.writeFileSync(path.join(fx.root, 'gen/slow.txt'), `${'a'.repeat(40)}cb\nfoo\n`);
  // What a thread's answer must carry back intact (it comes as JSON): a line with bytes that are
  // not UTF-8 (git grep prints them raw, as U+DC80+byte) and a binary file (its first NUL).
  fs.writeFileSync(path.join(fx.root, 'gen/d4/bad.py'), Buffer.from('x = 1\nbigquery.Client(\xff\xfe)\n', 'latin1'));
  fs.writeFileSync(path.join(fx.root, 'gen/d6/blob.py'), Buffer.from('bigquery.Client(1)\n\0\x01rest\n', 'latin1'));
  gitInit(fx.root);
  // After the commit: a tracked file turned into a link (read with a check, refused: a diagnostic
  // in file order), an untracked file, a modified one.
  fs.rmSync(path.join(fx.root, 'gen/d3/f300.py'));
  fs.symlinkSync('../d1/f1.py', path.join(fx.root, 'gen/d3/f300.py'));
  fs.writeFileSync(path.join(fx.root, 'gen/d5/new.py'), 'bigquery.Client(untracked)\n');
  fs.writeFileSync(path.join(fx.root, 'gen/d2/f2.py'), 'bigquery.Client(modified)\n');
});
afterAll(() => fs.rmSync(path.dirname(fx.root), { recursive: true, force: true }));

const pipeline = grepPipeline;

const COMMANDS = [
  'grep -r "bigquery\\.Client(" . --include="*.py" | wc -l',
  'grep -rn "requests\\.get\\|bigquery" gen/ src/',
  'grep -rc "bigquery" .',
  "grep -r '\\(a*\\)*\\1b' gen/",
  'git grep -n "Client"',
  'rg -c "x = [0-9]+"',
  'grep -rl "zz" bin/',
];

/** Results plus what the tree reported while being read, for a fresh tree each time. */
async function scanWith(open: () => Promise<RepoTree>, threads?: Parameters<typeof evaluatePipelines>[2]): Promise<unknown> {
  const tree = await open();
  const results = await evaluatePipelines(COMMANDS.map(pipeline), tree, threads);
  tree.close?.();
  return { results, treeDiagnostics: tree.diagnostics };
}

describe.each([
  // git's index lists the link's path as a file: it is opened, and refused (in file order).
  ['a git work tree', () => gitTree(fx.root), ['scan/pattern-too-expensive', 'gen/d3/f300.py: is a symbolic link', '(\\udcff\\udcfe)', 'blob.py matches']],
  ['a plain folder', async () => fsTree(fx.root), ['scan/pattern-too-expensive']],
])('threads over %s', (_name, open, reported) => {
  it('give what one thread gives when the threads scan every file', async () => {
    const one = await scanWith(open);
    for (const text of reported) expect(JSON.stringify(one)).toContain(text);
    expect(await scanWith(open, { threads: { minFiles: 0, callerScans: false } })).toEqual(one);
  });

  it('give what one thread gives when the calling thread scans too', async () => {
    expect(await scanWith(open, { threads: { minFiles: 0 } })).toEqual(await scanWith(open));
  });
});

describe('the scan threads themselves', () => {
  const patterns = (): CompiledPattern[] => ['bigquery', 'x = '].map((pattern) => {
    const c = compilePattern({ pattern, flavour: 'basic', ignoreCase: false, wordRegexp: false, invert: false });
    if ('error' in c) throw new Error(c.error);
    return c;
  });

  /** The fixture's work tree and a job asking both patterns of every file. */
  async function wholeTreeJob() {
    const tree = await gitTree(fx.root);
    const onDisk = tree.onDisk;
    if (onDisk === undefined) throw new Error('a work tree is on disk');
    const paths = tree.paths;
    const job = { paths, modes: Uint8Array.from(paths, (p) => onDisk.readMode(p)), want: new Uint8Array(paths.length * 2).fill(1), context: 1 };
    return { tree, onDisk, paths, job };
  }

  it('scan the files the calling thread leaves them, and the calling thread uses their findings', async () => {
    const { tree, onDisk, paths, job } = await wholeTreeJob();
    const alone = await scanOnDisk(job, patterns(), onDisk, { minFiles: Infinity });
    const threaded = await scanOnDisk(job, patterns(), onDisk, { minFiles: 0, callerScans: false, ready: startScanThreads(2) });
    expect(alone.byThreads).toBe(0);
    expect(threaded.byThreads).toBe(paths.length);
    expect({ ...threaded, byThreads: 0 }).toEqual(alone);
    tree.close?.();
  });

  it('compile patterns told ahead of the job, and still scan the job with its own', async () => {
    const { tree, onDisk, paths, job } = await wholeTreeJob();
    const alone = await scanOnDisk(job, patterns(), onDisk, { minFiles: Infinity });
    const ready = startScanThreads(1);
    // One of the job's two patterns, and one the job does not use.
    ready.compileAhead([patterns()[0]?.spec, { ...(patterns()[1]?.spec as CompiledPattern['spec']), pattern: 'unused' }].filter((s) => s !== undefined));
    const threaded = await scanOnDisk(job, patterns(), onDisk, { minFiles: 0, callerScans: false, ready });
    expect(threaded.byThreads).toBe(paths.length);
    expect({ ...threaded, byThreads: 0 }).toEqual(alone);
    tree.close?.();
  });

  it('leave a dead thread’s files to the calling thread', async () => {
    const started = startScanThreads(1);
    const threads = started.take();
    expect(threads).toHaveLength(1);
    await threads[0]?.worker.terminate();
    const dead: ScanThreads = { take: () => threads.splice(0), compileAhead: () => undefined, close: () => undefined };
    const one = await scanWith(() => gitTree(fx.root));
    expect(await scanWith(() => gitTree(fx.root), { threads: { minFiles: 0, callerScans: false, ready: dead } })).toEqual(one);
  });
});
