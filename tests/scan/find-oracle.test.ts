/**
 * find pipelines evaluated by us over the commit (gitTree at HEAD) and by real GNU find in the
 * checkout (argv arrays, no shell): nested and hidden directories, Unicode names, a symbolic link
 * (issue 22). find's order is readdir's, so listings compare as sorted lists, counts exactly. A
 * search from the root that would also list .git is refused, since a commit has no .git.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePipeline, gitTree, parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { gitInit } from './fixture.js';
import { toolPipeline } from './oracle.js';

const FILES = ['src/a.js', 'src/b.ts', 'src/c.test.js', 'src/sub/d.JS', 'src/sub/e.jsx', 'lib/x.js', '.config/h.js', 'docs/ünï.md', 'README.md', 'src/.hidden.js'];

const CASES = [
  "find . -name '*.js' | wc -l",
  "find . -name '*.js'",
  "find src -name '*.js' -o -name '*.ts'",
  "find src lib -iname '*.js' | wc -l",
  "find src/ -type f",
  'find src -type d',
  "find . -path './src/*' -name '*.js' -not -name '*.test.js'",
  "find . -type f -not -path './.git/*' | wc -l",
  "find . -type f ! -path './.git/*' -name '*.md'",
  "find src -maxdepth 1 -name '*.js'",
  "find src -mindepth 2",
  "find . \\( -name '*.js' -o -name '*.jsx' \\) -not -path '*/sub/*' | wc -l",
  "find . -name '.*' -not -path './.git*'",
  'find src -type l',
  "find nosuch src -name 'b.ts'",
];

let root: string;
let tree: RepoTree;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-find-'));
  for (const rel of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'x\n');
  }
  fs.symlinkSync('a.js', path.join(root, 'src/link.js'));
  gitInit(root, 'ignored/\n');
  tree = await gitTree(root, 'HEAD');
});
afterAll(() => {
  tree.close?.();
  fs.rmSync(root, { recursive: true, force: true });
});

const lines = (b: Buffer): string[] => (b.length === 0 ? [] : b.toString('utf8').replace(/\n$/, '').split('\n'));

describe('find pipelines vs GNU find', () => {
  it.each(CASES)('%s', async (command) => {
    const parsed = parseGrepCommand(command);
    if (!parsed.ok) throw new Error(parsed.reason);
    const ours = await evaluatePipeline(parsed.pipeline, tree);
    const theirs = lines(toolPipeline(command, root));
    if (command.includes('wc -l')) expect(ours.output).toEqual(theirs);
    else expect([...ours.output].sort()).toEqual([...theirs].sort());
  });

  it.each([
    ['find . -type f | wc -l', /\.git directory/],
    ['find . -name config', /\.git directory/],
    ['find src -name "*.js" -exec rm {} +', /unsupported find word `-exec`/],
    ['find src -delete', /unsupported find word `-delete`/],
    ['find /etc -name passwd', /outside the repository/],
  ])('%s is refused with the reason named', (command, reason) => {
    const parsed = parseGrepCommand(command);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
