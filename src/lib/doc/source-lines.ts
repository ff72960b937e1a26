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
}

/** Splits the text into lines with their offsets. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (let number = 1; offset <= text.length; number++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(offset, end), number, offset });
    if (newline === -1) break;
    offset = end + 1;
  }
  return lines;
}

/** The point at 0-based `column` of `line`. */
export function point(line: Line, column: number): Point {
  return { line: line.number, column: column + 1, offset: line.offset + column };
}

/** The point at the end of `line`. */
export function lineEnd(line: Line): Point {
  return { line: line.number, column: line.text.length + 1, offset: line.offset + line.text.length };
}

/** Moves `at` to the end of `line`, in place (the fast path's points each belong to one node). */
export function moveToLineEnd(at: { line: number; column: number; offset?: number | undefined }, line: Line): void {
  at.line = line.number;
  at.column = line.text.length + 1;
  at.offset = line.offset + line.text.length;
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
