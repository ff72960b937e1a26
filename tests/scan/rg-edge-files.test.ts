/**
 * rg on small files at the edges of its reading, checked against the installed ripgrep (issue 22):
 * - where, walking a directory, it stops in a binary file: its first read is the BOM sniffer's three
 *   bytes, so the complete lines among a file's first three bytes are searched before a NUL in the
 *   next read stops it (`\n\0` prints its empty first line, `foo\n\0` nothing);
 * - a last line without `\n`: rg -o drops an empty match at its very end, and prints the line whole
 *   when that was its only match (`rg -o '$'` on `ab` prints `ab`).
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
const UNTERMINATED = ['ab', 'ab\ncd', 'Client\r', 'foo bar\nClient()\nClient\r', 'oo', 'é', 'ab\n', '\n', 'x'];
const LAST_LINE_COMMANDS = ["rg -o 'x*'", "rg -n -o '$'", "rg -o 'b*$'", "rg -o 'o*'", "rg --count-matches 'x*'", "rg --count-matches '$'", "rg -o '\b'"];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function agree(content: string, commands: readonly string[]): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migratrack-rg-edge-'));
  dirs.push(root);
  fs.writeFileSync(path.join(root, 'a.txt'), content);
  const tree = fsTree(root, []);
  for (const command of commands) {
    const parsed = parseGrepCommand(command);
    if (!parsed.ok) throw new Error(parsed.reason);
    const ours = await evaluatePipeline(parsed.pipeline, tree);
    const theirs = toolPipeline(command, root).toString('utf8');
    expect({ command, out: ours.output }).toEqual({ command, out: theirs === '' ? [] : theirs.replace(/\n$/, '').split('\n') });
  }
}

describe.skipIf(!HAVE_RG)('rg on a last line without a newline', () => {
  it.each(UNTERMINATED.map((c) => [JSON.stringify(c), c]))('%s', (_name, content) => agree(content, LAST_LINE_COMMANDS));
});

describe.skipIf(!HAVE_RG)('rg in a binary file whose NUL follows its first read', () => {
  it.each(CONTENTS.map((c) => [JSON.stringify(c), c]))('%s', (_name, content) => agree(content, COMMANDS));
});
