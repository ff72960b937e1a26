/** Cells of a markdown table line, for the sync edits that rewrite cells (summary tables, check columns). */

/** Cells of a table line, with their offsets in the line (`\|` is not a separator). */
export function cellsOf(text: string): Array<{ start: number; text: string }> {
  const cells: Array<{ start: number; text: string }> = [];
  let start = text.indexOf('|') + 1;
  for (let index = start; index <= text.length; index++) {
    if (index === text.length || (text[index] === '|' && text[index - 1] !== '\\')) {
      if (index < text.length || text.slice(start).trim() !== '') cells.push({ start, text: text.slice(start, index) });
      start = index + 1;
    }
  }
  return cells;
}
