/**
 * The outline of a doc (issue 17): the markdown's sections, list lines with their marks and
 * nesting, tables with their cells, and `Key: value` fields, with the exact source offsets of each
 * mark. Built once from the mdast; the generic readers (doc/readers/) only look at this.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section } from './markdown.js';

/** A mark with its offsets in the doc text (end exclusive). */
export interface Mark {
  text: string;
  start: number;
  end: number;
}

/** `Key: value` on one line (`**Status:** Done`, `- **Status**: ⏳ Pending`, `Status: \`pending\``). */
export interface OutlineField {
  key: string;
  value: string;
  line: number;
  /** The value's span, trimmed (backticks included when the value is a code span). */
  valueMark: Mark;
}

export interface OutlineListLine {
  line: number;
  depth: number;
  ordered: boolean;
  /** `[ ]`, `[x]`, `[/]`, `[ X ]`: the box as written. */
  box: Mark | null;
  /** A leading status-ish mark right after the bullet or box (one or more emoji / ✓ ✗). */
  lead: Mark | null;
  /** Plain text of the line after its marks. */
  text: string;
  codeSpans: string[];
  links: Array<{ text: string; url: string }>;
  field: OutlineField | null;
  children: OutlineListLine[];
}

export interface OutlineCell {
  text: string;
  codeSpans: string[];
  mark: Mark;
}

export interface OutlineTable {
  line: number;
  header: string[];
  rows: Array<{ line: number; cells: OutlineCell[] }>;
}

export type OutlineBlock =
  | { kind: 'list'; line: number; lines: OutlineListLine[] }
  | { kind: 'table'; line: number; table: OutlineTable }
  | { kind: 'fields'; line: number; fields: OutlineField[]; text: string }
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'code'; line: number }
  | { kind: 'other'; line: number };

export interface OutlineSection {
  depth: number;
  title: string;
  line: number;
  endLine: number;
  /** The heading's text span (after the `#`s), for a mark in the heading. */
  titleMark: Mark | null;
  codeSpans: string[];
  blocks: OutlineBlock[];
  children: OutlineSection[];
  parent: OutlineSection | null;
}

