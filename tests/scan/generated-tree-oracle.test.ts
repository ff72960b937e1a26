/**
 * Property (issue 22, Measure): on generated trees (tree-gen.ts) and generated commands, what we
 * print for grep -r, rg, git grep and find pipelines equals what the real tools print in the same
 * directory (argv arrays piped by hand, no shell): byte for byte for listings (as sorted lists when
 * the tool's order is the file system's or its threads'), exactly for counts. grep -r and rg run
 * over fsTree (the working tree, with an untracked file); git grep and find over gitTree (the commit).
 * The first command run on each tree is also run on the scan's threads. Fixed seed; FUZZ=1 runs more trees.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePath, evaluatePipeline, fsTree, gitTree, parseGrepCommand, type MetricResult, type RepoTree } from '../../src/lib/scan/index.js';
import { ORACLE_ENV, oraclePipeline, pipelineCommands, toolPipeline } from './oracle.js';
import { treeArb, writeTree } from './tree-gen.js';

const HAVE_RG = spawnSync('rg', ['--version']).status === 0;
if (!HAVE_RG) console.warn('generated-tree-oracle: ripgrep is not installed; rg commands are skipped');

type Tool = 'grep' | 'rg' | 'git' | 'find';
const PATTERNS = ['Client', 'foo', 'Client\\(', 'fo+', '^foo', 'é', '[0-9]+', 'bar$', 'client', 'e', 'x.=', 'Client.$', 'o*', '\\w+\\(', '[^ ]+$'];
const FLAGS: Record<Exclude<Tool, 'find'>, string[]> = {
  grep: ['-c', '-l', '-n', '-i', '-w', '-x', '-v', '-o', '-h', '-I', '-F', '-E'],
  rg: ['-c', '-l', '-n', '-i', '-w', '-x', '-v', '-o', '--count-matches', '-F', '-S', '-u', '-N'],
  git: ['-c', '-l', '-n', '-i', '-w', '-v', '-F', '-E', '-I', '-h', '-o', '-P'],
};
const WHERE: Record<Exclude<Tool, 'find'>, string[]> = {
  grep: ['. --exclude-dir=.git', 'src', 'src lib', ". --exclude-dir=.git --include='*.py'", "src --exclude='*.js'", 'a.py src/a.py'],
  rg: ['', 'src', 'src docs', "-t py", "-g '*.py'", "-g '!src'", "--hidden -g '!.git'", 'a.py src/b.ts', 'src/a.py'],
  git: ['', "-- '*.py'", 'src', "-- . ':!src'", 'docs lib', "-- 'src/*.ts' docs", "':!*.py'", 'src/sub'],
};
const FINDS = ["find src -name '*.py'", "find . -not -path './.git*' -type f", "find . -name '*.PY' -not -path './.git/*'", "find src lib -type d", "find docs src -name '*.md' -o -name '*.py'"];
const STAGES = ['', ' | wc -l', ' | sort | uniq -c | sort -rn', ' | cut -d: -f1 | sort -u', ' | wc -l | head -1'];

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

const commandArb: fc.Arbitrary<string> = fc.constantFrom<Tool>('grep', 'rg', 'git', 'find').chain((tool) => {
  if (tool === 'find') return fc.tuple(fc.constantFrom(...FINDS), fc.constantFrom(...STAGES)).map(([f, s]) => f + s);
  const head = tool === 'grep' ? 'grep -r' : tool === 'git' ? 'git grep' : 'rg';
  return fc
    .tuple(fc.subarray(FLAGS[tool], { maxLength: 3 }), fc.constantFrom(...PATTERNS), fc.constantFrom(...WHERE[tool]), fc.constantFrom(...STAGES))
    .map(([flags, p, where, stage]) => {
      const pattern = tool === 'git' && where.startsWith('--') ? `-e ${quote(p)}` : quote(p);
      return `${head} ${[...flags, pattern, where].filter(Boolean).join(' ')}${stage}`;
    });
});

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-gen-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/** Output lines as latin1 strings of their bytes (ours: paths and lines carry raw bytes as U+DC80+b). */
const rawLines = (b: Buffer): string[] => (b.length === 0 ? [] : b.toString('latin1').replace(/\n$/, '').split('\n'));
const oursRaw = (lines: string[]): string[] => lines.map((l) => encodePath(l).toString('latin1'));
const binaryMessages = (lines: string[]): string[] => lines.filter((l) => /binary file matches/.test(l)).sort();

let runs = 0;
/** Whether the next command run is also run on scan threads. */
let threaded = false;
let refused = 0;

async function check(dir: string, command: string, trees: { fs: RepoTree; git: RepoTree }): Promise<void> {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) {
    refused++;
    if (/^invalid|refuses/.test(parsed.reason)) {
      // A pattern we call invalid must be one the tool refuses too (grep exits 2, git 128).
      const [[cmd, ...args] = []] = pipelineCommands(command);
      const status = spawnSync(cmd as string, args, { cwd: dir, env: ORACLE_ENV, stdio: 'ignore' }).status;
      expect(status, `${command}: ${parsed.reason}`).toBeGreaterThan(1);
    } else expect(parsed.reason, command).toMatch(/unsupported|\.git directory/);
    return;
  }
  runs++;
  const tool = parsed.pipeline.grep.tool ?? 'grep';
  const tree = tool === 'git-grep' || tool === 'find' ? trees.git : trees.fs;
  const ours = await evaluatePipeline(parsed.pipeline, tree);
  if (ours.incomplete) return; // reported as failed, never shown as a number
  if (threaded) {
    // Once per tree: the scan threads alone (scan-threads.ts) give the same figures (their
    // diagnostics are held equal in scan-threads.test.ts).
    threaded = false;
    const other = await evaluatePipeline(parsed.pipeline, tree, { threads: { minFiles: 0, callerScans: false } });
    const figures = (r: MetricResult) => ({ value: r.value, output: r.output, stderr: r.stderr, byFile: r.byFile, matches: r.matches, incomplete: r.incomplete });
    expect(figures(other), `${command} on threads`).toEqual(figures(ours));
  }
  const real = tool === 'grep' ? oraclePipeline(command, dir) : { stdout: toolPipeline(command, dir), stderr: '' };
  const theirs = rawLines(real.stdout);
  const mine = oursRaw(ours.output);
  const ordered = tool === 'git-grep' || /\| (sort|wc|uniq)/.test(command);
  if (ordered) expect(mine, command).toEqual(theirs);
  else expect([...mine].sort(), command).toEqual([...theirs].sort());
  if (tool === 'grep') expect(binaryMessages(ours.stderr), command).toEqual(binaryMessages(real.stderr.split('\n')));
}

describe('generated trees: our pipelines vs the real tools', () => {
  it('agree on generated trees × generated commands (seeded)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(treeArb, fc.array(commandArb, { minLength: 6, maxLength: 6 }), async (tree, commands) => {
        const dir = path.join(base, `t${n++}`);
        writeTree(dir, tree);
        const trees = { fs: fsTree(dir, ['.git/**']), git: await gitTree(dir) };
        threaded = true;
        try {
          for (const command of commands) {
            if (!HAVE_RG && command.startsWith('rg')) continue;
            await check(dir, command, trees);
          }
        } finally {
          trees.git.close?.();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 20261204, numRuns: process.env.FUZZ ? 300 : 25, endOnFailure: true },
    );
    // The property says something only if most commands were run, not refused.
    expect(runs).toBeGreaterThan(refused * 2);
  }, 30 * 60_000);
});
