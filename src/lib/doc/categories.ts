/**
 * Category sections ("## Task 3.1.1: Title (2 files)", or any heading that holds file entries):
 * their fields and commands, sub-groups ("### Raw Processors (6 files)"), and the items under them
 * at whatever heading level the doc puts them.
 */
import type { RawField } from './blocks.js';
import { readBlocks } from './blocks.js';
import { isShellBlock, readCommands } from './commands.js';
import type { ParseContext, Scope } from './context.js';
import { readGroup } from './groups.js';
import { readHeadingParts, readItemHeading, readTaskHeading } from './heading-parts.js';
import { toField } from './item-fields.js';
import { readFileItem } from './items.js';
import type { Section } from './markdown.js';
import type { Category, Subgroup, TrackingCommand } from './model.js';
import { readReportedStatus } from './status.js';
import { isTaskLike, readTaskItems } from './tasks.js';
import { describeNode, reportUnplaced } from './unplaced.js';

/** Numbers beyond this are typos or hostile input, not file numbers. */
const MAX_FILE_NUMBER = 1_000_000;

/** Reads a category section and everything under it. */
export function readCategory(section: Section, writtenId: string, rest: string, ctx: ParseContext): Category {
  const parts = readHeadingParts(rest);
  const id = uniqueCategoryId(writtenId, section, ctx);
  const category: Category = {
    id,
    title: parts.title,
    declaredCount: parts.declaredCount,
    completeMarker: parts.completeMarker,
    status: parts.status,
    subgroups: [],
    fields: [],
    source: section.source,
  };
  ctx.categories.push(category);
  const scope: Scope = { category, subgroup: null };
  const itemsBefore = ctx.items.length;
  const commandsBefore = ctx.commands.length;
  const groupsBefore = ctx.groups.length;
  const fields = readOwnBlocks(section, scope, category.fields, ctx);
  const ownCommands = ctx.commands.length;
  const status = fields.find((field) => field.norm === 'status');
  if (status) category.status = readReportedStatus(status.value, `Task ${id}`, status, ctx.sink);
  for (const sub of section.subsections) readInCategory(sub, scope, ctx);
  linkLoneGroupCommands(ctx, ctx.commands.slice(commandsBefore, ownCommands), groupsBefore);
  if (ctx.items.length === itemsBefore && isTaskLike(category, fields)) readTaskItems(category, fields, scope, ctx);
  return category;
}

/** A task number used twice gets "3.1-dup-2", like duplicate file numbers, so ids stay unique. */
function uniqueCategoryId(id: string, section: Section, ctx: ParseContext): string {
  const taken = new Set(ctx.categories.map((category) => category.id));
  if (!taken.has(id)) return id;
  let count = 2;
  while (taken.has(`${id}-dup-${count}`)) count++;
  const unique = `${id}-dup-${count}`;
  ctx.sink.warning('doc/duplicate-category', `The category id "${id}" is used again by "${section.title}"; this section was given the id "${unique}". Renumber or rename one of them.`, section.source.startLine);
  return unique;
}

/** The blocks directly under a category or sub-group heading: fields, commands, the rest reported. */
function readOwnBlocks(section: Section, scope: Scope, into: Category['fields'], ctx: ParseContext): RawField[] {
  const fields: RawField[] = [];
  for (const entry of readBlocks(section.blocks, ctx.text)) {
    if (entry.kind === 'field') {
      fields.push(entry.field);
      into.push(toField(entry.field));
    } else if (entry.kind === 'code' && isShellBlock(entry.node)) {
      readCommands(entry.node, { fallbackLabel: entry.lead?.key ?? section.title, categoryId: scope.category?.id ?? null, groupId: null }, ctx);
    } else if (entry.kind === 'item') {
      ctx.sink.warning('doc/unplaced', `The list line "${entry.line.text}" under ${section.title} is not a field or a file entry; it is not part of the tracked model.`, entry.line.source.startLine, entry.line.column);
    } else if (entry.kind !== 'break') {
      reportUnplaced(entry.node, `${describeNode(entry.node)} under ${section.title}`, ctx);
    }
  }
  return fields;
}

/** A heading inside a category: an item, a group, a nested task, a template, or a sub-group. */
export function readInCategory(section: Section, scope: Scope, ctx: ParseContext): void {
  const item = readItemHeading(section.title);
  if (item?.kind === 'template') {
    ctx.sink.info('doc/template-item', `"${section.title}" is an example entry, not a tracked file; it was not counted.`, section.source.startLine);
    return;
  }
  if (item && (item.kind === 'file' ? item.number : item.last) > MAX_FILE_NUMBER) {
    ctx.sink.error('doc/bad-number', `"${section.title}" has a file number above ${MAX_FILE_NUMBER}; it was not read.`, section.source.startLine);
    return;
  }
  if (item?.kind === 'file') {
    readFileItem(section, item.number, item.rest, scope, ctx, readInCategory);
    return;
  }
  if (item?.kind === 'group') {
    readGroup(section, item.first, item.last, item.rest, scope, ctx, readInCategory);
    return;
  }
  const task = readTaskHeading(section.title);
  if (task) {
    readCategory(section, task.id, task.rest, ctx);
    return;
  }
  readSubgroup(section, scope, ctx);
}

function readSubgroup(section: Section, parent: Scope, ctx: ParseContext): void {
  const parts = readHeadingParts(section.title);
  const subgroup: Subgroup = {
    title: parts.title,
    declaredCount: parts.declaredCount,
    completeMarker: parts.completeMarker,
    fields: [],
    source: section.source,
  };
  parent.category?.subgroups.push(subgroup);
  const scope: Scope = { category: parent.category, subgroup };
  const commandsBefore = ctx.commands.length;
  const groupsBefore = ctx.groups.length;
  readOwnBlocks(section, scope, subgroup.fields, ctx);
  const ownCommands = ctx.commands.slice(commandsBefore);
  for (const sub of section.subsections) readInCategory(sub, scope, ctx);
  linkLoneGroupCommands(ctx, ownCommands, groupsBefore);
}

/**
 * A "Command to find" written directly under a sub-group (or category) heading whose only
 * "Files N-M" entry follows it (Task 3.4's scraper files) defines that group's members.
 */
function linkLoneGroupCommands(ctx: ParseContext, commands: readonly TrackingCommand[], groupsBefore: number): void {
  const newGroups = ctx.groups.slice(groupsBefore);
  const group = newGroups[0];
  if (newGroups.length !== 1 || !group) return;
  for (const command of commands) {
    if (command.groupId !== null) continue;
    command.groupId = group.id;
    group.commandIds.push(command.id);
  }
}
