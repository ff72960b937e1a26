/**
 * A table row read from ✓/✗ check columns ("| `lib/io.py` | ✓ | ✗ | ✗ |"): done is every check
 * ticked, so promoting it ticks the row's open checks with the table's own tick, and demoting it to
 * not started clears them with the table's own cross. Which checks an item "in progress" has
 * ticked the code cannot tell: that is listed and left alone.
 */
import type { DeclaredStatus, TrackedItem } from '../doc/index.js';
import { cellsOf } from './table-cells.js';
import type { SyncEdit } from './types.js';

// The reader's own check-cell words (doc/readers/table-items.ts).
const TICK = /^(✓|✔|✅|☑|x|yes|y)$/iu;
const CROSS = /^(✗|✘|❌|✕|no|n|-|—|)$/iu;
const TABLE_LINE = /^\s*\|/;
const SEPARATOR = /^\s*\|?[\s:|-]+\|?\s*$/;

export type CheckColumnsEdit = { edits: SyncEdit[]; text: string } | { why: string };

function mostUsed(forms: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}

/** The edits writing `to` into the item's check cells (offsets into `text`). */
export function checkColumnsEdit(text: string, item: TrackedItem, to: DeclaredStatus): CheckColumnsEdit {
  if (to !== 'done' && to !== 'not-started') return { why: 'its status is its check columns, and which checks are still open the code cannot tell' };
  const lines = text.split('\n');
  const row = item.source.startLine - 1;
  let head = row;
  while (head > 0 && TABLE_LINE.test(lines[head - 1] ?? '')) head--;
  let end = row;
  while (end + 1 < lines.length && TABLE_LINE.test(lines[end + 1] ?? '')) end++;
  const rows = lines.slice(head + 1, end + 1).map((line, index) => ({ index: head + 1 + index, cells: cellsOf(line) })).filter((entry) => !SEPARATOR.test(lines[entry.index] ?? ''));
  const width = cellsOf(lines[head] ?? '').length;
  const checks: number[] = [];
  for (let col = 1; col < width; col++) {
    const cells = rows.map((entry) => (entry.cells[col]?.text ?? '').trim());
    if (cells.some((cell) => cell !== '' && TICK.test(cell)) && cells.every((cell) => TICK.test(cell) || CROSS.test(cell))) checks.push(col);
  }
  const all = rows.flatMap((entry) => checks.map((col) => (entry.cells[col]?.text ?? '').trim()));
  const mark = mostUsed(all.filter((cell) => (to === 'done' ? TICK : CROSS).test(cell) && cell !== ''));
  const own = rows.find((entry) => entry.index === row);
  if (checks.length === 0 || own === undefined || mark === null) return { why: `its status is its check columns, and the table has no ${to === 'done' ? 'tick' : 'cross'} to write` };
  const lineStart = lines.slice(0, row).reduce((sum, line) => sum + line.length + 1, 0);
  const edits: SyncEdit[] = [];
  for (const col of checks) {
    const cell = own.cells[col];
    if (cell === undefined) continue;
    const value = cell.text.trim();
    if ((to === 'done' && TICK.test(value) && value !== '') || (to === 'not-started' && !TICK.test(value))) continue;
    const lead = cell.text.length - cell.text.trimStart().length;
    const start = lineStart + cell.start + (value === '' ? 0 : lead);
    const replacement = value === '' ? ` ${mark} ` : mark;
    edits.push({ start, end: value === '' ? lineStart + cell.start + cell.text.length : start + value.length, replacement, line: row + 1, kind: 'status', itemId: item.id });
  }
  return { edits, text: checks.map(() => mark).join(' ') };
}
