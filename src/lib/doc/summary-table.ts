/**
 * The progress summary table: what the doc *claims* per category (total, completed, remaining,
 * in progress, not started, percent) and in its TOTAL row, kept apart from what the entries say.
 */
import type { Table } from 'mdast';
import type { ParseContext } from './context.js';
import { plainOf, rangeOf } from './markdown.js';
import type { SummaryRow } from './model.js';

export type SummaryColumn = 'total' | 'completed' | 'remaining' | 'inProgress' | 'notStarted' | 'percent';

// Order matters: "% Complete" is a percent, not a completed count; "Not Started" before "Started".
const COLUMN_NAMES: ReadonlyArray<[RegExp, SummaryColumn]> = [
  [/%|percent/i, 'percent'],
  [/not\s*started|to\s*do|todo|pending/i, 'notStarted'],
  [/in\s*progress|started|wip/i, 'inProgress'],
  [/remaining|left|to\s*go/i, 'remaining'],
  [/complete|completed|done|finished/i, 'completed'],
  [/total|files|count|items|tasks/i, 'total'],
];

/** The figure a summary table's header names (also used by `migratrack sync` to rewrite a row). */
export function summaryColumnOf(header: string): SummaryColumn | null {
  for (const [pattern, column] of COLUMN_NAMES) if (pattern.test(header)) return column;
  return null;
}

function numberIn(cell: string): number | null {
  const match = /-?\d+(?:\.\d+)?/.exec(cell.replace(/,/g, ''));
  return match ? Number(match[0]) : null;
}

/** Reads a summary table; returns false when the table is not one (no total and no completed column). */
export function readSummaryTable(table: Table, ctx: ParseContext): boolean {
  const [head, ...rows] = table.children;
  if (!head) return false;
  const columns = head.children.map((cell, index) => (index === 0 ? null : summaryColumnOf(plainOf(cell))));
  if (!columns.includes('total') || !(columns.includes('completed') || columns.includes('percent'))) return false;
  for (const row of rows) {
    const firstCell = row.children[0];
    const label = firstCell ? plainOf(firstCell) : '';
    const summary: SummaryRow = {
      label,
      categoryId: /Task\s+(\d+(?:\.\d+)*)/i.exec(label)?.[1] ?? null,
      isTotal: /^(grand\s+)?total\b/i.test(label.trim()),
      total: null,
      completed: null,
      remaining: null,
      inProgress: null,
      notStarted: null,
      percent: null,
      source: rangeOf(row),
    };
    for (const [index, column] of columns.entries()) {
      const cell = row.children[index];
      if (column !== null && cell) summary[column] = numberIn(plainOf(cell));
    }
    ctx.summary.push(summary);
    if (summary.categoryId === null && !summary.isTotal) ctx.summaryLabels.set(summary, label);
  }
  return true;
}
