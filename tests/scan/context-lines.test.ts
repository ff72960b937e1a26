/**
 * A hit's context lines are decoded line by line around it (cache.ts, issue 21), not by decoding
 * and splitting the whole file: held here to what the whole-file split gives, on files with bad
 * UTF-8 bytes (a sequence cut by a newline too), CRLF, empty lines, no final newline, or several.
 */
import { describe, expect, it } from 'vitest';
import { scanFile } from '../../src/lib/scan/cache.js';
import { compilePattern, type CompiledPattern } from '../../src/lib/scan/regex/compile.js';

function pattern(text: string): CompiledPattern {
  const c = compilePattern({ pattern: text, flavour: 'basic', ignoreCase: false, wordRegexp: false, invert: false });
  if ('error' in c) throw new Error(c.error);
  return c;
}

/** The context as the whole file split on newlines gives it. */
function splitContext(buf: Buffer, hitLines: number[], context: number): { before: string[][]; after: string[][] } {
  const lines = buf.toString('utf8').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return {
    before: hitLines.map((line) => lines.slice(Math.max(0, line - 1 - context), line - 1)),
    after: hitLines.map((line) => lines.slice(line, line + context)),
  };
}

const PIECES = ['hit', 'x', '', 'é', '\r', '\u{1F600}', 'hit again'].map((s) => Buffer.from(s));
const BAD = [Buffer.from([0xe2, 0x82]), Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xf0, 0x9f, 0x98])];

describe('context lines around hits', () => {
  it('are what splitting the whole file gives', () => {
    const hit = pattern('hit');
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let compared = 0;
    for (let file = 0; file < 400; file++) {
      const parts: Buffer[] = [];
      const lines = 1 + next(12);
      for (let l = 0; l < lines; l++) {
        for (let p = next(3); p >= 0; p--) parts.push(next(5) === 0 ? (BAD[next(BAD.length)] as Buffer) : (PIECES[next(PIECES.length)] as Buffer));
        if (l < lines - 1 || next(2) === 0) parts.push(Buffer.from(next(6) === 0 ? '\n\n' : '\n'));
      }
      const buf = Buffer.concat(parts);
      for (const context of [1, 2, 3]) {
        const scan = scanFile(buf, hit, context);
        if (scan.binary || scan.hits.length === 0) continue;
        compared++;
        expect({ before: scan.before, after: scan.after }).toEqual(splitContext(buf, scan.hits.map((h) => h.line), context));
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('stop at the file’s end, with or without a final newline', () => {
    for (const text of ['a\nhit\n', 'a\nhit', 'hit\n\n', 'hit\n\nb', 'hit']) {
      const buf = Buffer.from(text);
      const scan = scanFile(buf, pattern('hit'), 2);
      expect({ before: scan.before, after: scan.after }).toEqual(splitContext(buf, scan.hits.map((h) => h.line), 2));
    }
  });
});
