/**
 * The fast path's GFM tables: every line starts and ends with `|` and has the delimiter row's cell
 * count, cells in the inline subset; built as exactly the mdast remark-gfm builds, or null.
 */
import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import { inline } from './line-inline.js';
import { lineEnd, point, type Line } from './source-lines.js';

const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;
const BLANK_EDGE = /^\s|\s$/;

/** One `| a | b |` line's cells: each from its opening pipe to the next (the last one to the closing pipe). */
function tableRow(line: Line, width: number): TableRow | null {
  const text = line.text;
  if (text[0] !== '|' || text[text.length - 1] !== '|' || text.length < 2) return null;
  let pipes = 0;
  for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) pipes++;
  if (pipes - 1 !== width) return null;
  const children: TableCell[] = [];
  for (let cell = 0, from = 1; cell < width; cell++) {
    const to = text.indexOf('|', from);
    const raw = text.slice(from, to);
    const content = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const nodes = content === '' ? [] : inline(line, from + lead, content);
    if (nodes === null || (content !== '' && BLANK_EDGE.test(content))) return null;
    const end = cell === width - 1 ? to + 1 : to;
    children.push({ type: 'tableCell', children: nodes, position: { start: point(line, from - 1), end: point(line, end) } });
    from = to + 1;
  }
  return { type: 'tableRow', children, position: { start: point(line, 0), end: lineEnd(line) } };
}

function alignOf(cell: string): AlignType {
  const spec = cell.trim();
  return spec.startsWith(':') ? (spec.endsWith(':') ? 'center' : 'left') : spec.endsWith(':') ? 'right' : null;
}

/** The table of lines `from` to `to` (exclusive; the second is the delimiter row), or null when outside the subset. */
export function table(lines: readonly Line[], from: number, to: number): Table | null {
  const delimiter = lines[from + 1];
  if (from + 1 >= to || delimiter === undefined || !DELIMITER_ROW.test(delimiter.text)) return null;
  const align = delimiter.text.slice(1, -1).split('|').map(alignOf);
  const rows: TableRow[] = [];
  for (let index = from; index < to; index++) {
    if (index === from + 1) continue;
    const row = tableRow(lines[index]!, align.length);
    if (row === null) return null;
    rows.push(row);
  }
  return { type: 'table', align, children: rows, position: { start: point(lines[from]!, 0), end: lineEnd(lines[to - 1]!) } };
}
