/**
 * Table rows as items, when the table has a status-like column (Status, State, Progress, Estado …)
 * or check columns (✓/✗ per column: all ticked = done, some = in progress), or sits under a status
 * section. Legends, risk tables, totals rows and summary tables that repeat the doc's headings are
 * not items.
 */
import type { DeclaredStatus } from '../model.js';
import type { OutlineSection, OutlineTable } from '../outline.js';
import { sectionsOf } from '../outline.js';
import { stripLeadingDecoration } from '../inline.js';
import { keyOf, nameOf, pathsOf, spanOf, type Candidate, type ReaderContext } from './candidate.js';
import { readTextStatus } from './status-text.js';

const STATUS_HEADER = /^(status|state|progress|estado|situa[çc][ãa]o|stato|statut|done|result)$/i;
const STATUS_IN_HEADER = /\b(status|state|estado)\b/i;
const RISK_HEADER = /^(risks?|likelihood|impact|severity|mitigation|probability)\b/i;
const TICK = /^(✓|✔|✅|☑|x|yes|y)$/iu;
const CROSS = /^(✗|✘|❌|✕|no|n|-|—|)$/iu;
const TOTAL_ROW = /^(total|totals|overall|sum|all)\b/i;

export interface TableRoles {
  status: number | null;
  checks: number[];
  name: number;
}

/** Which column holds the status, which are check columns, which names the item. */
export function tableRoles(table: OutlineTable): TableRoles | null {
  const header = table.header.map((cell) => stripLeadingDecoration(cell).replace(/[*_]/g, '').trim());
  if (header.some((cell) => RISK_HEADER.test(cell))) return null;
  let status: number | null = header.findIndex((cell) => STATUS_HEADER.test(cell));
  if (status === -1) status = header.findIndex((cell) => STATUS_IN_HEADER.test(cell));
  if (status === -1) status = null;
  const checks: number[] = [];
  for (let col = 0; col < header.length; col++) {
    if (col === status) continue;
    const cells = table.rows.map((row) => (row.cells[col]?.text ?? '').trim());
    if (cells.some((cell) => TICK.test(cell) && cell !== '') && cells.every((cell) => TICK.test(cell) || CROSS.test(cell))) checks.push(col);
  }
  const name = header.findIndex((_, col) => col !== status && !checks.includes(col) && table.rows.some((row) => (row.cells[col]?.text ?? '') !== ''));
  if (name === -1) return null;
  return { status, checks, name };
}

/**
 * The doc's heading titles as a dashboard row would name them: whole, and without a "Step 1:" /
 * "1.2" lead. Built once per doc (a set, so checking a row is constant time).
 */
export function headingNames(root: OutlineSection): Set<string> {
  const names = new Set<string>();
  for (const section of sectionsOf(root)) {
    const title = stripLeadingDecoration(section.title).toLowerCase();
    names.add(title);
    names.add(title.replace(/^[^:]{0,24}:\s*/, ''));
    names.add(title.replace(/^(\w+\s+)?[\d.]+[.):]?\s+/, ''));
  }
  return names;
}

/** True when most rows name a heading of the doc: a dashboard repeating the items. */
export function repeatsHeadings(table: OutlineTable, roles: TableRoles, headings: ReadonlySet<string>): boolean {
  const names = table.rows.map((row) => (row.cells[roles.name]?.text ?? '').toLowerCase().trim()).filter((name) => name.length > 2);
  const repeated = names.filter((name) => headings.has(name));
  return names.length > 0 && repeated.length * 2 > names.length;
}

/** Reads a table's rows; `sectionStatus` is the status section's status, used when no column gives one. */
export function readTableRows(
  table: OutlineTable,
  section: OutlineSection,
  chain: string[],
  sectionStatus: DeclaredStatus | null,
  headings: ReadonlySet<string>,
  ctx: ReaderContext,
): Candidate[] {
  const roles = tableRoles(table);
  if (roles === null) return [];
  if (roles.status === null && roles.checks.length === 0 && sectionStatus === null) return [];
  if (repeatsHeadings(table, roles, headings)) {
    ctx.unread.push({ line: table.line, text: table.header.join(' | '), why: 'a table whose rows repeat the doc\'s headings (a dashboard)' });
    return [];
  }
  const out: Candidate[] = [];
  for (const row of table.rows) {
    const nameCell = row.cells[roles.name];
    const name = nameOf(nameCell?.text ?? '');
    if (nameCell === undefined || nameCell.text === '') continue;
    if (TOTAL_ROW.test(nameCell.text.replace(/[*_]/g, ''))) continue;
    const texts = row.cells.flatMap((cell, col) => (col === roles.status || roles.checks.includes(col) ? [] : [cell.codeSpans[0] !== undefined ? { text: cell.codeSpans[0], delimited: true } : { text: cell.text, delimited: false }]));
    const { paths, rename } = pathsOf(texts, row.line, ctx);
    const path = rename?.from ?? paths[0] ?? null;
    const renameTo = rename?.to ?? paths[1] ?? null;
    let status: DeclaredStatus = sectionStatus ?? 'unknown';
    let raw = '';
    let byLegend = false;
    let statusFrom: Candidate['statusFrom'] = 'section';
    let spanCell = null;
    if (roles.status !== null) {
      const cell = row.cells[roles.status];
      const reading = readTextStatus(cell?.text ?? '', ctx.legend, ctx.words);
      status = reading.status.status;
      raw = reading.status.raw;
      byLegend = reading.byLegend;
      statusFrom = 'column';
      spanCell = cell?.mark ?? null;
    } else if (roles.checks.length > 0) {
      const ticked = roles.checks.filter((col) => TICK.test((row.cells[col]?.text ?? '').trim())).length;
      status = ticked === roles.checks.length ? 'done' : ticked > 0 ? 'in-progress' : 'not-started';
      raw = `${ticked}/${roles.checks.length}`;
      statusFrom = 'check-columns';
    }
    out.push({
      reader: 'table-row',
      name,
      path,
      inheritedPath: null,
      renameTo: renameTo === path ? null : renameTo,
      status: { status, raw, each: false },
      statusFrom,
      byLegend,
      statusSpan: spanOf(ctx, spanCell),
      checklist: [],
      notes: [],
      line: row.line,
      endLine: row.line,
      section,
      key: keyOf(path, chain, name),
    });
  }
  return out;
}
