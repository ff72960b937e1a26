/**
 * grep's line semantics over file bytes: lines end at `\n` (the last one may lack it), CR is an
 * ordinary character, and a file with a NUL byte is binary: GNU grep 3.x then also treats NUL as a
 * line end ("zaps" NULs) and prints "binary file matches" instead of lines. A line with bytes that
 * are not UTF-8 is an encoding error in a UTF-8 locale: grep stops printing that file there.
 */
import { isUtf8 } from 'node:buffer';
import { INVALID_BYTE_MARK } from './regex/emit.js';
import { rgReadHolding } from './binary-windows.js';
import { decodePath } from './tree/bytes.js';
import type { CompiledPattern } from './regex/compile.js';

/** One selected line: 1-based number (counted by `\n`), its text (U+FFFD for bad bytes). */
export interface LineHit {
  line: number;
  text: string;
  /** The line has bytes that are not valid UTF-8 (grep 3.x stops output at such a line). */
  encodingError: boolean;
  /** With -o: the matched parts grep prints, one per output line. */
  parts?: string[];
  /**
   * The line's exact bytes (bad bytes as U+DC80+byte, see tree/bytes.ts), only when they differ
   * from `text` or hold a NUL: rg and git grep print a line's raw bytes (issue 22).
   */
  raw?: string;
  /** In a file with a NUL: the offset of the byte ending the line (its `\n`, or the file's end). */
  end?: number;
  /** In a file with a NUL, with keepNul: the line holds a NUL byte. */
  nul?: boolean;
}

export interface BufferScan {
  /** The file has a NUL byte: grep reports "binary file matches" instead of printing lines. */
  binary: boolean;
  hits: LineHit[];
  /** Offset of the first NUL byte, when there is one (each tool's binary rule needs it). */
  nulAt?: number;
  /** With keepNul: where rg's read holding that NUL starts (binary-windows.ts). */
  rgNulRead?: number;
}

const NL = 10;

/** Decodes a line for matching: invalid bytes become INVALID_BYTE_MARK, which `.` and classes never match. */
function matchText(buf: Buffer, start: number, end: number): LineText {
  const text = buf.toString('utf8', start, end);
  if (!text.includes('\uFFFD') || isUtf8(buf.subarray(start, end))) return { text, forMatch: text, bad: false };
  let out = '';
  let i = start;
  while (i < end) {
    const n = seqLength(buf, i, end);
    out += n > 0 ? buf.toString('utf8', i, i + n) : INVALID_BYTE_MARK;
    i += n > 0 ? n : 1;
  }
  return { text, forMatch: out, bad: true, raw: decodePath(buf.subarray(start, end)) };
}

interface LineText {
  text: string;
  forMatch: string;
  bad: boolean;
  /** The exact bytes, when some are not UTF-8. */
  raw?: string;
}

/** Length of a valid UTF-8 sequence at i, or 0. */
function seqLength(buf: Buffer, i: number, end: number): number {
  const b = buf[i] as number;
  const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > end) return 0;
  return isUtf8(buf.subarray(i, i + n)) ? n : 0;
}

/** What most files give: no required literal, so no line to test (shared, not built per file). */
const NO_HITS: BufferScan = Object.freeze({ binary: false, hits: Object.freeze([]) as unknown as LineHit[] });

/** The required literals' UTF-8 bytes, made once per pattern: a string needle is encoded on every search. */
const needlesOf = new WeakMap<CompiledPattern, readonly Buffer[]>();

function requiredNeedles(compiled: CompiledPattern, required: readonly string[]): readonly Buffer[] {
  let needles = needlesOf.get(compiled);
  if (needles === undefined) needlesOf.set(compiled, (needles = required.map((lit) => Buffer.from(lit, 'utf8'))));
  return needles;
}

