/**
 * A hostile little tree, built by code in a temp dir: names with spaces, quotes, a newline and a
 * non-UTF-8 byte, hidden files, binary files with the pattern inside, CRLF and Latin-1 content,
 * nested and excluded dirs, symlinks inside, out of the tree and in a loop.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGrepCommand, type GrepPipeline } from '../../src/lib/scan/index.js';

export interface Fixture {
  root: string;
  outside: string;
}

const FILES: [string, string | Buffer][] = [
  ['src/a.py', 'import x\nc = bigquery.Client(project)\nd = bigquery.Client()\nrequests.get(u)\n'],
  ['src/b.py', 'nothing here\nrequests.post(u)  # http_pool\nrequests.Session()\n'],
  ['src/with space.py', 'bigquery.Client(1)\n'],
  ['src/quote\'"s.py', 'requests.get(x)\n'],
  ['src/new\nline.py', 'bigquery.Client(2)\n'],
  ['src/crlf.py', 'bigquery.Client(3)\r\nrequests.get\r\nend\r\n'],
  ['src/latin1.py', Buffer.from('bigquery.Client(4)\ncaf\xe9 = bigquery.Client(5)\nbigquery.Client(6)\n', 'latin1')],
  ['src/.dot.py', 'bigquery.Client(7)\n'],
  ['src/deep/er/x.py', 'from shared.clients.http_pool import get\nrequests.get(z)\n'],
  ['src/deep/er/x.txt', 'bigquery.Client(txt)\n'],
  ['src/noeol.py', 'bigquery.Client(8)'],
  ['.hidden/h.py', 'bigquery.Client(9)\n'],
  ['node_modules/m.py', 'bigquery.Client(10)\n'],
  ['bin/blob.bin', Buffer.from('\x00\x01bigquery.Client(\x00zz\nbigquery.Client(11)\n', 'latin1')],
  ['bin/empty.bin', ''],
  ['docs/T.md', '| 1 | ✅ Complete |\n| 2 | ❌ Not Started |\n| 3 | ✅ Complete |\n'],
  ['lib/l.py', 'bigquery.Client(lib)\n'],
];

export function makeFixture(): Fixture {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-scan-'));
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.py'), 'bigquery.Client(OUTSIDE)\n');
  for (const [rel, content] of FILES) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  // A non-UTF-8 byte in a name.
  fs.writeFileSync(Buffer.concat([Buffer.from(`${root}/src/caf`), Buffer.from([0xe9]), Buffer.from('.py')]), 'bigquery.Client(12)\n');
  fs.symlinkSync('a.py', path.join(root, 'src/link_in.py'));
  fs.symlinkSync('../lib', path.join(root, 'src/link_dir'));
  fs.symlinkSync(outside, path.join(root, 'src/link_out'));
  fs.symlinkSync(path.join(outside, 'secret.py'), path.join(root, 'src/link_out_file.py'));
  fs.symlinkSync('..', path.join(root, 'src/deep/loop'));
  fs.symlinkSync('missing.py', path.join(root, 'src/dangling.py'));
  return { root, outside };
}

/** Makes the fixture a git repository with fixed dates; returns HEAD. */
export function gitInit(root: string, ignore = 'node_modules/\n'): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  fs.writeFileSync(path.join(root, '.gitignore'), ignore);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  return git('rev-parse', 'HEAD');
}

/** A command the tests know to be supported, parsed (a throw names the reason if not). */
export function grepPipeline(command: string): GrepPipeline {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pipeline;
}
