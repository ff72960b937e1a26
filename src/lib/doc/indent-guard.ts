/**
 * remark's time grows catastrophically with list depth (a 400-level list took 12 s), and no tracking
 * doc nests lists that deep. Lines indented past MAX_INDENT columns are clamped to it before the parse,
 * so deeper items become siblings at the deepest kept level; positions are mapped back to the real text.
 * One line can nest just as deep with markers alone ("- - - - … x", "> > > …": 10,000 of them took
 * 103 s and then overflowed the stack, issue 20): past MAX_LINE_MARKERS on a line the markers are
 * blanked (same length, so positions need no mapping) and the rest of the line is read as text.
 */
import type { Root } from 'mdast';
import { movePositions } from './chunked-parse.js';

/** Deepest indentation kept, in columns (tabs to the next multiple of 4): 32 levels of 2-space lists. */
export const MAX_INDENT = 64;

/** Container markers (list bullets, ordered-list numbers, quote signs) kept at the start of one line. */
export const MAX_LINE_MARKERS = MAX_INDENT / 2;

/** The text with deep indentation clamped, and how to map positions back. */
export interface ClampedText {
  text: string;
  /** 1-based line of the first clamped line (indentation or markers), or null when nothing was clamped. */
  firstLine: number | null;
  /** Characters removed (negative: added) at the start of each clamped line, by 1-based line. */
  removed: Map<number, number>;
}

function indentWidth(indent: string): number {
  let column = 0;
  for (const char of indent) column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** Clamps every line's leading indentation to MAX_INDENT columns, and its markers to MAX_LINE_MARKERS. */
export function clampIndentation(text: string): ClampedText {
  const removed = new Map<number, number>();
  // Fast paths: no run of whitespace at a line start can be that wide without being at least 16
  // tabs long, and no line nests deep with markers without starting with a run of them.
  const deepIndent = /^[ \t]{16,}/m.test(text);
  const manyMarkers = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])){8}/m.test(text);
  if (!deepIndent && !manyMarkers) return { text, firstLine: null, removed };
  const lines = text.split('\n');
  let firstLine: number | null = null;
  lines.forEach((line, index) => {
    const blanked = manyMarkers ? blankExcessMarkers(line) : line;
    if (blanked !== line) firstLine ??= index + 1;
    lines[index] = blanked;
    const indent = /^[ \t]*/.exec(blanked)?.[0] ?? '';
    if (indentWidth(indent) <= MAX_INDENT || indent.length === blanked.length) return;
    lines[index] = ' '.repeat(MAX_INDENT) + blanked.slice(indent.length);
    removed.set(index + 1, indent.length - MAX_INDENT);
    firstLine ??= index + 1;
  });
  if (firstLine === null) return { text, firstLine: null, removed };
  return { text: lines.join('\n'), firstLine, removed };
}

/** A thematic break ("- - -", "* * *") is one node however many markers it has: never cut. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The line with every container marker after the first MAX_LINE_MARKERS replaced by spaces, or the
 * line itself when it has no more than that. Scanned by hand: a regex over runs of markers and
 * blanks backtracks on exactly the lines this guards against.
 */
export function blankExcessMarkers(line: string): string {
  let at = 0;
  let markers = 0;
  let cut = -1;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at++;
    const end = markerEnd(line, at);
    if (end < 0) break;
    markers++;
    if (markers === MAX_LINE_MARKERS) cut = end;
    at = end;
  }
  if (cut < 0 || markers <= MAX_LINE_MARKERS || THEMATIC_BREAK.test(line)) return line;
  return line.slice(0, cut) + ' '.repeat(at - cut) + line.slice(at);
}

/** The offset after the container marker at `at` (">", or "-", "*", "+", "1." or "1)" followed by a blank or the line end), or -1. */
function markerEnd(line: string, at: number): number {
  const char = line[at];
  if (char === '>') return at + 1;
  let end = at;
  if (char === '-' || char === '*' || char === '+') end = at + 1;
  else {
    while (end < line.length && end - at < 9 && line[end]! >= '0' && line[end]! <= '9') end++;
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return -1;
    end++;
  }
  const next = line[end];
  return next === undefined || next === ' ' || next === '\t' ? end : -1;
}

/** Moves positions in a tree parsed from `clamped.text` back onto the original text. */
export function unclampPositions(root: Root, clamped: ClampedText): void {
  if (clamped.removed.size === 0) return;
  // Offset shift at the start of each line: the sum of what was removed on the lines before it.
  const lineCount = clamped.text.split('\n').length;
  const before = new Array<number>(lineCount + 2).fill(0);
  for (let line = 2; line <= lineCount + 1; line++) before[line] = (before[line - 1] ?? 0) + (clamped.removed.get(line - 1) ?? 0);
  // The fast path shares one point between the nodes that end at the same place: move each once.
  const moved = new Set<object>();
  movePositions(root, (point) => {
    if (moved.has(point)) return;
    moved.add(point);
    const onLine = clamped.removed.get(point.line) ?? 0;
    const past = point.column > MAX_INDENT ? onLine : 0; // points inside the clamped indentation stay put
    if (point.offset !== undefined) point.offset += (before[point.line] ?? 0) + past;
    point.column += past;
  });
}
