/**
 * Edits planned on the doc's clean text, applied to its bytes as they are on disk: line endings
 * (CRLF, LF, lone CR, mixed), a BOM and the doc's encoding are kept, and so is every byte outside
 * the edits. A mojibake'd doc (UTF-8 once read as Mac Roman and saved) gets its new text mangled
 * the same way, so it stays readable by whoever edits it in that state, unless `repairEncoding`
 * asks for the whole doc to be written as clean UTF-8 (issue 19).
 */
import { createRequire } from 'node:module';
import type iconvLite from 'iconv-lite';
import { toMojibake, type TrackingDoc } from '../doc/index.js';
import { MigratrackError } from '../errors.js';
import { lineStartsOf } from './lines.js';
import type { SyncEdit } from './types.js';

/** iconv-lite (CommonJS) on first use: only a doc that is not UTF-8 needs it, and every command loads this module (issue 21). */
let iconvModule: typeof iconvLite | undefined;
function iconv(): typeof iconvLite {
  return (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof iconvLite);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, and how to turn text back into bytes (the doc stage's fallback for non-UTF-8). */
function readRaw(bytes: Buffer): { text: string; charset: 'utf8' | 'windows-1252' } {
  try {
    return { text: strictUtf8.decode(bytes), charset: 'utf8' };
  } catch {
    return { text: iconv().decode(bytes, 'windows-1252'), charset: 'windows-1252' };
  }
}

interface RawLine {
  /** Offset of the line's content in the raw text. */
  start: number;
  content: string;
  terminator: string;
}

function splitRaw(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ start, content: text.slice(start, match.index), terminator: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ start, content: text.slice(start), terminator: '' });
  return lines;
}

/** Tokens a mojibake repair maps one to one: single ASCII characters and runs of non-ASCII ones. */
function tokens(text: string): Array<{ start: number; text: string }> {
  return [...text.matchAll(/[\x00-\x7F]|[^\x00-\x7F]+/g)].map((match) => ({ start: match.index, text: match[0] }));
}

/** Clean-line offset → raw-line offset, moved out of a non-ASCII run to its edge when inside one. */
type Aligner = (column: number, edge: 'start' | 'end') => { raw: number; clean: number } | null;

function alignLine(clean: string, raw: string): Aligner {
  if (clean === raw) return (column) => ({ raw: column, clean: column });
  const cleanTokens = tokens(clean);
  const rawTokens = tokens(raw);
  const aligned = cleanTokens.length === rawTokens.length && cleanTokens.every((token, index) => /[^\x00-\x7F]/.test(token.text) === /[^\x00-\x7F]/.test(rawTokens[index]?.text ?? '') && (/[^\x00-\x7F]/.test(token.text) || token.text === rawTokens[index]?.text));
  if (!aligned) return () => null;
  return (column, edge) => {
    if (column === clean.length) return { raw: raw.length, clean: column };
    const index = cleanTokens.findIndex((token) => column >= token.start && column < token.start + token.text.length);
    const token = cleanTokens[index];
    const rawToken = rawTokens[index];
    if (token === undefined || rawToken === undefined) return null;
    if (column === token.start) return { raw: rawToken.start, clean: column };
    return edge === 'start' ? { raw: rawToken.start, clean: token.start } : { raw: rawToken.start + rawToken.text.length, clean: token.start + token.text.length };
  };
}

export interface ApplyOptions {
  /** Write the whole doc as clean UTF-8 (mojibake repaired), not only the edits. */
  repairEncoding: boolean;
}

