/**
 * rg pipelines evaluated by us and by the installed ripgrep (argv arrays, no shell) on a generated
 * git checkout with .gitignore/.ignore/.rgignore, hidden files, binary files, nested directories
 * and Unicode names (issue 22). rg's file order is its threads', so lines compare as sorted lists;
 * counts exactly. Skipped, with the reason shown, when rg is not installed (CI installs it).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePipeline, fsTree, parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { RG_TYPES } from '../../src/lib/scan/command/rg-types.js';
import { gitInit } from './fixture.js';
import { ORACLE_ENV, toolPipeline } from './oracle.js';

const HAVE_RG = spawnSync('rg', ['--version']).status === 0;
if (!HAVE_RG) console.warn('rg-oracle: ripgrep (rg) is not installed; these differential tests are skipped');

const FILES: [string, string | Buffer][] = [
  ['src/a.py', 'import os\nclient = bigquery.Client()\nfoo foobar Foo\nrequests.get(u)\n'],
  ['src/b.ts', 'const c = new Client();\nfoo_bar foo\n'],
  ['src/c.tsx', 'export const Foo = () => <Client/>;\n'],
  ['src/sub/d.js', 'client.get(1)\nCLIENT\n'],
  ['src/sub/ignored.py', 'Client ignored by src/.ignore\n'],
  ['src/.ignore', 'ignored.py\n'],
  ['src/.hidden.py', 'Client hidden\n'],
  ['.config/x.py', 'Client in a hidden dir\n'],
  ['build/out.js', 'Client in a gitignored dir\n'],
  ['logs/x.log', 'Client in a gitignored file\n'],
  ['keep.log', 'Client re-included by !keep.log\n'],
  ['docs/notes.md', '# Client notes\nfoo\n'],
  ['docs/ünï cødé.md', 'Client ünïcødé name; café Client\n'],
  ['data/blob.bin', Buffer.from('Client\x00binary\nClient\n', 'latin1')],
  ['data/conf.yaml', 'client: foo\n'],
  ['scripts/run.sh', 'echo Client\n'],
  ['Gemfile', 'gem "client"\n'],
  ['vendor/v.go', 'package Client // .rgignore\n'],
  ['.rgignore', 'vendor/\n'],
  ['empty.txt', ''],
  ['crlf.txt', 'Client\r\nfoo\r\n'],
];

const CASES = [
  'rg Client',
  'rg Client | wc -l',
  'rg -c Client',
  'rg -c -l Client',
  'rg -l --count-matches foo',
  'rg -l -c Client src',
  "rg --count-matches '$' docs",
  'rg -l Client',
  'rg -n Client src',
  'rg Client src/',
  'rg Client ./src',
  'rg -i client',
  'rg -S client',
  'rg -S Client',
  'rg -w foo',
  'rg -x foo',
  'rg -F "bigquery.Client("',
  'rg -v Client src',
  'rg -e foo -e Client docs',
  'rg Client --type py',
  'rg -c Client -t ts',
  'rg -l Client -t js -t md',
  'rg -l Client -T py',
  'rg -l Client -t ruby',
  "rg -l Client -g '*.py'",
  "rg -l Client -g '!*.py'",
  "rg -l Client -g '!src' -g '!docs'",
  "rg -l Client -g 'src/**/*.js'",
  'rg -l Client --hidden',
  'rg -l Client -u',
  'rg -l Client -uu',
  'rg -l Client --no-ignore',
  'rg --count-matches foo',
  'rg -o "foo\\w*" src',
  'rg -c "\\d+" src',
  'rg -l "\\w+ \\w+"',
  'rg -c "(?i)client"',
  'rg -c "Cl[a-z]+t" src/a.py',
  'rg Client src/sub/ignored.py src/.hidden.py logs/x.log',
  'rg -c Client data/blob.bin',
  'rg -l Client data/blob.bin',
  'rg Client nosuch src/b.ts',
  'rg -c "cafe|café"',
  'rg "Client$" crlf.txt',
  // rg steps bytes: an empty match also inside each multi-byte character (found by generated-tree-oracle).
  'rg -o "o*" docs | wc -l',
];

let root: string;
let tree: RepoTree;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-rg-'));
  for (const [rel, content] of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  gitInit(root, 'build/\n*.log\n!keep.log\n');
  tree = fsTree(root, ['.git/**']);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const lines = (b: Buffer): string[] => (b.length === 0 ? [] : b.toString('utf8').replace(/\n$/, '').split('\n'));

async function both(command: string): Promise<{ ours: string[]; theirs: string[] }> {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new Error(parsed.reason);
  const ours = await evaluatePipeline(parsed.pipeline, tree);
  if (ours.incomplete) throw new Error(ours.incomplete);
  return { ours: ours.output, theirs: lines(toolPipeline(command, root)) };
}

describe.skipIf(!HAVE_RG)('rg pipelines vs ripgrep', () => {
  it.each(CASES)('%s', async (command) => {
    const { ours, theirs } = await both(command);
    if (command.includes('wc -l')) expect(ours).toEqual(theirs);
    else expect([...ours].sort()).toEqual([...theirs].sort());
  });

  it('knows the type table of the installed rg', () => {
    const list = spawnSync('rg', ['--type-list']).stdout.toString('utf8').split('\n');
    for (const [type, globs] of Object.entries(RG_TYPES)) expect(list).toContain(`${type}: ${globs.join(', ')}`);
  });

  const TOKENS = ['a', 'b', 'é', ' ', '.', '*', '+', '?', '[ab]', '[^a]', '(a|b)', '\\w', '\\d', '\\s', '\\W', 'x', 'foo', '^', '$'];
  const FLAGS = ['', '-i', '-w', '-x', '-v', '-c', '-l', '-o', '--count-matches', '-F', '-S'];
  it('agrees on generated patterns × flags (seeded)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-rgp-'));
    fs.writeFileSync(path.join(dir, 't1.txt'), 'ab ba\nfoo  x1\néa b\n\nAB é9 aa\n');
    fs.writeFileSync(path.join(dir, 't2.txt'), 'x.y*z\naaa bbb\n b a\n');
    fs.mkdirSync(path.join(dir, '.git'));
    const t = fsTree(dir, ['.git/**']);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 }).map((x) => x.join('')), fc.subarray(FLAGS, { maxLength: 2 }), async (pattern, flags) => {
        fc.pre(!(flags.includes('-o') && (flags.includes('-w') || flags.includes('-c') || flags.includes('-l'))));
        const quoted = `'${pattern.replace(/'/g, "'\\''")}'`;
        const command = `rg ${flags.filter(Boolean).join(' ')} -e ${quoted}`;
        const real = spawnSync('rg', [...flags.filter(Boolean), '-e', pattern], { cwd: dir, env: ORACLE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
        const parsed = parseGrepCommand(command);
        if (real.status === 2) {
          expect(parsed.ok, `rg refused ${pattern}: ${real.stderr}`).toBe(false);
          return;
        }
        if (!parsed.ok) {
          expect(parsed.reason, command).toMatch(/unsupported/);
          return;
        }
        const ours = await evaluatePipeline(parsed.pipeline, t);
        if (ours.incomplete) return; // reported, not counted (Unicode \b); never a wrong number
        expect([...ours.output].sort(), command).toEqual([...lines(real.stdout)].sort());
      }),
      { seed: 20261203, numRuns: process.env.FUZZ ? 1500 : 150 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30 * 60_000);
});
