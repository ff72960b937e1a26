/** Offsets of the lines of a doc's text, for edits placed by line (summaries, rollups, moves). */

/** The offset in the text of each line of `lines` (the text split at '\n'). */
export function lineStartsOf(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}
