/**
 * The generic doc reader (issue 17): walks the outline once, in document order, and lets the
 * readers claim its parts in one fixed order (READER_ORDER). What is claimed is not offered to the
 * readers after it. Then an item listed twice keeps its later entry, items get their categories,
 * and the whole lands in the parse context.
 */
import type { ParseContext } from '../context.js';
import { readHeadingParts } from '../heading-parts.js';
import { slugify, stripLeadingDecoration } from '../inline.js';
import type { Category, TrackedItem } from '../model.js';
import type { OutlineSection } from '../outline.js';
import { ancestry, sectionsOf } from '../outline.js';
import { readPath } from '../paths.js';
import type { Candidate, ReaderContext } from './candidate.js';
import { categoryOf, categorySections } from './categories.js';
import { DocText } from './doc-text.js';
import { carriesStatus, readStatusHeading, statusFieldOf } from './heading-items.js';
import { readListLines } from './list-items.js';
import { boxKey, collectLegend, isLegendLabel, isLegendSection, isLegendTable, normaliseMark } from './marks.js';
import { extraMarks, extraWords, type ReadingOptions } from './options.js';
import { ignoredBecause, sectionStatus } from './sections.js';
import { readTextStatus } from './status-text.js';
import { readDeclaredSummaries } from './summaries.js';
import { headingNames, readTableRows } from './table-items.js';

/**
 * The order in which the readers claim the outline, first to last. A section that an earlier
 * reader claims (a legend, an ignored section, a status heading and everything under it) is not
 * offered to the later ones; inside a section, each table and list goes to its reader.
 */
export const READER_ORDER = [
  'legend (a legend list, section or table: the doc\'s own meanings for marks; never items)',
  'ignored sections (risks, summaries, build status, history logs, doc-level success criteria)',
  'status-heading (a heading with a Status field under it or a status mark after its title)',
  'table-row (a table with a status, state or progress column, or check columns)',
  'task-line (a list line with a checkbox)',
  'status-line (a list line led by a status mark)',
  'section-line (a plain list line or row under a status section: "## Completed", "## Next Steps")',
] as const;

interface Walk {
  root: OutlineSection;
  rc: ReaderContext;
  found: Candidate[];
  itemHeadings: Set<OutlineSection>;
  headings: Set<string>;
  readers: ReadonlySet<string>;
  claimedLine: (line: number) => boolean;
}

const READERS = ['status-heading', 'table-row', 'task-line', 'status-line', 'section-line'] as const;

/**
 * Reads the items of a doc the seed family did not claim; `claimedLine` says which heading lines
 * the seed family already read (their sections are skipped). Returns the number of items read.
 * `unreadOnlyWithoutItems`: the caller keeps only `unread` of a reading that found no item (the
 * seed family's, parse.ts), so categories and declared summaries are then not read at all.
 */
