/**
 * Applies an item's `**Key:** value` fields to the item: path, status, line spans, imports, pattern,
 * notes, who and when, and the Changes checklist. Every field is also kept verbatim in `fields`.
 */
import type { ChildLine, RawField } from './blocks.js';
import type { ParseContext } from './context.js';
import { parseDate } from './dates.js';
import { plainText } from './inline.js';
import type { ChecklistEntry, Field, LineSpan, TrackedItem } from './model.js';
import { leadingPath, readPath } from './paths.js';
import { readReportedStatus } from './status.js';

const PATH_KEYS = new Set(['path', 'file', 'file path', 'location']);
const STATUS_KEYS = new Set(['status', 'state']);
const LINE_KEYS: Record<string, LineSpan['kind']> = {
  line: 'lines', lines: 'lines', 'line range': 'lines', 'lines to remove': 'remove', 'lines to delete': 'remove',
  'lines to modify': 'modify', 'lines to change': 'modify', 'lines to update': 'modify',
};
const IMPORT_KEYS = new Set(['import to add', 'imports to add', 'import', 'imports', 'add import']);
const NOTE_KEYS = new Set(['note', 'notes', 'comment', 'comments']);
const UPDATED_BY_KEYS = new Set(['updated by', 'owner', 'assignee', 'completed by', 'session']);
const DATE_KEYS = new Set(['date', 'completed', 'completed on', 'updated', 'last updated', 'done on']);
/** Keys whose nested task items are the item's checklist. */
export const CHECKLIST_KEYS = new Set(['changes', 'changes per file', 'subtasks', 'checklist', 'tasks', 'steps', 'todo']);

/** The model's Field for a raw field (children flattened to their markdown lines). */
export function toField(raw: RawField): Field {
  return { key: raw.key, value: raw.value, codeSpans: raw.codeSpans, children: raw.children.map((child) => child.text), source: raw.source };
}

/** GFM task items among a field's children, as checklist entries. */
export function checklistOf(children: readonly ChildLine[]): ChecklistEntry[] {
  return children
    .filter((child) => child.checked !== null)
    .map((child) => ({ text: child.text, checked: child.checked === true, codeSpans: child.codeSpans, source: child.source }));
}

const LINE_SPAN = /^\s*(?:lines?\s*)?(\d+)(?:\s*(?:-|–|—|to)\s*(\d+))?\s*(.*)$/i;

