/**
 * git grep pipelines evaluated by us over gitTree (the commit) and by the installed git in the
 * checkout (argv arrays, no shell): tracked files only (an untracked file is present), hidden
 * files, a binary file, pathspecs with wildcards and excludes (issue 22). git grep prints files in
 * path order, so outputs compare exactly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePipeline, gitTree, parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { gitInit } from './fixture.js';
import { toolPipeline } from './oracle.js';

const FILES: [string, string | Buffer][] = [
  ['src/a.py', 'import os\nclient = bigquery.Client()\nfoo foobar Foo\nxfoo foo\n'],
  ['src/b.ts', 'const c = new Client();\nfoo_bar foo\n'],
  ['src/sub/d.js', 'client.get(1)\nCLIENT\nfoo.bar\n'],
  ['.hidden.py', 'Client hidden\n'],
  ['docs/notes.md', '# Client notes\nfoo\n'],
  ['docs/ünï.md', 'Client ünï; café Client\n'],
  ['data/blob.bin', Buffer.from('Client\x00binary Client\nClient\n', 'latin1')],
  ['vendor/v.go', 'package Client\n'],
];

const CASES = [
  'git grep Client',
  'git grep -c Client',
  'git grep -l Client',
  'git grep -n Client src',
  'git grep -i client | wc -l',
  'git grep -w foo',
  'git grep -cw "foo.*"',
  'git grep -v Client src/a.py',
  'git grep -F "foo.bar"',
  'git grep -E "Cl(i|I)ent"',
  'git grep -e foo -e CLIENT',
  "git grep -c Client -- '*.py'",
  "git grep -l Client -- . ':!vendor' ':(exclude)data'",
  "git grep -l Client ':^src'",
  'git grep -c Client src/sub docs',
  'git grep -I Client',
  'git grep -h Client src',
  'git grep --name-only Client docs/',
  'git grep -lC2 Client',
  // -o and -P where they print what grep's would (issue 22).
  'git grep -o "foo[a-z]*"',
  'git grep -on "[Cc]lient" src',
  'git grep -P "\\bfoo\\b" | wc -l',
  'git grep -cP "fo+\\w*?"',
  'git grep -oP "\\w+\\(" src',
  'git grep -Pi "^CLIENT"',
];

let root: string;
let tree: RepoTree;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-gg-'));
  for (const [rel, content] of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  gitInit(root, 'ignored.txt\n');
  fs.writeFileSync(path.join(root, 'untracked.py'), 'Client untracked\n');
  tree = await gitTree(root);
});
afterAll(() => {
  tree.close?.();
  fs.rmSync(root, { recursive: true, force: true });
});

const lines = (b: Buffer): string[] => (b.length === 0 ? [] : b.toString('utf8').replace(/\n$/, '').split('\n'));

describe('git grep pipelines vs git grep', () => {
  it.each(CASES)('%s', async (command) => {
    const parsed = parseGrepCommand(command);
    if (!parsed.ok) throw new Error(parsed.reason);
    const ours = await evaluatePipeline(parsed.pipeline, tree);
    expect(ours.output.join("\n")).toEqual(lines(toolPipeline(command, root)).join("\n"));
  });

  it.each([
    ['git grep -x foo', /`-x`/],
    ['git grep -o "o*"', /matches the empty string/],
    ['git grep -ow foo', /`-w` with `-o`\/`-P`/],
    ['git grep -P "(?<=x)foo"', /lookbehind|lookaround/],
    ['git grep foo HEAD~1', /at a revision/],
    ["git grep foo ':(glob)**/*.py'", /pathspec magic/],
    ['git grep foo ../other', /outside the repository/],
    ['git grep -A1 foo', /context lines/],
  ])('%s is refused with the word named', (command, reason) => {
    const parsed = parseGrepCommand(command);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
