/**
 * The doc as lines with their offsets, and mdast points on them: what the line-level fast path
 * (line-blocks.ts and its builders) reads and writes positions with.
 */

/** An mdast point: 1-based line and column, 0-based offset. */
export type Point = { line: number; column: number; offset: number };

/** A line of the doc: its text and where it starts. */
export interface Line {
  text: string;
  /** 1-based. */
  number: number;
  offset: number;
  /** The point at the line's end, made once and shared by every node that ends there (see lineEnd). */
  end: Point | undefined;
}

/** Splits the text into lines with their offsets. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (let number = 1; offset <= text.length; number++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(offset, end), number, offset, end: undefined });
    if (newline === -1) break;
    offset = end + 1;
  }
  return lines;
}

/** The point at 0-based `column` of `line`. */
export function point(line: Line, column: number): Point {
  return { line: line.number, column: column + 1, offset: line.offset + column };
}

/**
 * The point at the end of `line`, one object for every node that ends there (a list line's text,
 * paragraph, item and lists: issue 17, fewer objects living through the parse). Nothing moves the
 * fast path's points in place but unclampPositions, which moves each object once.
 */
export function lineEnd(line: Line): Point {
  return (line.end ??= { line: line.number, column: line.text.length + 1, offset: line.offset + line.text.length });
}

/** True for a line of nothing but spaces and tabs (or nothing). */
export function isBlankLine(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** True when the text ends in a space or a tab. */
export function endsInBlank(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code === 32 || code === 9;
}
