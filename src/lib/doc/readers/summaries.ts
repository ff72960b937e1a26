/**
 * Declared summaries of a generically read doc (issue 17): what the doc says about its own
 * progress, kept apart from its items so verify can compare the two (a disagreement is a drift
 * entry, as the seed's summary table is). Read: "29/58 files" and "(0/9 complete)" in headings
 * and Status/Progress fields, "(0 files completed)", and blocks of fields such as
 * "**Total**: 16 / **Completed**: 16 / **In Progress**: 0 / **Completion**: 100%". Counts of
 * something other than items ("0/616 console.* calls") are not compared with the items.
 */
import type { Category, SummaryRow } from '../model.js';
import type { OutlineField, OutlineSection, OutlineTable } from '../outline.js';
import { sectionsOf } from '../outline.js';
import { asciiFromMatch, withAsciiTwin } from '../ascii-twin.js';
import { categoryOf } from './categories.js';

/** Units that count items; "calls", "lines", "errors" count something else. */
const ITEM_UNIT = /^(files?|items?|tasks?|components?|functions?|pages?|tests?|test\s+files|steps?|modules?|entries|documents?|screens?|endpoints?|packages?|complete|completed|done|migrated|converted)\b/i;
const FRACTION = withAsciiTwin(/(\d+)\s*\/\s*(\d+)(?:\s+([\p{L}][\p{L}.*]*(?:\s+[\p{L}][\p{L}.*]*)?))?/u, asciiFromMatch);
const COUNT_DONE = /\((\d+)\s+(?:files?|items?|tasks?)\s+(?:completed?|done|migrated)\)/i;
const PERCENT = /(\d+(?:\.\d+)?)\s*%/;

type Column = 'total' | 'completed' | 'remaining' | 'inProgress' | 'notStarted' | 'percent';
const KEYS: ReadonlyArray<[RegExp, Column]> = [
  [/^(completion|percent(age)?|progress|%\s*complete)$/i, 'percent'],
  [/^(not\s+started|to\s*do|todo|pending)$/i, 'notStarted'],
  [/^(in\s+progress|wip|started)$/i, 'inProgress'],
  [/^(remaining|left)$/i, 'remaining'],
  [/^(completed?|done|finished|migrated)$/i, 'completed'],
  [/^total\b.*$/i, 'total'],
];

/** The figure a count field's key names ("Total", "Completed", "Completion"), or null: for sync to rewrite it. */
export function countFieldColumn(key: string): Column | null {
  return KEYS.find(([pattern]) => pattern.test(key.trim()))?.[1] ?? null;
}

function blankRow(label: string, line: number, categoryId: string | null): SummaryRow {
  return { label, categoryId, isTotal: categoryId === null, total: null, completed: null, remaining: null, inProgress: null, notStarted: null, percent: null, source: { startLine: line, endLine: line } };
}

/** A "N/M unit" or "(N files completed)" claim in `text`, or null. */
function claimIn(text: string, label: string, line: number, categoryId: string | null): SummaryRow | null {
  const fraction = FRACTION.exec(text);
  const row = blankRow(label, line, categoryId);
  if (fraction && (fraction[3] === undefined || ITEM_UNIT.test(fraction[3]))) {
    row.completed = Number(fraction[1]);
    row.total = Number(fraction[2]);
  }
  const done = COUNT_DONE.exec(text);
  if (row.completed === null && done) row.completed = Number(done[1]);
  if (row.completed === null) return null;
  const percent = PERCENT.exec(text);
  if (percent) row.percent = Number(percent[1]);
  return row;
}

/** A block of count fields ("Total: 16", "Completed: 16", …) as one row, or null. */
function fieldsRow(fields: ReadonlyArray<Pick<OutlineField, 'key' | 'value' | 'line'>>, line: number, categoryId: string | null): SummaryRow | null {
  const row = blankRow(fields.map((field) => field.key).join(' / '), line, categoryId);
  let columns = 0;
  for (const field of fields) {
    const column = KEYS.find(([pattern]) => pattern.test(field.key.trim()))?.[1];
    if (column === undefined) continue;
    const value = column === 'percent' ? PERCENT.exec(field.value)?.[1] : /^\s*(\d+)\b/.exec(field.value)?.[1];
    if (value === undefined) continue;
    row[column] = Number(value);
    columns++;
  }
  // The block's lines, first to last ("**Total**: 16" … "**Completion**: 100%"), for sync to rewrite.
  row.source.endLine = Math.max(line, ...fields.map((field) => field.line));
  return columns >= 2 && (row.total !== null || row.completed !== null) ? row : null;
}

/**
 * A small two-column table of counts ("| Total | 16 |", "| Completed | 12 |") as one row spanning
 * its lines, or null. Read like a block of count fields.
 */
function countTableRow(table: OutlineTable, categoryId: string | null): SummaryRow | null {
  if (table.header.length !== 2) return null;
  const fields = table.rows.map((row) => ({ key: row.cells[0]?.text.replace(/[*_]/g, '') ?? '', value: row.cells[1]?.text.replace(/[*_]/g, '') ?? '', line: row.line }));
  const row = fieldsRow(fields, table.rows[0]?.line ?? table.line, categoryId);
  return row === null || table.rows.some((entry) => countFieldColumn(entry.cells[0]?.text.replace(/[*_]/g, '') ?? '') === null) ? null : row;
}

/** Every declared summary of the doc, with the category it speaks for (null: the whole doc). */
export function readDeclaredSummaries(root: OutlineSection, categories: ReadonlyMap<OutlineSection, Category>, itemHeadings: ReadonlySet<OutlineSection>): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const set = new Set(categories.keys());
  for (const section of sectionsOf(root)) {
    const home = categoryOf(section, set);
    const categoryId = home ? (categories.get(home)?.id ?? null) : null;
    if (section.depth > 0) {
      const own = categories.has(section) || section.depth <= 1 || home === null ? claimIn(section.title, section.title, section.line, categoryId) : null;
      if (own) rows.push(own);
    }
    let sawList = false;
    for (const block of section.blocks) {
      if (block.kind === 'list' || block.kind === 'table') sawList = true;
      const table = block.kind === 'table' ? countTableRow(block.table, categoryId) : null;
      if (table) rows.push(table);
      if (block.kind !== 'fields') continue;
      const counts = fieldsRow(block.fields, block.line, categoryId);
      if (counts) {
        rows.push(counts);
        continue;
      }
      for (const field of block.fields) {
        // A Status field under a heading is that heading's status; one after its lists sums them up.
        if (!/^(progress|completion|status)$/i.test(field.key) || (itemHeadings.has(section) && !sawList)) continue;
        const claim = claimIn(field.value, `${field.key}: ${field.value}`, field.line, categoryId);
        if (claim) rows.push(claim);
      }
    }
  }
  return rows;
}
