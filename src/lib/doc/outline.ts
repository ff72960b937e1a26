/**
 * The outline of a doc (issue 17): the markdown's sections, list lines with their marks and
 * nesting, tables with their cells, and `Key: value` fields, with the exact source offsets of each
 * mark. Built once from the mdast; the generic readers (doc/readers/) only look at this.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { textOf } from './node-text.js';
import type { Section } from './markdown.js';
import { fieldAt, paragraphFields } from './outline-fields.js';

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
      return fields.length > 0 ? { kind: 'fields', line, fields, text: textOf(block) } : { kind: 'paragraph', line, text: textOf(block) };
    }
    case 'code':
    case 'html':
    case 'yaml' as RootContent['type']:
      return { kind: 'code', line };
    default:
      return { kind: 'other', line };
  }
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
  // A box starts with `[`, a lead mark with a character past ASCII: most lines have neither.
  const boxMatch = rawLine[cursor] === '[' ? BOX.exec(rawLine.slice(cursor)) : null;
  if (boxMatch) {
    box = { text: boxMatch[0], start: start + cursor, end: start + cursor + boxMatch[0].length };
    cursor += boxMatch[0].length;
    while (rawLine[cursor] === ' ' || rawLine[cursor] === '\t') cursor++;
  }
  let lead: Mark | null = null;
  const leadMatch = rawLine.charCodeAt(cursor) >= 128 ? LEAD.exec(rawLine.slice(cursor)) : null;
  if (leadMatch) {
    const mark = leadMatch[0].replace(/[ \t]+$/, '');
    lead = { text: mark, start: start + cursor, end: start + cursor + mark.length };
    cursor += leadMatch[0].length;
  }
  const first = item.children[0];
  const paragraph = first?.type === 'paragraph' ? first : null;
  const children: OutlineListLine[] = [];
  for (const child of item.children) if (child.type === 'list') for (const nested of listLines(child, text, depth + 1)) children.push(nested);
  const inlineParts = paragraph ? codeSpansAndLinks(paragraph) : null;
  return {
    line,
    depth,
    ordered,
    box,
    lead,
    text: paragraph ? plainLine(paragraph) : '',
    codeSpans: inlineParts?.codeSpans ?? [],
    links: inlineParts?.links ?? [],
    field: box || lead ? null : fieldAt(cursor === 0 ? rawLine : rawLine.slice(cursor), start + cursor, line),
    children,
  };
}

/** The first line of a list item's paragraph as plain text, its marks stripped as they were from the source. */
function plainLine(paragraph: Paragraph): string {
  const plain = textOf(paragraph);
  const newline = plain.indexOf('\n');
  let first = newline === -1 ? plain : plain.slice(0, newline);
  if (first[0] === '[') first = first.replace(/^\[[ \t]*[xX✓✔/\-~>!?]?[ \t]*\][ \t]*/u, '');
  if (first.charCodeAt(0) >= 128) first = first.replace(LEAD, '');
  return first.trim();
}

function outlineTable(table: Table, text: string): OutlineTable {
  const [head, ...body] = table.children;
  const header = (head?.children ?? []).map((cell) => textOf(cell).trim());
  const rows = body.map((row) => ({
    line: row.position?.start.line ?? 0,
    cells: row.children.map((cell): OutlineCell => {
      const start = cell.position?.start.offset ?? 0;
      const end = cell.position?.end.offset ?? start;
      const raw = text.slice(start, end);
      // A cell's position includes its pipe and padding; the mark is the content alone.
      const lead = /^[ \t]*\|?[ \t]*/.exec(raw)?.[0].length ?? 0;
      const content = raw.slice(lead).replace(/[ \t]*\|?[ \t]*$/, '');
      return { text: textOf(cell).trim(), codeSpans: codeSpans(cell), mark: { text: content, start: start + lead, end: start + lead + content.length } };
    }),
  }));
  return { line: table.position?.start.line ?? 0, header, rows };
}

function codeSpans(node: Nodes): string[] {
  return codeSpansAndLinks(node).codeSpans;
}

/** The code spans and links of a node, nested lists left out, in one walk. */
function codeSpansAndLinks(node: Nodes): { codeSpans: string[]; links: Array<{ text: string; url: string }> } {
  const found = { codeSpans: [] as string[], links: [] as Array<{ text: string; url: string }> };
  collectInline(node, found);
  return found;
}

function collectInline(node: Nodes, found: { codeSpans: string[]; links: Array<{ text: string; url: string }> }): void {
  if (node.type === 'inlineCode') found.codeSpans.push(node.value);
  else if (node.type === 'link') found.links.push({ text: textOf(node).trim(), url: node.url });
  if ('children' in node) for (const child of node.children as Nodes[]) if (child.type !== 'list') collectInline(child, found);
}

/** The sections of a subtree, depth first, the section itself included. */
export function sectionsOf(section: OutlineSection): OutlineSection[] {
  // An array, not a generator: `yield*` re-yields every section through each level above it.
  const found: OutlineSection[] = [];
  const stack = [section];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    found.push(at);
    for (let child = at.children.length - 1; child >= 0; child--) stack.push(at.children[child]!);
  }
  return found;
}

/** The section and its ancestors, innermost first (the root, depth 0, last). */
export function ancestry(section: OutlineSection): OutlineSection[] {
  const chain: OutlineSection[] = [];
  for (let at: OutlineSection | null = section; at !== null; at = at.parent) chain.push(at);
  return chain;
}