/** "62-78 (`_is_serialization_conflict` function)" → a span; null when the text has no line number. */
export function readLineSpan(text: string, kind: LineSpan['kind'], source: LineSpan['source'], codeSpans: string[]): LineSpan | null {
  const match = LINE_SPAN.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  if (start < 1 || end < 1 || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  const label = plainText((match[3] ?? '').trim().replace(/^\((.*)\)$/, '$1'));
  return { kind, start: Math.min(start, end), end: Math.max(start, end), label, codeSpans, source };
}

function applyLineSpans(item: TrackedItem, raw: RawField, kind: LineSpan['kind'], ctx: ParseContext): void {
  const sources = raw.value !== '' ? [{ text: raw.value, codeSpans: raw.codeSpans, source: raw.source, line: raw.line }] : [];
  for (const child of raw.children) sources.push({ text: child.text, codeSpans: child.codeSpans, source: child.source, line: child.source.startLine });
  for (const entry of sources) {
    const span = readLineSpan(entry.text, kind, entry.source, entry.codeSpans);
    if (span) item.lineSpans.push(span);
    else ctx.sink.warning('doc/bad-line-range', `"${raw.key}" of ${item.name || 'an item'} has no line range in "${entry.text}"; expected something like "62-78 (what it is)".`, entry.line);
  }
}

/** Reads a path field value (code span first, else the plain text) into the item, refusing unsafe paths. */
export function applyPath(item: TrackedItem, rawValue: string, codeSpans: readonly string[], line: number, column: number, ctx: ParseContext): void {
  const spanned = codeSpans[0];
  // Without a code span, the path runs to a separator: "src/a.py (moved from lib/)", "a/old copy.py ✅".
  const candidate = spanned ?? leadingPath(plainText(rawValue));
  const reading = readPath(candidate, { delimited: spanned !== undefined || candidate.includes(' ') });
  if (reading.kind === 'path') {
    item.path = reading.path;
  } else if (reading.kind === 'unsafe') {
    ctx.sink.error('doc/unsafe-path', `The path "${candidate}" of ${item.name || 'an item'} was ignored because ${reading.reason}.`, line, column);
  } else if (reading.kind === 'glob') {
    ctx.sink.warning('doc/glob-path', `The path "${candidate}" of ${item.name || 'an item'} is a glob; a single file needs a single path (use "Files N-M" for a group).`, line, column);
  } else {
    ctx.sink.warning('doc/bad-path', `"${candidate}" given as the path of ${item.name || 'an item'} does not look like a file path.`, line, column);
  }
}

/** Applies one status text to the item, reporting unknown words and emoji/word conflicts. */
export function applyStatus(item: TrackedItem, raw: string, line: number, column: number, ctx: ParseContext): void {
  item.status = readReportedStatus(raw, item.name || 'an item', { line, column }, ctx.sink);
  applySessionTail(item, raw, ctx);
}

/** "(Session 119, 2026-01-19)" after a status: who and when, unless fields already said. */
export function applySessionTail(item: TrackedItem, raw: string, ctx: ParseContext): void {
  const session = /\b(Session\s+[\w.-]+)/i.exec(raw);
  if (session && item.updatedBy === null) item.updatedBy = session[1] ?? null;
  if (item.date === null) item.date = parseDate(raw, ctx.header.startDate);
}

/** Applies every field of an item; fields the model has no slot for stay in `fields` only. */
export function applyItemFields(item: TrackedItem, rawFields: readonly RawField[], ctx: ParseContext): void {
  for (const raw of rawFields) {
    item.fields.push(toField(raw));
    const key = raw.norm;
    if (PATH_KEYS.has(key)) applyPath(item, raw.value, raw.codeSpans, raw.line, raw.column, ctx);
    else if (STATUS_KEYS.has(key)) applyStatus(item, raw.value, raw.line, raw.column, ctx);
    else if (key in LINE_KEYS) applyLineSpans(item, raw, LINE_KEYS[key] ?? 'lines', ctx);
    else if (IMPORT_KEYS.has(key)) {
      const imports = raw.codeSpans.length > 0 ? raw.codeSpans : [plainText(raw.value)].filter(Boolean);
      item.importsToAdd.push(...imports, ...raw.children.flatMap((child) => (child.codeSpans.length > 0 ? child.codeSpans : [plainText(child.text)])));
    } else if (key === 'pattern') item.pattern = plainText(raw.value) || null;
    else if (NOTE_KEYS.has(key)) item.notes.push(...[raw.value, ...raw.children.map((child) => child.text)].filter((note) => note !== ''));
    else if (UPDATED_BY_KEYS.has(key)) item.updatedBy = plainText(raw.value) || null;
    else if (DATE_KEYS.has(key)) applyDate(item, raw, ctx);
    if (CHECKLIST_KEYS.has(key) || raw.children.some((child) => child.checked !== null)) item.checklist.push(...checklistOf(raw.children));
  }
}

function applyDate(item: TrackedItem, raw: RawField, ctx: ParseContext): void {
  const date = parseDate(raw.value, ctx.header.startDate);
  if (date !== null) item.date = date;
  else if (raw.value !== '' && !/^(yyyy|tbd|n\/a|-|—)/i.test(raw.value)) {
    ctx.sink.warning('doc/bad-date', `The date "${raw.value}" of ${item.name || 'an item'} could not be read; write it as YYYY-MM-DD or "January 19, 2026".`, raw.line, raw.column);
  }
}
