/**
 * "File N: name" sections become TrackedItems. Their bullets (or bold paragraphs) are fields; a
 * bare checklist is the Changes list; prose under the item is kept as a note; shell blocks are the
 * category's commands. Anything else is reported, not dropped.
 */
import { readBlocks, type BlockEntry } from './blocks.js';
import { readCommands, isShellBlock } from './commands.js';
import type { ParseContext, Scope } from './context.js';
import { readHeadingParts, readItemHeading, readTaskHeading } from './heading-parts.js';
import { applyItemFields, applyPath } from './item-fields.js';
import type { Section } from './markdown.js';
import { columnOf } from './markdown.js';
import type { TrackedItem } from './model.js';
import { noStatus } from './status.js';
import { describeNode, reportUnplaced } from './unplaced.js';

/** Reads a heading found nested under an item as one of the item's siblings. */
export type SiblingReader = (section: Section, scope: Scope, ctx: ParseContext) => void;

/** A blank item in a scope; ids are assigned once every item is known (duplicates need the whole doc). */
export function newItem(number: number | null, name: string, scope: Scope, source: TrackedItem['source']): TrackedItem {
  return {
    id: '',
    number,
    categoryId: scope.category?.id ?? 'uncategorized',
    subgroup: scope.subgroup?.title ?? null,
    name,
    path: null,
    status: noStatus(),
    groupId: null,
    fields: [],
    lineSpans: [],
    importsToAdd: [],
    pattern: null,
    notes: [],
    updatedBy: null,
    date: null,
    checklist: [],
    source,
  };
}

/**
 * Blocks of an item section and of the plain headings nested under it ("##### Notes"), in document
 * order. Nested item or task headings are not the item's content: docs mix levels ("### File 5"
 * followed by "#### Files 6-9"), so those are returned to be read as siblings.
 */
export function splitItemSection(section: Section): { blocks: Section['blocks']; siblings: Section[] } {
  const blocks = [...section.blocks];
  const siblings: Section[] = [];
  for (const sub of section.subsections) {
    if (readItemHeading(sub.title) !== null || readTaskHeading(sub.title) !== null) {
      siblings.push(sub);
    } else {
      const inner = splitItemSection(sub);
      blocks.push(...inner.blocks);
      siblings.push(...inner.siblings);
    }
  }
  return { blocks, siblings };
}

/** From the heading to the item's last own block: sibling entries nested under it are not its lines. */
export function ownRange(section: Section, blocks: Section['blocks']): TrackedItem['source'] {
  const endLine = Math.max(section.source.startLine, ...blocks.map((block) => block.position?.end.line ?? 0));
  return { startLine: section.source.startLine, endLine };
}

/** Reads a "File N: name" section into one item. */
export function readFileItem(section: Section, number: number, rest: string, scope: Scope, ctx: ParseContext, readSibling: SiblingReader): TrackedItem {
  const parts = readHeadingParts(rest);
  const { blocks, siblings } = splitItemSection(section);
  const item = newItem(number, parts.title, scope, ownRange(section, blocks));
  const entries = readBlocks(blocks, ctx.text);
  applyItemFields(item, entries.flatMap((entry) => (entry.kind === 'field' ? [entry.field] : [])), ctx);
  for (const entry of entries) readLooseEntry(item, entry, scope, section, ctx);
  const line = section.source.startLine;
  if (item.status.raw === '' && parts.status) item.status = parts.status;
  else if (parts.status && item.status.status !== 'unknown' && parts.status.status !== item.status.status) {
    ctx.sink.warning('doc/status-conflict', `File ${number}'s heading shows ${parts.status.raw} (${parts.status.status}) but its Status says "${item.status.raw}" (${item.status.status}); the Status field was used.`, line);
  }
  if (item.status.raw === '') {
    ctx.sink.warning('doc/missing-status', `File ${number} (${item.name}) has no Status; it is counted as unknown.`, line);
  }
  if (item.path === null && !item.fields.some((field) => /^(path|file|file path|location)$/i.test(field.key))) {
    // Some docs put the path in the heading itself: "### File 4: data_processors/raw/x.py".
    if (parts.title.includes('/')) applyPath(item, parts.title, [], line, section.heading ? (columnOf(section.heading) ?? 1) : 1, ctx);
    else ctx.sink.warning('doc/missing-path', `File ${number} (${item.name}) has no Path field, so it cannot be checked against the code.`, line);
  }
  ctx.items.push(item);
  for (const sibling of siblings) readSibling(sibling, scope, ctx);
  return item;
}

/** What an item section holds besides fields: checklists, prose notes, commands. */
function readLooseEntry(item: TrackedItem, entry: BlockEntry, scope: Scope, section: Section, ctx: ParseContext): void {
  switch (entry.kind) {
    case 'field':
    case 'break':
      return;
    case 'item':
      if (entry.line.checked !== null) {
        item.checklist.push({ text: entry.line.text, checked: entry.line.checked, codeSpans: entry.line.codeSpans, source: entry.line.source });
      } else {
        item.notes.push(entry.line.text);
      }
      return;
    case 'prose':
      item.notes.push(entry.text);
      return;
    case 'code':
      if (isShellBlock(entry.node)) {
        readCommands(entry.node, { fallbackLabel: entry.lead?.key ?? section.title, categoryId: scope.category?.id ?? null, groupId: null }, ctx);
        return;
      }
      reportUnplaced(entry.node, `${describeNode(entry.node)} under ${section.title}`, ctx);
      return;
    default:
      reportUnplaced(entry.node, `${describeNode(entry.node)} under ${section.title}`, ctx);
  }
}
