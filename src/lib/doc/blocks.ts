/**
 * Turns the blocks of one section into entries the readers understand: `**Key:** value` fields
 * (bullets or bold paragraphs, with any nested or following list as their children), code blocks,
 * tables, loose list items and prose. Nothing is dropped: what no reader claims becomes a diagnostic.
 */
import type { Code, List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import type { SourceRange } from '../diagnostics.js';
import { codeSpansOf, normaliseKey, parseFieldLine } from './inline.js';
import { rangeOf, sourceOf } from './markdown.js';

/** One nested line under a field or a loose list: markdown text, task checkbox state, position. */
export interface ChildLine {
  text: string;
  /** true/false for a GFM task item, null for a plain bullet. */
  checked: boolean | null;
  codeSpans: string[];
  source: SourceRange;
  column: number;
}

/** A `**Key:** value` field as read, before it is applied to an item, group or category. */
export interface RawField {
  key: string;
  /** normaliseKey(key), for matching. */
  norm: string;
  value: string;
  codeSpans: string[];
  children: ChildLine[];
  source: SourceRange;
  line: number;
  column: number;
}

/** One block of a section, classified. */
export type BlockEntry =
  | { kind: 'field'; field: RawField }
  | { kind: 'item'; line: ChildLine }
  | { kind: 'code'; node: Code; lead: RawField | null }
  | { kind: 'table'; node: Table }
  | { kind: 'prose'; node: Paragraph; text: string }
  | { kind: 'break'; node: RootContent }
  | { kind: 'other'; node: RootContent };

/** One item's line and its nested lists' lines, depth-first in document order, appended to `lines`. */
function itemLines(item: ListItem, text: string, lines: ChildLine[]): void {
  const head = item.children[0];
  if (head && head.type === 'paragraph') lines.push(childLine(head, item, text));
  for (const child of item.children) if (child.type === 'list') for (const nested of child.children) itemLines(nested, text, lines);
}

function childLine(head: Paragraph, item: ListItem, text: string): ChildLine {
  const markdown = oneLine(sourceOf(head, text));
  return {
    text: markdown,
    checked: item.checked ?? null,
    codeSpans: codeSpansOf(markdown),
    source: rangeOf(item),
    column: head.position?.start.column ?? 1,
  };
}

function oneLine(markdown: string): string {
  if (!markdown.includes('\n')) return markdown.trim();
  return markdown
    .split('\n')
    .map((part) => part.trim())
    .join(' ')
    .trim();
}

function makeField(lineText: string, line: number, column: number, source: SourceRange): RawField | null {
  const parsed = parseFieldLine(lineText);
  if (!parsed) return null;
  return {
    key: parsed.key,
    norm: normaliseKey(parsed.key),
    value: parsed.value,
    codeSpans: codeSpansOf(parsed.value),
    children: [],
    source,
    line,
    column: column + parsed.valueOffset,
  };
}

/** A list item whose first line is `**Key:** value` becomes a field; its nested lists are children. */
function fieldFromListItem(item: ListItem, text: string): RawField | null {
  const head = item.children[0];
  if (!head || head.type !== 'paragraph') return null;
  const field = makeField(oneLine(sourceOf(head, text)), head.position?.start.line ?? 0, head.position?.start.column ?? 1, rangeOf(item));
  if (!field) return null;
  for (const child of item.children.slice(1)) {
    if (child.type === 'list') for (const nested of child.children) itemLines(nested, text, field.children);
    else if (child.type === 'paragraph') field.children.push(childLine(child, item, text));
  }
  return field;
}

/** A paragraph is a field block when every line is `**Key:** value`; lines are split on the source. */
function fieldsFromParagraph(paragraph: Paragraph, text: string): RawField[] | null {
  const source = sourceOf(paragraph, text);
  const firstLine = paragraph.position?.start.line ?? 0;
  const fields: RawField[] = [];
  const lines = source.split('\n');
  for (const [index, lineText] of lines.entries()) {
    const line = firstLine + index;
    const field = makeField(lineText.trim(), line, 1, { startLine: line, endLine: line });
    if (field) {
      fields.push(field);
    } else {
      const previous = fields[fields.length - 1];
      // A wrapped value continues the field above it; a paragraph that does not start with one is prose.
      if (!previous) return null;
      previous.value = `${previous.value} ${lineText.trim()}`.trim();
      previous.codeSpans = codeSpansOf(previous.value);
      previous.source = { startLine: previous.source.startLine, endLine: line };
    }
  }
  return fields.length > 0 ? fields : null;
}

/** Reads the blocks of one section into entries, in document order. */
export function readBlocks(blocks: readonly RootContent[], text: string): BlockEntry[] {
  const entries: BlockEntry[] = [];
  let lastParagraphFields: RawField[] | null = null;
  for (const node of blocks) {
    const previousFields = lastParagraphFields;
    lastParagraphFields = null;
    switch (node.type) {
      case 'paragraph': {
        const fields = fieldsFromParagraph(node, text);
        if (fields) {
          for (const field of fields) entries.push({ kind: 'field', field });
          lastParagraphFields = fields;
        } else {
          entries.push({ kind: 'prose', node, text: oneLine(sourceOf(node, text)) });
        }
        break;
      }
      case 'list': {
        const lead = previousFields?.[previousFields.length - 1];
        // "**Files:**" then a list: the list is the value of that field.
        if (lead && lead.value === '' && lead.children.length === 0) {
          for (const item of node.children) itemLines(item, text, lead.children);
          lead.source = { startLine: lead.source.startLine, endLine: node.position?.end.line ?? lead.source.endLine };
          break;
        }
        for (const item of node.children) {
          const field = fieldFromListItem(item, text);
          if (field) entries.push({ kind: 'field', field });
          else {
            const lines: ChildLine[] = [];
            itemLines(item, text, lines);
            for (const line of lines) entries.push({ kind: 'item', line });
          }
        }
        break;
      }
      case 'code': {
        const lead = previousFields?.[previousFields.length - 1] ?? null;
        // "**Command to find:**" right above a block labels the block; it is not a field of its own.
        if (lead && lead.value === '' && lead.children.length === 0) {
          const index = entries.findIndex((entry) => entry.kind === 'field' && entry.field === lead);
          if (index !== -1) entries.splice(index, 1);
        }
        entries.push({ kind: 'code', node, lead });
        break;
      }
      case 'table':
        entries.push({ kind: 'table', node });
        break;
      case 'thematicBreak':
        entries.push({ kind: 'break', node });
        break;
      default:
        entries.push({ kind: 'other', node });
    }
  }
  return entries;
}
