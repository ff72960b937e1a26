/**
 * `Key: value` fields of the outline (issue 17): on a list line after its marks, or on each line of
 * a paragraph (`**Status:** Done`, `Status: \`pending\``), with the exact span of the value.
 */
import type { Paragraph } from 'mdast';
import { isAsciiRange, withAsciiTwin } from './ascii-twin.js';
import type { OutlineField } from './outline.js';

// A twin match is the pattern's: its key is ASCII, and the shorter keys tried before it read the
// same characters. Without one, the pattern's classes read at most 43 characters (`**`, the key).
const FIELD = withAsciiTwin(/^(\*\*|__)?([\p{L}][\p{L}\p{N} _/&().'-]{0,40}?)(?::\1|\1:|:)[ \t]*(.*)$/u, (text, match) => match !== null || isAsciiRange(text, 0, 43));

/** Every line of a paragraph that reads as `Key: value` (a paragraph may hold several, one per line). */
export function paragraphFields(node: Paragraph, text: string): OutlineField[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const firstLine = node.position?.start.line;
  if (start === undefined || end === undefined || firstLine === undefined) return [];
  const fields: OutlineField[] = [];
  let offset = start;
  for (const [index, rawLine] of text.slice(start, end).split('\n').entries()) {
    const indent = /^[ \t]*/.exec(rawLine)?.[0].length ?? 0;
    const field = fieldAt(rawLine.slice(indent), offset + indent, firstLine + index);
    if (field) fields.push(field);
    offset += rawLine.length + 1;
  }
  return fields;
}

/** `Key: value` at the start of `raw` (which begins at `offset` in the doc). */
export function fieldAt(raw: string, offset: number, line: number): OutlineField | null {
  const match = FIELD.exec(raw);
  if (!match) return null;
  const key = (match[2] ?? '').trim();
  const rest = match[3] ?? '';
  // "Note: see the guide" is prose; a field key is short and its line is not a sentence about it.
  if (key.split(/\s+/).length > 5) return null;
  const valueText = rest.replace(/[ \t]+$/, '').replace(/^(\*\*|__)[ \t]*/, '');
  const valueStart = offset + raw.length - rest.length + (rest.length - rest.replace(/^(\*\*|__)[ \t]*/, '').length);
  return { key, value: plainInline(valueText), line, valueMark: { text: valueText, start: valueStart, end: valueStart + valueText.length } };
}

/** Inline markdown to plain text, enough for a field value: code ticks, bold, links. */
function plainInline(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .trim();
}

