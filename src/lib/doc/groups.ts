/**
 * "Files 30-39: …" sections: one ItemGroup plus one slot item per number in the range. Listed files
 * fill the slots in order; globs, "Command to find" blocks and vague lines stay on the group; slots
 * nothing fills are explicit items with `path: null`, never dropped or invented (issue 3).
 */
import type { ChildLine, RawField } from './blocks.js';
import { readBlocks } from './blocks.js';
import { isShellBlock, readCommands } from './commands.js';
import type { ParseContext, Scope } from './context.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { readHeadingParts } from './heading-parts.js';
import { plainText } from './inline.js';
import { applyItemFields, applySessionTail } from './item-fields.js';
import { newItem, ownRange, splitItemSection, type SiblingReader } from './items.js';
import type { Section } from './markdown.js';
import type { ItemGroup, StatusText, TrackedItem } from './model.js';
import { globBase, globToRegExp, leadingPath, readPath } from './paths.js';
import { noStatus, readReportedStatus, readStatus } from './status.js';
import { describeNode, reportUnplaced } from './unplaced.js';

/** A group bigger than this is a typo ("Files 40-5600"); its slots are capped, with a diagnostic. */
const MAX_GROUP_SLOTS = 2000;

const GLOB_KEYS = new Set(['paths', 'path', 'glob', 'globs', 'pattern paths', 'location']);
const MEMBER_KEYS = new Set(['files', 'expected files', 'members', 'file list', 'list', 'includes', 'files modified']);
const BOLD_LEAD = /^(?:\*\*|__)(.+?)(?:\*\*|__)/;

interface ListedMember {
  /** The path as the list wrote it ("phase2_to_phase3/main.py"): the slot's name. */
  written: string;
  /** The repo-relative path it resolves to ("orchestration/cloud_functions/phase2_to_phase3/main.py"). */
  path: string;
  status: StatusText | null;
  line: ChildLine;
}

/** Reads a "Files N-M" section into a group and its slot items. */
export function readGroup(section: Section, first: number, last: number, rest: string, scope: Scope, ctx: ParseContext, readSibling: SiblingReader): ItemGroup {
  const parts = readHeadingParts(rest);
  const line = section.source.startLine;
  const { blocks, siblings } = splitItemSection(section);
  const group: ItemGroup = {
    id: `files-${first}-${last}`,
    categoryId: scope.category?.id ?? 'uncategorized',
    title: parts.title,
    first,
    last,
    globs: [],
    listedPaths: [],
    vagueLines: [],
    commandIds: [],
    status: parts.status ?? noStatus(),
    source: ownRange(section, blocks),
  };
  const slotFields: RawField[] = [];
  const memberLines: ChildLine[] = [];
  for (const entry of readBlocks(blocks, ctx.text)) {
    if (entry.kind === 'field') {
      const { field } = entry;
      if (GLOB_KEYS.has(field.norm)) readGlobs(group, [field.value, ...field.children.map((child) => child.text)], field.line, ctx);
      else if (field.norm === 'status') group.status = readReportedStatus(field.value, `Files ${first}-${last}`, field, ctx.sink);
      else if (MEMBER_KEYS.has(field.norm) || isPathList(field)) memberLines.push(...field.children);
      else slotFields.push(field);
    } else if (entry.kind === 'item') {
      if (entry.line.checked === null) memberLines.push(entry.line);
    } else if (entry.kind === 'code' && isShellBlock(entry.node)) {
      const label = entry.lead ? entry.lead.key : section.title;
      const added = readCommands(entry.node, { fallbackLabel: label, categoryId: group.categoryId, groupId: group.id }, ctx);
      group.commandIds.push(...added.map((command) => command.id));
    } else if (entry.kind === 'prose' || entry.kind === 'table' || entry.kind === 'other' || entry.kind === 'code') {
      reportUnplaced(entry.node, `${describeNode(entry.node)} under ${section.title}`, ctx);
    }
  }
  const members = readMembers(group, memberLines, ctx);
  ctx.groups.push(group);
  makeSlots(group, members, slotFields, scope, section, ctx);
  if (group.status.raw === '') ctx.sink.warning('doc/missing-status', `Files ${first}-${last} (${group.title}) has no Status; its slots are counted as unknown.`, line);
  for (const sibling of siblings) readSibling(sibling, scope, ctx);
  return group;
}

