/**
 * Where rg, walking a directory, stops in a binary file: its first read is the BOM sniffer's three
 * bytes, so the complete lines among a file's first three bytes are searched before a NUL in the
 * next read stops it (`\n\0` prints its empty first line, `foo\n\0` nothing). Checked against the
 * installed ripgrep on small files whose NUL sits just past that first read (issue 22).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatePipeline, fsTree, parseGrepCommand } from '../../src/lib/scan/index.js';
import { toolPipeline } from './oracle.js';

const HAVE_RG = spawnSync('rg', ['--version']).status === 0;
const CONTENTS = ['\nfoo\0bar\n', 'foo\n\0bar\n', 'o1\n\0', 'o1\no2\n\0', 'a\no2\no3\n\0', '\n\nfoo\0\n', 'ab\nfoo\nx\0bar\n', 'o\no\no\0', 'q\n\0'];
const COMMANDS = ['rg -n o', "rg -o 'o*'", "rg 'o*' | wc -l", 'rg -c o', 'rg -l o'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.skipIf(!HAVE_RG)('rg in a binary file whose NUL follows its first read', () => {
  it.each(CONTENTS.map((c) => [JSON.stringify(c), c]))('%s', async (_name, content) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migratrack-rg-first-'));
    dirs.push(root);
    fs.writeFileSync(path.join(root, 'a.txt'), content, 'latin1');
    const tree = fsTree(root, []);
    for (const command of COMMANDS) {
      const parsed = parseGrepCommand(command);
      if (!parsed.ok) throw new Error(parsed.reason);
      const ours = await evaluatePipeline(parsed.pipeline, tree);
      const theirs = toolPipeline(command, root).toString('utf8');
      expect({ command, out: ours.output }).toEqual({ command, out: theirs === '' ? [] : theirs.replace(/\n$/, '').split('\n') });
    }
  });
});
