/**
 * Where each item's status is written, for `migratrack sync` (issue 19). The generic readers record
 * it as they read (`reading.statusSpan`); the seed family's entries ("File N" with a `**Status:**`
 * field) are found here from the field's line, so the seed reader itself stays as it was.
 */
import type { DeclaredStatus, StatusSpan, TrackedItem, TrackingDoc } from './model.js';
import type { OutlineSection } from './outline.js';
import { sectionStatus } from './readers/sections.js';

const STATUS_KEY = /^(status|state)$/i;
/** `- **Status:** value`, `**Status**: value`, `Status: value`: the value starts after the colon. */
const STATUS_LEAD = /^(.*?\b(?:status|state)\b\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(\S.*?)\s*$/i;

/** The status span of every item that has one, by item id. */
export function statusSpansOf(doc: TrackingDoc): Map<string, StatusSpan> {
  const lineStarts = [0];
  for (let index = doc.text.indexOf('\n'); index !== -1; index = doc.text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const spans = new Map<string, StatusSpan>();
  for (const item of doc.items) {
    const span = item.reading !== undefined ? item.reading.statusSpan : item.groupId !== null ? slotStatusSpan(item, doc.text, lineStarts) : seedStatusSpan(item, doc.text, lineStarts);
    if (span !== null) spans.set(item.id, span);
  }
  return spans;
}

function lineAt(text: string, lineStarts: readonly number[], line: number): { start: number; text: string } | null {
  const start = lineStarts[line - 1];
  if (start === undefined) return null;
  const end = text.indexOf('\n', start);
  return { start, text: text.slice(start, end === -1 ? text.length : end) };
}

/**
 * A group slot listed as a line of its own ("- scrapers/espn/espn_roster_scraper.py ✅"): its mark,
 * or, when it has none (the group's "(each)" status speaks for it), an empty span at the end of the
 * line, where sync appends one.
 */
function slotStatusSpan(item: TrackedItem, text: string, lineStarts: readonly number[]): StatusSpan | null {
  const line = lineAt(text, lineStarts, item.source.startLine);
  if (line === null || item.path === null || !line.text.includes(item.path.split('/').pop() ?? item.path)) return null;
  // A slot with no mark of its own carries the group's status text, which is not on its line.
  const raw = item.status.raw.trim();
  const found = raw === '' ? -1 : line.text.lastIndexOf(raw);
  const at = found === -1 ? line.text.trimEnd().length : found;
  const length = found === -1 ? 0 : raw.length;
  return { line: item.source.startLine, column: at + 1, endColumn: at + 1 + length, start: line.start + at, end: line.start + at + length, text: found === -1 ? '' : raw };
}

function seedStatusSpan(item: TrackedItem, text: string, lineStarts: readonly number[]): StatusSpan | null {
  const field = item.fields.find((candidate) => STATUS_KEY.test(candidate.key.trim()));
  if (field === undefined || field.value.trim() === '') return null;
  return fieldValueSpan(field.source.startLine, text, lineStarts);
}

/**
 * The value of the first Status field in lines `from`..`to` (a group's "- **Status:** ⚪ Not
 * Started (each)", the header's "**Status:** 🟡 In Progress"), for sync to rewrite its words.
 */
export function statusFieldSpanIn(doc: TrackingDoc, from: number, to: number): StatusSpan | null {
  const lineStarts = [0];
  for (let index = doc.text.indexOf('\n'); index !== -1; index = doc.text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  for (let line = from; line <= to; line++) {
    const found = lineAt(doc.text, lineStarts, line);
    if (found !== null && /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:status|state)\b/i.test(found.text)) return fieldValueSpan(line, doc.text, lineStarts);
  }
  return null;
}

function fieldValueSpan(line: number, text: string, lineStarts: readonly number[]): StatusSpan | null {
  const found = lineAt(text, lineStarts, line);
  if (found === null) return null;
  const lineStart = found.start;
  const match = STATUS_LEAD.exec(found.text);
  if (!match) return null;
  const column = (match[1] ?? '').length + 1;
  const value = match[2] ?? '';
  return { line, column, endColumn: column + value.length, start: lineStart + column - 1, end: lineStart + column - 1 + value.length, text: value };
}

/**
 * The status a heading with this (plain) title gives the plain lines under it ("## Completed",
 * "### ✅ COMPLETED (8 files)", "## Next Steps"), or null: the reader's own rule, for sync to find
 * the section an item moves to.
 */
export function statusOfSectionTitle(title: string): DeclaredStatus | null {
  return sectionStatus({ depth: 1, title } as OutlineSection);
}
