/**
 * Status headings: a heading that carries a status is one item, either by a Status field written
 * right under it (`**Status:** Done`, `- **Status**: ⏳ Pending`, `Status: \`pending\``) or by a
 * status mark after its title (`### 1. Foo.tsx ✅`). A heading whose section holds other items is
 * not an item: it is a category, and its status is the category's.
 */
import type { ChecklistEntry } from '../model.js';
import type { Mark, OutlineField, OutlineListLine, OutlineSection } from '../outline.js';
import { sectionsOf } from '../outline.js';
import { readHeadingParts } from '../heading-parts.js';
import { stripLeadingDecoration } from '../inline.js';
import { boxStatus, isLegendLine, markStatus } from './marks.js';
import { keyOf, nameOf, pathsOf, spanOf, type Candidate, type ReaderContext } from './candidate.js';
import { readTextStatus } from './status-text.js';
import { ignoredBecause } from './sections.js';

const STATUS_KEY = /^(status|state|estado|situa[çc][ãa]o|stato|statut)$/i;
const PATH_KEY = /^(path|file|files|file path|location|source|files modified|files to modify)$/i;

/** The Status field written under a heading before its items begin, or null. */
export function statusFieldOf(section: OutlineSection): OutlineField | null {
  for (const block of section.blocks) {
    if (block.kind === 'table') return null;
    if (block.kind === 'fields') {
      const field = block.fields.find((candidate) => STATUS_KEY.test(candidate.key) && readsAsStatus(candidate.value));
      if (field) return field;
    }
    if (block.kind === 'list') {
      if (block.lines.some((line) => line.box !== null || (line.lead !== null && !isLegendLine(line)))) return null;
      const field = block.lines.find((line) => line.field !== null && STATUS_KEY.test(line.field.key) && readsAsStatus(line.field.value))?.field;
      if (field) return field;
    }
  }
  return null;
}

/** "Status: 0/616 calls replaced" is a count, not a status: only a known status makes a status field. */
function readsAsStatus(value: string): boolean {
  return readTextStatus(value, new Map()).status.status !== 'unknown';
}

/** The status mark after a heading's title, with its span, or null. */
function headingMark(section: OutlineSection): { mark: Mark; text: string } | null {
  const parts = readHeadingParts(stripLeadingDecoration(section.title));
  if (parts.status === null || section.titleMark === null || parts.completeMarker) return null;
  const at = section.titleMark.text.lastIndexOf(parts.status.raw);
  if (at === -1) return null;
  const start = section.titleMark.start + at;
  return { mark: { text: parts.status.raw, start, end: start + parts.status.raw.length }, text: parts.status.raw };
}

/** True when a section's subtree holds lines or rows that are items of their own. */
function holdsMarkedLines(section: OutlineSection): boolean {
  for (const inner of sectionsOf(section)) {
    for (const block of inner.blocks) {
      if (block.kind === 'table') return true;
      if (block.kind === 'list' && block.lines.some((line) => line.box !== null || line.lead !== null)) return true;
    }
  }
  return false;
}

/** True when a section is a heading item candidate: it carries a status at all. */
export function carriesStatus(section: OutlineSection): boolean {
  return section.depth > 1 && (statusFieldOf(section) !== null || headingMark(section) !== null);
}

/** True when some heading below `section` carries a status (then `section` groups items). */
function holdsStatusHeadings(section: OutlineSection): boolean {
  return section.children.some((child) => carriesStatus(child) || holdsStatusHeadings(child));
}

/** Reads a section as a status heading item; null when it is not one. */
export function readStatusHeading(section: OutlineSection, ctx: ReaderContext): Candidate | null {
  if (section.depth <= 1 || section.parent === null || ignoredBecause(section.parent, ctx.ignoreSections) !== null) return null;
  const field = statusFieldOf(section);
  const mark = field === null ? headingMark(section) : null;
  if (field === null && mark === null) return null;
  if (holdsStatusHeadings(section)) return null;
  if (field === null && holdsMarkedLines(section)) return null;
  const title = readHeadingParts(stripLeadingDecoration(section.title)).title;
  const reading = field !== null ? readTextStatus(field.value, ctx.legend, ctx.words) : null;
  const fromMark = mark !== null ? markStatus(mark.text, ctx.legend) : null;
  const status = reading?.status ?? { status: fromMark?.status ?? 'unknown', raw: mark?.text ?? '', each: false };
  const { path, renameTo } = headingPath(section, title, ctx);
  const checklist = subSteps(section, ctx);
  return {
    reader: 'status-heading',
    name: nameOf(title),
    path,
    inheritedPath: null,
    renameTo,
    status,
    statusFrom: field !== null ? 'field' : 'heading-mark',
    byLegend: reading?.byLegend ?? fromMark?.byLegend ?? false,
    statusSpan: spanOf(ctx, field?.valueMark ?? mark?.mark ?? null),
    checklist,
    notes: [],
    line: section.line,
    endLine: section.endLine,
    section: section.parent,
    key: keyOf(path, [section.parent.title], title),
  };
}

function headingPath(section: OutlineSection, title: string, ctx: ReaderContext): { path: string | null; renameTo: string | null } {
  const fromTitle = pathsOf(
    [...section.codeSpans.map((text) => ({ text, delimited: true })), { text: title.replace(/^\d+(\.\d+)*[.)]?\s+/, ''), delimited: false }],
    section.line,
    ctx,
  );
  if (fromTitle.paths.length > 0) return { path: fromTitle.paths[0] ?? null, renameTo: fromTitle.rename?.to ?? null };
  for (const block of section.blocks) {
    const fields = block.kind === 'fields' ? block.fields.map((field) => ({ field, children: [] as OutlineListLine[] })) : block.kind === 'list' ? block.lines.flatMap((line) => (line.field ? [{ field: line.field, children: line.children }] : [])) : [];
    for (const { field, children } of fields) {
      if (!PATH_KEY.test(field.key)) continue;
      const texts = [
        ...field.value.split(/\s*,\s*/).map((text) => ({ text, delimited: false })),
        ...children.map((child) => ({ text: child.codeSpans[0] ?? child.text.split(/\s/)[0] ?? '', delimited: child.codeSpans.length > 0 })),
      ];
      const found = pathsOf(texts, field.line, ctx);
      if (found.paths.length > 0) return { path: found.paths[0] ?? null, renameTo: found.rename?.to ?? null };
    }
  }
  return { path: null, renameTo: null };
}

/** The boxes under a status heading: its sub-steps, not more items. */
function subSteps(section: OutlineSection, ctx: ReaderContext): ChecklistEntry[] {
  const steps: ChecklistEntry[] = [];
  const visit = (line: OutlineListLine): void => {
    if (line.box !== null) {
      steps.push({ text: line.text, checked: boxStatus(line.box.text, ctx.legend).status === 'done', codeSpans: line.codeSpans, source: { startLine: line.line, endLine: line.line } });
    }
    for (const child of line.children) visit(child);
  };
  for (const inner of sectionsOf(section)) for (const block of inner.blocks) if (block.kind === 'list') for (const line of block.lines) visit(line);
  return steps;
}
