/**
 * remark's time grows catastrophically with list depth (a 400-level list took 12 s), and no tracking
 * doc nests lists that deep. Lines indented past MAX_INDENT columns are clamped to it before the parse,
 * so deeper items become siblings at the deepest kept level; positions are mapped back to the real text.
 */
import type { Root } from 'mdast';
import { movePositions } from './chunked-parse.js';

/** Deepest indentation kept, in columns (tabs to the next multiple of 4): 32 levels of 2-space lists. */
export const MAX_INDENT = 64;

/** The text with deep indentation clamped, and how to map positions back. */
export interface ClampedText {
  text: string;
  /** 1-based line of the first clamped line, or null when nothing was clamped. */
  firstLine: number | null;
  /** Characters removed (negative: added) at the start of each clamped line, by 1-based line. */
  removed: Map<number, number>;
}

function indentWidth(indent: string): number {
  let column = 0;
  for (const char of indent) column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** Clamps every line's leading indentation to MAX_INDENT columns. */
export function clampIndentation(text: string): ClampedText {
  const removed = new Map<number, number>();
  // Fast path: no run of whitespace at a line start can be that wide without being at least 16 tabs long.
  if (!/^[ \t]{16,}/m.test(text)) return { text, firstLine: null, removed };
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indentWidth(indent) <= MAX_INDENT || indent.length === line.length) return;
    lines[index] = ' '.repeat(MAX_INDENT) + line.slice(indent.length);
    removed.set(index + 1, indent.length - MAX_INDENT);
  });
  if (removed.size === 0) return { text, firstLine: null, removed };
  return { text: lines.join('\n'), firstLine: removed.keys().next().value ?? null, removed };
}

/** Moves positions in a tree parsed from `clamped.text` back onto the original text. */
export function unclampPositions(root: Root, clamped: ClampedText): void {
  if (clamped.removed.size === 0) return;
  // Offset shift at the start of each line: the sum of what was removed on the lines before it.
  const lineCount = clamped.text.split('\n').length;
  const before = new Array<number>(lineCount + 2).fill(0);
  for (let line = 2; line <= lineCount + 1; line++) before[line] = (before[line - 1] ?? 0) + (clamped.removed.get(line - 1) ?? 0);
  movePositions(root, (point) => {
    const onLine = clamped.removed.get(point.line) ?? 0;
    const past = point.column > MAX_INDENT ? onLine : 0; // points inside the clamped indentation stay put
    if (point.offset !== undefined) point.offset += (before[point.line] ?? 0) + past;
    point.column += past;
  });
}
