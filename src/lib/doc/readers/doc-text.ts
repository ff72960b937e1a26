/**
 * Offsets in the doc text to 1-based lines and columns, for the exact status spans a later
 * `migratrack sync` rewrites (issue 19).
 */
import type { StatusSpan } from '../model.js';
import type { Mark } from '../outline.js';

export class DocText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The span of a mark, or null when it is empty. */
  spanOf(mark: Mark | null): StatusSpan | null {
    if (mark === null || mark.end <= mark.start) return null;
    const line = this.lineOf(mark.start);
    const lineStart = this.lineStarts[line - 1] ?? 0;
    return { line, column: mark.start - lineStart + 1, endColumn: mark.end - lineStart + 1, start: mark.start, end: mark.end, text: this.text.slice(mark.start, mark.end) };
  }
}