function readGlobs(group: ItemGroup, values: string[], line: number, ctx: ParseContext): void {
  for (const value of values) {
    const spans = value.match(/`[^`]+`/g)?.map((span) => span.slice(1, -1)) ?? [plainText(value)];
    for (const span of spans.filter((text) => text !== '')) {
      const reading = readPath(span);
      if (reading.kind === 'glob') group.globs.push(reading.glob);
      else if (reading.kind === 'path') group.globs.push(reading.path);
      else if (reading.kind === 'unsafe') ctx.sink.error('doc/unsafe-path', `The path "${span}" of ${group.title} was ignored because ${reading.reason}.`, line);
      else group.vagueLines.push(span);
    }
  }
}

/**
 * A bold-labelled list whose lines are paths ("**Found by the command (2026-01-27):**" then one file
 * per line) names the group's members, whatever its label says. Checklists and prose lists
 * ("**Strategy:**") are not: most of their lines read as no path.
 */
function isPathList(field: RawField): boolean {
  if (field.value !== '' || field.children.length === 0 || field.children.some((child) => child.checked !== null)) return false;
  const paths = field.children.filter((child) => {
    const { candidate, delimited } = splitMemberLine(child);
    const kind = readPath(candidate, { delimited }).kind;
    return kind === 'path' || kind === 'glob';
  });
  return paths.length * 2 > field.children.length;
}

/** Splits "**a/main.py** - ✅ Complete (Session 119, 2026-01-19)" into the path and what follows. */
function splitMemberLine(line: ChildLine): { candidate: string; delimited: boolean; rest: string } {
  const plain = plainText(line.text);
  const marked = line.codeSpans[0] ?? BOLD_LEAD.exec(line.text)?.[1];
  const candidate = marked ?? leadingPath(plain);
  const written = marked === undefined ? candidate : plainText(candidate);
  const at = plain.indexOf(written);
  const rest = at === -1 ? '' : plain.slice(at + written.length);
  // A path that runs up to a separator ("old copy of x.py ✅") was delimited by the line itself.
  return { candidate, delimited: marked !== undefined || candidate.includes(' '), rest: rest.replace(/^\s*[-–—:]\s*/, '').trim() };
}

/** A member's own status, when the line gives one; a bare "(note)" after the path is not a status. */
function memberStatus(rest: string, path: string, line: ChildLine, ctx: ParseContext): StatusText | null {
  if (rest === '') return null;
  if (rest.startsWith('(') && readStatus(rest).status.status === 'unknown') return null;
  return readReportedStatus(rest, path, { line: line.source.startLine, column: line.column }, ctx.sink);
}

/** Listed members: paths fill the slots in order; globs and vague lines stay on the group. */
function readMembers(group: ItemGroup, lines: readonly ChildLine[], ctx: ParseContext): ListedMember[] {
  const members: ListedMember[] = [];
  for (const line of lines) {
    const { candidate, delimited, rest } = splitMemberLine(line);
    const reading = readPath(candidate, { delimited });
    if (reading.kind === 'path') {
      const path = resolveAgainstGlobs(reading.path, group.globs);
      group.listedPaths.push(path);
      members.push({ written: reading.path, path, status: memberStatus(rest, reading.path, line, ctx), line });
    } else if (reading.kind === 'glob') {
      group.globs.push(reading.glob);
    } else {
      if (reading.kind === 'unsafe') ctx.sink.error('doc/unsafe-path', `The path "${candidate}" listed in ${group.title} was ignored because ${reading.reason}.`, line.source.startLine, line.column);
      group.vagueLines.push(plainText(line.text));
    }
  }
  return members;
}

/** "phase2_to_phase3/main.py" under `orchestration/cloud_functions/*\/main.py` is that glob's member. */
function resolveAgainstGlobs(path: string, globs: readonly string[]): string {
  for (const glob of globs) {
    const pattern = globToRegExp(glob);
    if (pattern.test(path)) return path;
    const base = globBase(glob);
    if (base !== '' && pattern.test(`${base}${path}`)) return `${base}${path}`;
  }
  return path;
}

function makeSlots(group: ItemGroup, members: ListedMember[], slotFields: RawField[], scope: Scope, section: Section, ctx: ParseContext): void {
  const line = section.source.startLine;
  let size = group.last - group.first + 1;
  if (size < 1) {
    ctx.sink.error('doc/bad-range', `"Files ${group.first}-${group.last}" runs backwards; it was read as no files.`, line);
    size = 0;
  } else if (size > MAX_GROUP_SLOTS) {
    ctx.sink.error('doc/bad-range', `"Files ${group.first}-${group.last}" would be ${size} files; only the first ${MAX_GROUP_SLOTS} were made slots. Check the numbers.`, line);
    size = MAX_GROUP_SLOTS;
  }
  if (members.length > size) {
    ctx.sink.warning('doc/group-overflow', `Files ${group.first}-${group.last} has ${size} slots but lists ${members.length} files; ${members.length - size === 1 ? 'the last one has' : `the last ${members.length - size} have`} no number.`, line);
  }
  // Slots share the group's fields: only the first slot reports their problems, once.
  const quiet: ParseContext = { ...ctx, sink: new DiagnosticSink(ctx.sink.file) };
  for (let index = 0; index < size; index++) {
    const member = members[index];
    const item: TrackedItem = newItem(group.first + index, member?.written ?? group.title, scope, member ? member.line.source : group.source);
    item.groupId = group.id;
    applyItemFields(item, slotFields, index === 0 ? ctx : quiet);
    item.status = member?.status ?? group.status;
    if (member) {
      item.path = member.path;
      applySessionTail(item, member.line.text, ctx);
    }
    ctx.items.push(item);
  }
}
