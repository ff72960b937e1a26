/**
 * Declared summaries rewritten to the figures of the entries after sync: the seed's progress table
 * (each numeric cell of a row, by its column's header), the header's "Progress: 17/76 files (22%)",
 * "N/M" claims in headings and Progress/Status fields, and a group's Status ("🟡 In Progress (6/17
 * complete)", its slots' figures). Only the digits
 * change, and only where they are wrong: the cell's bold, the "files" and the "%" stay as written.
 * The figures are those verify's drift compares a summary with (verify/drift-doc.ts).
 */
import { countFieldColumn, summaryColumnOf, type DeclaredStatus, type SummaryColumn, type SummaryRow, type TrackingDoc } from '../doc/index.js';
import { cellsOf } from './table-cells.js';
import { lineStartsOf } from './lines.js';
import type { SyncEdit } from './types.js';

type Figures = Record<SummaryColumn, number>;

const FRACTION = /(\d+)(\s*\/\s*)(\d+)/;
const COUNT_DONE = /\((\d+)(\s+(?:files?|items?|tasks?)\s+(?:completed?|done|migrated)\))/i;
const NUMBER = /\d+(?:\.\d+)?/;
const PERCENT = /(\d+(?:\.\d+)?)(\s*%)/;
const GROUP_STATUS = /\b(?:status|state|progress)\b\s*(?:\*\*)?\s*:/i;

/** Figures of a set of items' statuses, skipped items out of every denominator. */
function figuresOf(statuses: readonly DeclaredStatus[]): Figures {
  const total = statuses.filter((status) => status !== 'skipped').length;
  const completed = statuses.filter((status) => status === 'done').length;
  return {
    total,
    completed,
    remaining: total - completed,
    inProgress: statuses.filter((status) => status === 'in-progress').length,
    notStarted: statuses.filter((status) => status === 'not-started').length,
    percent: total > 0 ? (completed / total) * 100 : 0,
  };
}

/** The number as the doc writes that figure: a percent keeps its decimals. */
function written(column: SummaryColumn, value: number, old: string): string {
  if (column !== 'percent') return String(value);
  const decimals = old.split('.')[1]?.length ?? 0;
  return value.toFixed(decimals);
}

/** Edits that make every declared summary agree with `statusOf` (the statuses after sync). */
export function summaryEdits(doc: TrackingDoc, statusOf: (itemId: string) => DeclaredStatus): SyncEdit[] {
  const lines = doc.text.split('\n');
  const starts = lineStartsOf(lines);
  const figures = (categoryId: string | null): Figures | null => {
    const items = doc.items.filter((item) => categoryId === null || item.categoryId === categoryId);
    return items.length === 0 ? null : figuresOf(items.map((item) => statusOf(item.id)));
  };
  const edits: SyncEdit[] = [];
  const seen = new Set<number>();
  const rows: SummaryRow[] = [...doc.summary];
  for (const row of rows) {
    const line = row.source.startLine;
    if (seen.has(line) || (row.categoryId === null && !row.isTotal)) continue;
    seen.add(line);
    const target = figures(row.isTotal ? null : row.categoryId);
    const text = lines[line - 1];
    if (target === null || text === undefined) continue;
    if (/^\s*\|/.test(text) && row.source.endLine > line) {
      // A small table of counts, one a row ("| Total | 16 |"): each row's number, by its first cell.
      for (let at = line; at <= row.source.endLine; at++) {
        for (const edit of countRowEdits(lines[at - 1] ?? '', target)) edits.push({ start: (starts[at - 1] ?? 0) + edit.start, end: (starts[at - 1] ?? 0) + edit.end, replacement: edit.replacement, line: at, kind: 'summary', itemId: null });
      }
      continue;
    }
    if (/^\s*\|/.test(text)) {
      edits.push(...tableRowEdits(lines, line, target).map((edit) => ({ start: (starts[line - 1] ?? 0) + edit.start, end: (starts[line - 1] ?? 0) + edit.end, replacement: edit.replacement, line, kind: 'summary' as const, itemId: null })));
      continue;
    }
    if (!countFieldAt(text)) {
      // "0/616 console.* calls (0 files completed)": the reader took only the file count, not the fraction.
      const found = claimEdits(text, target, row.total !== null);
      edits.push(...found.map((edit) => ({ start: (starts[line - 1] ?? 0) + edit.start, end: (starts[line - 1] ?? 0) + edit.end, replacement: edit.replacement, line, kind: 'summary' as const, itemId: null })));
      continue;
    }
    // A block of count fields, one a line ("**Total:** 16", "**Completed:** 12", "**Completion:** 75%").
    for (let at = line; at <= row.source.endLine; at++) {
      for (const edit of fieldCountEdits(lines[at - 1] ?? '', target)) edits.push({ start: (starts[at - 1] ?? 0) + edit.start, end: (starts[at - 1] ?? 0) + edit.end, replacement: edit.replacement, line: at, kind: 'summary', itemId: null });
    }
  }
  const progressLine = doc.header.progress !== null ? doc.header.fieldSources?.['Progress']?.startLine : undefined;
  const progressText = progressLine === undefined ? undefined : lines[progressLine - 1];
  const all = figures(null);
  if (progressLine !== undefined && progressText !== undefined && all !== null && !seen.has(progressLine)) {
    for (const edit of claimEdits(progressText, all)) {
      edits.push({ start: (starts[progressLine - 1] ?? 0) + edit.start, end: (starts[progressLine - 1] ?? 0) + edit.end, replacement: edit.replacement, line: progressLine, kind: 'summary', itemId: null });
    }
  }
  for (const group of doc.groups) {
    // A group's Status states its slots' progress: "🟡 In Progress (6/17 complete)".
    const slots = doc.items.filter((item) => item.groupId === group.id);
    for (let line = group.source.startLine; slots.length > 0 && line <= group.source.endLine; line++) {
      const text = lines[line - 1] ?? '';
      if (!GROUP_STATUS.test(text) || !FRACTION.test(text)) continue;
      if (!seen.has(line)) {
        seen.add(line);
        const target = figuresOf(slots.map((item) => statusOf(item.id)));
        for (const edit of claimEdits(text, target)) edits.push({ start: (starts[line - 1] ?? 0) + edit.start, end: (starts[line - 1] ?? 0) + edit.end, replacement: edit.replacement, line, kind: 'summary', itemId: null });
      }
      break;
    }
  }
  return edits;
}