/** The doc's bytes with `edits` applied (see the module comment). Throws when an edit cannot be placed. */
export function applyEdits(bytes: Buffer, doc: TrackingDoc, edits: readonly SyncEdit[], options: ApplyOptions): Buffer {
  if (edits.length === 0 && (!options.repairEncoding || doc.encoding.repairedFrom === null)) return bytes;
  const raw = readRaw(bytes);
  const rawLines = splitRaw(raw.text);
  const cleanLines = doc.text.split('\n');
  if (rawLines.length !== cleanLines.length) {
    throw new MigratrackError('input', `${doc.path}: the doc has ${rawLines.length} lines on disk but ${cleanLines.length} as read; it was not changed`, { file: doc.path });
  }
  const charset = doc.encoding.repairedFrom;
  const mangle = (text: string): string => (charset === null || options.repairEncoding ? text : toMojibake(text, charset));
  const bomLength = firstLineBom(rawLines[0]?.content ?? '', doc, mangle);
  // The text edits are placed in: the bytes as read, or (repairing) the clean lines with the raw line ends.
  const base = options.repairEncoding
    ? (doc.encoding.bom ? '\uFEFF' : '') + cleanLines.map((line, index) => line + (rawLines[index]?.terminator ?? '')).join('')
    : raw.text;
  const baseLines = options.repairEncoding ? splitRaw(base.slice(doc.encoding.bom ? 1 : 0)).map((line) => ({ ...line, start: line.start + (doc.encoding.bom ? 1 : 0) })) : rawLines;
  const newline = doc.encoding.crlf ? '\r\n' : '\n';
  const lineStarts = lineStartsOf(cleanLines);
  const aligners = new Map<number, Aligner>();
  const place = (offset: number, edge: 'start' | 'end'): { raw: number; clean: number } => {
    const line = lineOf(lineStarts, offset);
    const baseLine = baseLines[line];
    const cleanLine = cleanLines[line] ?? '';
    if (baseLine === undefined) throw placeError(doc, line + 1);
    const skip = line === 0 && !options.repairEncoding ? bomLength : 0;
    let align = aligners.get(line);
    if (align === undefined) {
      align = alignLine(cleanLine, baseLine.content.slice(skip));
      aligners.set(line, align);
    }
    const spot = align(offset - (lineStarts[line] ?? 0), edge);
    if (spot === null) throw placeError(doc, line + 1);
    return { raw: baseLine.start + skip + spot.raw, clean: (lineStarts[line] ?? 0) + spot.clean };
  };
  let out = base;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const from = place(edit.start, 'start');
    const to = place(edit.end, 'end');
    const text = doc.text.slice(from.clean, edit.start) + edit.replacement + doc.text.slice(edit.end, to.clean);
    const written = edit.moved !== undefined ? movedText(edit.moved, baseLines, newline) : mangle(text).replace(/\n/g, newline);
    out = out.slice(0, from.raw) + written + out.slice(to.raw);
  }
  return raw.charset === 'utf8' || options.repairEncoding ? Buffer.from(out, 'utf8') : iconv().encode(out, 'windows-1252');
}

/**
 * Lines a move carries, copied from the text edits are placed in (the bytes as read, mojibake and
 * all, or the repaired lines), each with its own line end (the doc's, for a last line without one).
 */
function movedText(moved: NonNullable<SyncEdit['moved']>, lines: readonly RawLine[], newline: string): string {
  const parts = moved.lines.map((entry) => {
    const line = lines[entry.line - 1];
    return { text: entry.prefix + (line?.content ?? '').slice(entry.strip), end: line?.terminator || newline };
  });
  if (!moved.leadingBreak) return parts.map((part) => part.text + part.end).join('');
  return newline + parts.map((part, index) => part.text + (index === parts.length - 1 ? '' : part.end)).join('');
}

/** Length of the BOM at the start of the raw first line: a real one, or one mangled with the rest. */
function firstLineBom(firstLine: string, doc: TrackingDoc, mangle: (text: string) => string): number {
  if (!doc.encoding.bom) return 0;
  if (firstLine.startsWith('\uFEFF')) return 1;
  const mangled = mangle('\uFEFF');
  return firstLine.startsWith(mangled) ? mangled.length : 0;
}

/** 0-based index of the line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function placeError(doc: TrackingDoc, line: number): MigratrackError {
  return new MigratrackError('input', `${doc.path}:${line}: the line on disk does not match the line as read (an encoding the sync cannot map back); the doc was not changed`, { file: doc.path, line });
}