/** Scans a whole file: every line grep would select, plus whether the file is binary. */
export function scanBuffer(content: Buffer | string, compiled: CompiledPattern): BufferScan {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const needles = compiled.required && !compiled.spec.invert ? requiredNeedles(compiled, compiled.required) : null;
  // No required literal anywhere: no line can match, binary or not (grep's kwset skip).
  if (needles !== null && !needles.some((needle) => buf.includes(needle))) return NO_HITS;
  const nulAt = buf.indexOf(0);
  const binary = nulAt >= 0;
  // GNU grep splits a binary file's lines at NULs too; rg and git grep keep NUL as a byte (keepNul).
  const zap = binary && compiled.spec.keepNul !== true;
  const hits = needles !== null && !zap ? candidates(buf, compiled, needles, binary) : allLines(buf, compiled, zap, binary);
  if (!binary) return { binary, hits };
  return compiled.spec.keepNul ? { binary, hits, nulAt, rgNulRead: rgReadHolding(buf, nulAt) } : { binary, hits, nulAt };
}

function allLines(buf: Buffer, compiled: CompiledPattern, zap: boolean, binary: boolean): LineHit[] {
  const hits: LineHit[] = [];
  let line = 1;
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(NL, start);
    if (end < 0) end = buf.length;
    // Binary files: NUL also ends a line (GNU grep's nul_zapper); numbering stays by `\n`.
    let s = start;
    while (s <= end) {
      let e = zap ? buf.indexOf(0, s) : -1;
      if (e < 0 || e > end) e = end;
      const t = matchText(buf, s, e);
      if (compiled.selects(t.forMatch)) hits.push(hitOf(compiled, line, t, binary ? end : -1, e === buf.length));
      s = e + 1;
    }
    line++;
    start = end + 1;
  }
  return hits;
}

/** `lineEnd` ≥ 0 in a file with a NUL: where the whole `\n`-line ends (t may be a piece of it). */
function hitOf(compiled: CompiledPattern, line: number, t: LineText, lineEnd: number, unterminated: boolean): LineHit {
  const hit: LineHit = { line, text: t.text, encodingError: t.bad };
  if (compiled.spec.onlyMatching) {
    const parts = compiled.occurrences(t.forMatch, unterminated);
    // rg -o prints a selected line whose only match it dropped (see rustOccurrences) whole.
    if (parts.length > 0 || compiled.spec.flavour !== 'rust') hit.parts = parts;
  }
  if (t.raw !== undefined) hit.raw = t.raw;
  if (lineEnd >= 0) {
    hit.end = lineEnd;
    if (compiled.spec.keepNul && t.text.includes('\0')) {
      hit.nul = true;
      hit.raw ??= t.text;
    }
  }
  return hit;
}

/** Only lines containing one of the required literals are decoded and tested. */
function candidates(buf: Buffer, compiled: CompiledPattern, needles: readonly Buffer[], binary: boolean): LineHit[] {
  // Most files hold no needle: nothing is allocated for them (this runs per file and pattern).
  let starts: number[] | null = null;
  for (const needle of needles) {
    let at = buf.indexOf(needle);
    while (at >= 0) {
      (starts ??= []).push(buf.lastIndexOf(NL, at) + 1);
      let e = buf.indexOf(NL, at + needle.length);
      if (e < 0) e = buf.length;
      at = buf.indexOf(needle, e + 1);
    }
  }
  if (starts === null) return [];
  // Several needles can find the same line: each line once, in file order.
  const sorted = needles.length === 1 ? starts : [...new Set(starts)].sort((a, b) => a - b);
  const hits: LineHit[] = [];
  let line = 1;
  let pos = 0;
  for (const s of sorted) {
    for (let k = buf.indexOf(NL, pos); k >= 0 && k < s; k = buf.indexOf(NL, k + 1)) line++;
    pos = s;
    let e = buf.indexOf(NL, s);
    if (e < 0) e = buf.length;
    const t = matchText(buf, s, e);
    if (compiled.selects(t.forMatch)) hits.push(hitOf(compiled, line, t, binary ? e : -1, e === buf.length));
  }
  return hits;
}

/**
 * The lines grep selects in one file's content, with grep's line semantics (see above).
 * Binary files give their selected NUL-separated pieces too; callers decide how to print them.
 */
export function matchingLines(content: Buffer | string, compiled: CompiledPattern): { line: number; text: string }[] {
  return scanBuffer(content, compiled).hits.map(({ line, text }) => ({ line, text }));
}