export function readGeneric(root: OutlineSection, ctx: ParseContext, options: ReadingOptions = {}, claimedLine: (line: number) => boolean = () => false, unreadOnlyWithoutItems = false): number {
  const legend = collectLegend(root);
  for (const [mark, status] of extraMarks(options)) legend.set(/^\[/.test(mark) ? `[${boxKey(mark)}]` : normaliseMark(mark), status);
  const rc: ReaderContext = {
    doc: new DocText(ctx.text),
    legend,
    sink: ctx.sink,
    unread: ctx.unread,
    words: extraWords(options),
    ignoreSections: (options.ignoreSections ?? []).map((words) => words.toLowerCase()),
  };
  const walk: Walk = { root, rc, found: [], itemHeadings: new Set(), headings: headingNames(root), readers: new Set(options.readers ?? READERS), claimedLine };
  visit(root, walk);
  const read = walk.found.filter((candidate) => walk.readers.has(candidate.reader as (typeof READERS)[number]));
  const items = dedupe(read, ctx);
  if (items.length === 0 && unreadOnlyWithoutItems) return 0;
  inheritPaths(items);
  const categories = categorySections(root, new Set(items.map((item) => item.section)), walk.itemHeadings, options.categoryLevel);
  place(items, categories, root, walk.itemHeadings, ctx);
  return items.length;
}

function visit(section: OutlineSection, walk: Walk): void {
  if (section.depth > 0 && walk.claimedLine(section.line)) return;
  const heading = walk.readers.has('status-heading') ? readStatusHeading(section, walk.rc) : null;
  if (heading !== null) {
    walk.found.push(heading);
    walk.itemHeadings.add(section);
    return;
  }
  const ignored = ignoredBecause(section, walk.rc.ignoreSections);
  if (ignored !== null || isLegendSection(section)) {
    noteUnread(section, ignored ?? 'it is a legend', walk.rc);
    return;
  }
  const status = ancestry(section).map(sectionStatus).find((found) => found !== null) ?? null;
  const chain = ancestry(section).map((at) => at.title).reverse();
  let afterLegendLabel = false;
  for (const block of section.blocks) {
    if (block.kind === 'table' && !isLegendTable(block)) {
      walk.found.push(...readTableRows(block.table, section, chain, status, walk.headings, walk.rc));
    } else if (block.kind === 'list' && !afterLegendLabel) {
      walk.found.push(...readListLines(block.lines, { section, sectionStatus: status, chain }, walk.rc));
    }
    afterLegendLabel = isLegendLabel(block);
  }
  for (const child of section.children) visit(child, walk);
}

function noteUnread(section: OutlineSection, why: string, rc: ReaderContext): void {
  for (const inner of sectionsOf(section)) {
    for (const block of inner.blocks) {
      if (block.kind === 'list') {
        for (const line of block.lines) if (line.box !== null || line.lead !== null) rc.unread.push({ line: line.line, text: line.text, why });
      } else if (block.kind === 'table') {
        rc.unread.push({ line: block.line, text: block.table.header.join(' | '), why });
      }
    }
  }
}

/** An item listed twice keeps its later entry (the doc's latest word), with a diagnostic. */
function dedupe(found: Candidate[], ctx: ParseContext): Candidate[] {
  const last = new Map<string, number>();
  found.forEach((candidate, index) => last.set(candidate.key, index));
  const first = new Map<string, Candidate>();
  return found.filter((candidate, index) => {
    if (last.get(candidate.key) === index) return true;
    if (!first.has(candidate.key)) first.set(candidate.key, candidate);
    const later = found[last.get(candidate.key) ?? index];
    ctx.sink.warning('doc/duplicate-item', `"${candidate.path ?? candidate.name}" is listed again at line ${later?.line ?? 0}; the later entry (${later?.status.status ?? ''}) was used and this one (${candidate.status.status}) ignored.`, candidate.line);
    return false;
  });
}

/** Items without a path of their own take the file their heading names ("## Ownership (`convex/ownership.ts`)"). */
function inheritPaths(items: Candidate[]): void {
  for (const item of items) {
    if (item.path !== null) continue;
    for (const at of ancestry(item.section)) {
      const file = at.codeSpans.map((span) => readPath(span, { delimited: true })).find((reading) => reading.kind === 'path' && /\.\w+$/.test(reading.path));
      if (file?.kind === 'path') {
        item.inheritedPath = file.path;
        break;
      }
    }
  }
}

function place(found: Candidate[], sections: OutlineSection[], root: OutlineSection, itemHeadings: ReadonlySet<OutlineSection>, ctx: ParseContext): void {
  const categories = new Map<OutlineSection, Category>();
  const uniqueId = uniqueIds();
  for (const section of sections) categories.set(section, categoryFor(section, uniqueId, ctx));
  const set = new Set(sections);
  let other: Category | null = null;
  const itemId = uniqueIds();
  for (const candidate of found) {
    const home = categoryOf(candidate.section, set);
    let category = home ? categories.get(home) : undefined;
    if (category === undefined) {
      other ??= otherCategory(sections.length > 0, root, uniqueId);
      category = other;
    }
    ctx.items.push(toItem(candidate, category, home, itemId));
  }
  // Categories in doc order, "Other" last; categories that got no item are dropped.
  const used = new Set(ctx.items.map((item) => item.categoryId));
  ctx.categories.push(...[...categories.values()].filter((category) => used.has(category.id)));
  if (other !== null) ctx.categories.push(other);
  const kept = new Map([...categories].filter(([, category]) => used.has(category.id)));
  // The header's "Progress:" is compared already (header.progress); its other claims are read here.
  const summaries = readDeclaredSummaries(root, kept, itemHeadings).filter((row) => !(ctx.header.progress !== null && /^progress:/i.test(row.label)));
  ctx.summary.push(...summaries);
}

function categoryFor(section: OutlineSection, uniqueId: (base: string) => string, ctx: ParseContext): Category {
  const parts = readHeadingParts(stripLeadingDecoration(section.title));
  const field = carriesStatus(section) ? statusFieldOf(section) : null;
  const status = field !== null ? readTextStatus(field.value, new Map()).status : parts.status;
  void ctx;
  return {
    id: uniqueId(slugify(parts.title || section.title)),
    title: parts.title || section.title,
    declaredCount: parts.declaredCount,
    completeMarker: parts.completeMarker,
    status,
    subgroups: [],
    fields: [],
    source: { startLine: section.line, endLine: section.endLine },
  };
}

function otherCategory(others: boolean, root: OutlineSection, uniqueId: (base: string) => string): Category {
  const title = others ? 'Other' : (root.children.find((child) => child.depth === 1)?.title ?? 'Items');
  return { id: uniqueId(others ? 'other' : 'items'), title, declaredCount: null, completeMarker: false, status: null, subgroups: [], fields: [], source: { startLine: 0, endLine: 0 } };
}

/** Ids from slugs: the first use of a slug is the slug, later ones get "-2", "-3" (constant time each). */
function uniqueIds(): (base: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (base) => {
    let count = next.get(base) ?? 1;
    let id = count === 1 ? base : `${base}-${count}`;
    while (used.has(id)) id = `${base}-${++count}`;
    next.set(base, count + 1);
    used.add(id);
    return id;
  };
}

function toItem(candidate: Candidate, category: Category, home: OutlineSection | null, uniqueId: (base: string) => string): TrackedItem {
  const path = candidate.path ?? candidate.inheritedPath;
  const id = uniqueId(`item-${slugify(candidate.path ?? candidate.name)}`);
  const subgroup = home !== null && candidate.section !== home && candidate.section.depth > 0 ? stripLeadingDecoration(candidate.section.title) : null;
  const done = candidate.checklist.filter((step) => step.checked).length;
  return {
    id,
    number: null,
    categoryId: category.id,
    subgroup,
    name: candidate.name,
    path,
    status: candidate.status,
    groupId: null,
    fields: [],
    lineSpans: [],
    importsToAdd: [],
    pattern: null,
    notes: candidate.notes,
    updatedBy: null,
    date: null,
    checklist: candidate.checklist,
    source: { startLine: candidate.line, endLine: candidate.endLine },
    reading: {
      reader: candidate.reader,
      statusFrom: candidate.statusFrom,
      byLegend: candidate.byLegend,
      statusSpan: candidate.statusSpan,
      progress: candidate.checklist.length > 0 ? { done, total: candidate.checklist.length } : null,
      renameTo: candidate.renameTo,
    },
  };
}
