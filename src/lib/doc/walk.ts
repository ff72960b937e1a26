/**
 * Top-level reading: decides what each section of the doc is (header, summary, category, milestones,
 * commands, template, other) and hands it to its reader.
 */
import { readBlocks, type BlockEntry, type RawField } from './blocks.js';
import { readCategory, readInCategory } from './categories.js';
import { isShellBlock, readCommands } from './commands.js';
import type { ParseContext } from './context.js';
import { applyHeaderField } from './header.js';
import { readHeadingParts, readItemHeading, readTaskHeading } from './heading-parts.js';
import { slugify, stripLeadingDecoration } from './inline.js';
import type { Section } from './markdown.js';
import type { Category } from './model.js';
import { isMilestoneHeading, readMilestone } from './milestones.js';
import { readSummaryTable } from './summary-table.js';
import { describeNode, reportUnplaced } from './unplaced.js';

const TEMPLATE_TITLE = /\b(template|example|sample)s?\b/i;
const MILESTONES_TITLE = /\b(milestones?|timeline|schedule|roadmap)\b/i;
const COMMANDS_TITLE = /\bcommands?\b/i;

/** Reads the whole section tree into the context. */
export function walkDoc(root: Section, ctx: ParseContext): void {
  const footer = detachFooter(root, ctx);
  readDocBlocks(root.blocks, root, ctx);
  for (const section of root.subsections) walkTop(section, ctx);
  for (const entry of footer) applyHeaderField(entry, ctx);
}

/**
 * The doc's footer ("---" then "**Last Updated:** …" at the very end) belongs to the doc, not to
 * whatever section happens to come last (an item would otherwise take "Last Updated" as its date).
 */
function detachFooter(root: Section, ctx: ParseContext): RawField[] {
  let last = root;
  while (last.subsections.length > 0) last = last.subsections[last.subsections.length - 1] ?? last;
  const breakIndex = last.blocks.map((block) => block.type).lastIndexOf('thematicBreak');
  if (breakIndex === -1 || breakIndex === last.blocks.length - 1) return [];
  const entries = readBlocks(last.blocks.slice(breakIndex + 1), ctx.text);
  if (!entries.every((entry) => entry.kind === 'field')) return [];
  last.blocks = last.blocks.slice(0, breakIndex + 1);
  return entries.flatMap((entry) => (entry.kind === 'field' ? [entry.field] : []));
}

function walkTop(section: Section, ctx: ParseContext): void {
  const title = stripLeadingDecoration(section.title);
  if (section.depth === 1 && ctx.header.title === null) {
    ctx.header.title = section.title;
    readDocBlocks(section.blocks, section, ctx);
    for (const sub of section.subsections) walkTop(sub, ctx);
    return;
  }
  const task = readTaskHeading(section.title);
  if (task) {
    readCategory(section, task.id, task.rest, ctx);
    return;
  }
  const item = readItemHeading(section.title);
  if (item && item.kind !== 'template') {
    // A file entry outside any category still counts: it goes to an "Uncategorized" category.
    readInCategory(section, { category: uncategorized(ctx), subgroup: null }, ctx);
    return;
  }
  // Template sections show what an entry should look like; none of it is tracked. A section that
  // holds numbered "File N" entries is tracked even if its title says "example": data is never dropped.
  if ((TEMPLATE_TITLE.test(title) && !holdsFileEntries(section)) || item?.kind === 'template') return;
  if (isMilestoneHeading(title)) {
    readMilestone(section, ctx);
    return;
  }
  if (MILESTONES_TITLE.test(title) && section.subsections.length > 0) {
    readDocBlocks(section.blocks, section, ctx);
    for (const sub of section.subsections) readMilestone(sub, ctx);
    return;
  }
  if (!COMMANDS_TITLE.test(title) && (holdsFileEntries(section) || readHeadingParts(title).declaredCount !== null)) {
    readNamedCategory(section, title, ctx);
    return;
  }
  readDocBlocks(section.blocks, section, ctx);
  for (const sub of section.subsections) walkTop(sub, ctx);
}

/** A heading without a task number whose sections hold "File N" entries ("## Database Layer (12 files)"). */
function readNamedCategory(section: Section, title: string, ctx: ParseContext): void {
  const parts = readHeadingParts(title);
  readCategory(section, slugify(parts.title), title, ctx);
}

function holdsFileEntries(section: Section): boolean {
  return section.subsections.some((sub) => {
    const item = readItemHeading(sub.title);
    return (item !== null && item.kind !== 'template') || holdsFileEntries(sub);
  });
}

function uncategorized(ctx: ParseContext): Category {
  const existing = ctx.categories.find((category) => category.id === 'uncategorized');
  if (existing) return existing;
  const category: Category = { id: 'uncategorized', title: 'Uncategorized', declaredCount: null, completeMarker: false, status: null, subgroups: [], fields: [], source: { startLine: 0, endLine: 0 } };
  ctx.categories.push(category);
  return category;
}

/** Blocks outside categories: header/footer fields, summary tables, doc-level commands. */
function readDocBlocks(blocks: Section['blocks'], section: Section, ctx: ParseContext): void {
  for (const entry of readBlocks(blocks, ctx.text)) readDocEntry(entry, section, ctx);
}

function readDocEntry(entry: BlockEntry, section: Section, ctx: ParseContext): void {
  switch (entry.kind) {
    case 'field':
      applyHeaderField(entry.field, ctx);
      return;
    case 'break':
      return;
    case 'table':
      if (!readSummaryTable(entry.node, ctx)) reportUnplaced(entry.node, `a table under ${section.title || 'the doc title'}`, ctx);
      return;
    case 'code':
      if (isShellBlock(entry.node)) {
        readCommands(entry.node, { fallbackLabel: entry.lead?.key ?? stripLeadingDecoration(section.title), categoryId: null, groupId: null }, ctx);
      } else {
        reportUnplaced(entry.node, `a code block under ${section.title || 'the doc title'}`, ctx);
      }
      return;
    case 'item':
      ctx.sink.add('info', 'doc/unplaced', `The list line "${entry.line.text}" under ${section.title || 'the doc title'} is not part of any category or milestone; it is not tracked.`, entry.line.source.startLine, entry.line.column);
      return;
    default:
      reportUnplaced(entry.node, `${describeNode(entry.node)} under ${section.title || 'the doc title'}`, ctx);
  }
}