/** `Key: 16` or `**Key**: 75%`, listed or not: the key and its number. */
const FIELD_COUNT = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:*_|]+?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\d+(?:\.\d+)?)/;

/** The number in the second cell of a count table's row, when its first cell names a figure. */
function countRowEdits(text: string, target: Figures): LineEdit[] {
  const [key, value] = cellsOf(text);
  const column = key === undefined ? null : countFieldColumn(key.text.replace(/[*_]/g, ''));
  const number = value === undefined ? null : NUMBER.exec(value.text);
  if (column === null || value === undefined || number === null) return [];
  return numberEdit(value.start + number.index, number[0], column, target);
}

/** True for a line that is a count field ("**Total**: 16"), not a claim ("Progress: 5/10 files"). */
function countFieldAt(text: string): boolean {
  const field = FIELD_COUNT.exec(text);
  return field !== null && countFieldColumn(field[1] ?? '') !== null && !/^\s*\//.test(text.slice(field.index + field[0].length));
}

/** The number of one count field, when its key names a figure (the doc reader's keys). */
function fieldCountEdits(text: string, target: Figures): LineEdit[] {
  const field = FIELD_COUNT.exec(text);
  const column = field ? countFieldColumn(field[1] ?? '') : null;
  if (!field || column === null) return [];
  const number = field[2] ?? '';
  return numberEdit(field.index + field[0].length - number.length, number, column, target);
}

interface LineEdit {
  start: number;
  end: number;
  replacement: string;
}

/** A replacement of `old` at `start` when the figure it states is wrong. */
function numberEdit(start: number, old: string, column: SummaryColumn, target: Figures): LineEdit[] {
  const next = written(column, target[column], old);
  return next !== old ? [{ start, end: start + old.length, replacement: next }] : [];
}

/** "17/76 files (22%)", "(3/18 complete)", "(0 files completed)" in one line of text. */
function claimEdits(text: string, target: Figures, withFraction = true): LineEdit[] {
  const fraction = withFraction ? FRACTION.exec(text) : null;
  const out: LineEdit[] = [];
  let after = 0;
  if (fraction) {
    const done = fraction[1] ?? '';
    const total = fraction[3] ?? '';
    out.push(...numberEdit(fraction.index, done, 'completed', target));
    out.push(...numberEdit(fraction.index + done.length + (fraction[2] ?? '').length, total, 'total', target));
    after = fraction.index + fraction[0].length;
  } else {
    const count = COUNT_DONE.exec(text);
    if (!count) return [];
    out.push(...numberEdit(count.index + 1, count[1] ?? '', 'completed', target));
    after = count.index + count[0].length;
  }
  const percent = PERCENT.exec(text.slice(after));
  if (percent) out.push(...numberEdit(after + percent.index, percent[1] ?? '', 'percent', target));
  return out;
}

/** Each numeric cell of a summary table row whose column the header names. */
function tableRowEdits(lines: readonly string[], line: number, target: Figures): LineEdit[] {
  let head = line - 1;
  while (head > 0 && /^\s*\|/.test(lines[head - 1] ?? '')) head--;
  const header = cellsOf(lines[head] ?? '');
  const out: LineEdit[] = [];
  for (const [index, cell] of cellsOf(lines[line - 1] ?? '').entries()) {
    const column = index === 0 ? null : summaryColumnOf(header[index]?.text ?? '');
    const number = column === null ? null : NUMBER.exec(cell.text);
    if (column === null || number === null) continue;
    out.push(...numberEdit(cell.start + number.index, number[0], column, target));
  }
  return out;
}
