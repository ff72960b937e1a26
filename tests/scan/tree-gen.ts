/**
 * A seeded generator of small hostile trees for the scan's property tests (issue 22): nested and
 * hidden directories, Unicode names and a name with a space, .gitignore/.ignore files, CRLF lines,
 * a last line without `\n`, invalid UTF-8, and binary files whose first NUL is early, after git's
 * 8000-byte window, after rg's 64 KiB buffer or after GNU grep's 96 KiB one.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

export interface GenFile {
  path: string;
  content: Buffer;
}

export interface GenTree {
  files: GenFile[];
}

const DIRS = ['src', 'src/sub', 'lib', '.hid', 'docs/ünï', 'a b', 'build'];
const NAMES = ['a.py', 'b.ts', 'c.js', '.h.py', 'x.txt', 'café.md', 'n o.py', 'k.log', 'Z.PY'];
/** Lines the patterns below are written against (ASCII, Unicode, CR, tabs, a bad byte). */
const LINES: Buffer[] = [
  'Client()',
  'client = Client(x)',
  'foo bar',
  'foo_bar foobar',
  'import os',
  'éa Client é',
  'Client\r',
  '\tfoo\t1',
  '',
  'x = 12 + 345',
  'CLIENT',
].map((s) => Buffer.from(s, 'utf8'));
const BAD_LINES = [Buffer.from('Client caf\xe9 \xff', 'latin1'), Buffer.from('foo \xc3( bar', 'latin1')];
const IGNORES = ['*.log', 'build/', 'sub/', '!keep.log', '*.txt', 'x.*', '/a.py', 'docs'];

const text = (lines: Buffer[], lastNewline: boolean): Buffer => Buffer.concat(lines.flatMap((l, k) => (k < lines.length - 1 || lastNewline ? [l, Buffer.from('\n')] : [l])));

/** Short lines around a NUL at about `at` bytes, with matching lines before and after it. */
function binary(at: number, head: Buffer[]): Buffer {
  const before = text(head, true);
  const filler: Buffer[] = [];
  let size = before.length;
  for (let k = 0; size < at; k++) {
    const l = Buffer.from(k % 50 === 7 ? 'Client filler\n' : `filler line ${k}\n`);
    filler.push(l);
    size += l.length;
  }
  return Buffer.concat([before, ...filler, Buffer.from('Cli\x00ent\nClient after\nfoo\n', 'latin1')]);
}

const lineArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_LINES) });

const contentArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(lineArb, { maxLength: 6 }), fc.boolean()).map(([l, nl]) => text(l, nl)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(10, 9000, 70_000, 100_000), fc.array(lineArb, { maxLength: 3 })).map(([at, head]) => binary(at, head)) },
);

/** A tree of 1–8 files and up to three ignore files. */
export const treeArb: fc.Arbitrary<GenTree> = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom('', ...DIRS), fc.constantFrom(...NAMES)).map(([d, n]) => (d ? `${d}/${n}` : n)), { minLength: 1, maxLength: 8 }),
    fc.array(contentArb, { minLength: 8, maxLength: 8 }),
    fc.array(fc.tuple(fc.constantFrom('', 'src', 'docs'), fc.constantFrom('.gitignore', '.ignore'), fc.subarray(IGNORES, { minLength: 1, maxLength: 3 })), { maxLength: 3 }),
  )
  .map(([paths, contents, ignores]) => {
    const files: GenFile[] = paths.map((p, k) => ({ path: p, content: contents[k] as Buffer }));
    for (const [dir, name, rules] of ignores) {
      const p = dir ? `${dir}/${name}` : name;
      if (!files.some((f) => f.path === p || f.path.startsWith(`${p}/`) || p.startsWith(`${f.path}/`))) files.push({ path: p, content: Buffer.from(`${rules.join('\n')}\n`) });
    }
    // A short form for fast-check's failure report (the contents are long).
    return Object.assign({ files }, { [fc.toStringMethod]: () => files.map((f) => `${f.path} ${f.content.length > 200 ? `(${f.content.length} B, NUL at ${f.content.indexOf(0)})` : JSON.stringify(f.content.toString('latin1'))}`).join(', ') });
  });

const GIT_ENV = { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };

/**
 * Writes the tree into a fresh `dir` and commits it: every file, ignored or not (`git add -f`), so
 * git grep sees what grep -r sees; an untracked file shows git grep's tracked-only rule.
 */
export function writeTree(dir: string, tree: GenTree): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of tree.files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.content);
  }
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '-A', '-f');
  git('commit', '-q', '--allow-empty', '-m', 'gen');
  fs.writeFileSync(path.join(dir, 'untracked.py'), 'Client untracked\n');
}