const BULLET = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const BOX = /^\[[ \t]*([xX✓✔/\-~>!?]?)[ \t]*\](?=[ \t]|$)/u;
const LEAD = /^(?:(?:\p{Extended_Pictographic}|[✓✗✘☑])\uFE0F?\u20E3?[ \t]*)+/u;
const FIELD = /^(\*\*|__)?([\p{L}][\p{L}\p{N} _/&().'-]{0,40}?)(?::\1|\1:|:)[ \t]*(.*)$/u;

/** Builds the outline of a section tree (from buildSections). */
export function buildOutline(root: Section, text: string): OutlineSection {
  return outlineOf(root, text, null);
}

function outlineOf(section: Section, text: string, parent: OutlineSection | null): OutlineSection {
  const heading = section.heading;
  const node: OutlineSection = {
    depth: section.depth,
    title: section.title,
    line: section.source.startLine,
    endLine: section.source.endLine,
    titleMark: heading ? headingTitleMark(heading, text) : null,
    codeSpans: heading ? codeSpans(heading) : [],
    blocks: [],
    children: [],
    parent,
  };
  node.blocks = section.blocks.map((block) => outlineBlock(block, text));
  node.children = section.subsections.map((sub) => outlineOf(sub, text, node));
  return node;
}

function headingTitleMark(heading: Nodes, text: string): Mark | null {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const raw = text.slice(start, end);
  const lead = /^[ \t]*#{1,6}[ \t]*/.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(lead).replace(/[ \t]+#*[ \t]*$/, '');
  return { text: body, start: start + lead, end: start + lead + body.length };
}

function outlineBlock(block: RootContent, text: string): OutlineBlock {
  const line = block.position?.start.line ?? 0;
  switch (block.type) {
    case 'list':
      return { kind: 'list', line, lines: listLines(block, text, 0) };
    case 'table':
      return { kind: 'table', line, table: outlineTable(block, text) };
    case 'paragraph': {
      const fields = paragraphFields(block, text);
      return fields.length > 0 ? { kind: 'fields', line, fields, text: toString(block) } : { kind: 'paragraph', line, text: toString(block) };
    }
    case 'code':
    case 'html':
    case 'yaml' as RootContent['type']:
      return { kind: 'code', line };
    default:
      return { kind: 'other', line };
  }
}

/** Every line of a paragraph that reads as `Key: value` (a paragraph may hold several, one per line). */
function paragraphFields(node: Paragraph, text: string): OutlineField[] {
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

function listLines(list: List, text: string, depth: number): OutlineListLine[] {
  return list.children.map((item) => listLine(item, list.ordered === true, text, depth));
}

function listLine(item: ListItem, ordered: boolean, text: string, depth: number): OutlineListLine {
  const start = item.position?.start.offset ?? 0;
  const line = item.position?.start.line ?? 0;
  const lineEnd = text.indexOf('\n', start);
  const rawLine = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  const bullet = BULLET.exec(rawLine)?.[0].length ?? 0;
  let cursor = bullet;
  let box: Mark | null = null;
  const boxMatch = BOX.exec(rawLine.slice(cursor));
  if (boxMatch) {
    box = { text: boxMatch[0], start: start + cursor, end: start + cursor + boxMatch[0].length };
    cursor += boxMatch[0].length;
    cursor += /^[ \t]*/.exec(rawLine.slice(cursor))?.[0].length ?? 0;
  }
  let lead: Mark | null = null;
  const leadMatch = LEAD.exec(rawLine.slice(cursor));
  if (leadMatch) {
    const mark = leadMatch[0].replace(/[ \t]+$/, '');
    lead = { text: mark, start: start + cursor, end: start + cursor + mark.length };
    cursor += leadMatch[0].length;
  }
  const first = item.children[0];
  const paragraph = first?.type === 'paragraph' ? first : null;
  let plain = paragraph ? toString(paragraph).split('\n')[0] ?? '' : '';
  // Strip the marks from the plain text as they were stripped from the source.
  plain = plain.replace(/^\[[ \t]*[xX✓✔/\-~>!?]?[ \t]*\][ \t]*/u, '').replace(LEAD, '').trim();
  const children: OutlineListLine[] = [];
  for (const child of item.children) if (child.type === 'list') children.push(...listLines(child, text, depth + 1));
  const fieldRaw = rawLine.slice(cursor);
  return {
    line,
    depth,
    ordered,
    box,
    lead,
    text: plain,
    codeSpans: paragraph ? codeSpans(paragraph) : [],
    links: paragraph ? links(paragraph) : [],
    field: box || lead ? null : fieldAt(fieldRaw, start + cursor, line),
    children,
  };
}

function outlineTable(table: Table, text: string): OutlineTable {
  const [head, ...body] = table.children;
  const header = (head?.children ?? []).map((cell) => toString(cell).trim());
  const rows = body.map((row) => ({
    line: row.position?.start.line ?? 0,
    cells: row.children.map((cell): OutlineCell => {
      const start = cell.position?.start.offset ?? 0;
      const end = cell.position?.end.offset ?? start;
      const raw = text.slice(start, end);
      // A cell's position includes its pipe and padding; the mark is the content alone.
      const lead = /^[ \t]*\|?[ \t]*/.exec(raw)?.[0].length ?? 0;
      const content = raw.slice(lead).replace(/[ \t]*\|?[ \t]*$/, '');
      return { text: toString(cell).trim(), codeSpans: codeSpans(cell), mark: { text: content, start: start + lead, end: start + lead + content.length } };
    }),
  }));
  return { line: table.position?.start.line ?? 0, header, rows };
}

function codeSpans(node: Nodes): string[] {
  const spans: string[] = [];
  visit(node, (child) => {
    if (child.type === 'inlineCode') spans.push(child.value);
  });
  return spans;
}

function links(node: Nodes): Array<{ text: string; url: string }> {
  const found: Array<{ text: string; url: string }> = [];
  visit(node, (child) => {
    if (child.type === 'link') found.push({ text: toString(child).trim(), url: child.url });
  });
  return found;
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children as Nodes[]) if (child.type !== 'list') visit(child, fn);
}

/** Inline markdown to plain text, enough for a field value: code ticks, bold, links. */
function plainInline(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .trim();
}

/** The sections of a subtree, depth first, the section itself included. */
export function* sectionsOf(section: OutlineSection): Generator<OutlineSection> {
  yield section;
  for (const child of section.children) yield* sectionsOf(child);
}

/** The section and its ancestors, innermost first (the root, depth 0, last). */
export function ancestry(section: OutlineSection): OutlineSection[] {
  const chain: OutlineSection[] = [];
  for (let at: OutlineSection | null = section; at !== null; at = at.parent) chain.push(at);
  return chain;
}
