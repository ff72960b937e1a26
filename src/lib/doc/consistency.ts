/**
 * Cross-checks between what the doc declares and what its entries say: heading counts ("18 files"
 * over 16 entries), the summary table and the header's Progress against the entries, and COMPLETE
 * markers over entries that are not done. Each disagreement is a warning; nothing is "corrected".
 */
import type { ParseContext } from './context.js';
import { slugify } from './inline.js';
import type { Category, SummaryRow, TrackedItem } from './model.js';

/**
 * Files done over files tracked. A task-level tracker counts tasks, not files (its summary says
 * "5 tasks" while the tasks touch 6 files), so there a task with several files counts once.
 */
interface Tally {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
}

function tally(items: readonly TrackedItem[]): Tally {
  const units = new Map<string, TrackedItem>();
  // Skipped items are out of every denominator.
  for (const item of items) if (item.status.status !== 'skipped') units.set(item.id.startsWith('task-') ? `task:${item.categoryId}` : item.id, item);
  const counted = [...units.values()];
  const count = (status: string) => counted.filter((item) => item.status.status === status).length;
  return { total: counted.length, done: count('done'), inProgress: count('in-progress'), notStarted: count('not-started') };
}

/** The columns of a row that disagree with the entries, as "completed 0 (entries: 2)". */
function disagreements(row: SummaryRow, entries: Tally): string[] {
  const pairs: Array<[string, number | null, number]> = [
    ['total', row.total, entries.total],
    ['completed', row.completed, entries.done],
    ['remaining', row.remaining, entries.total - entries.done],
    ['in progress', row.inProgress, entries.inProgress],
    ['not started', row.notStarted, entries.notStarted],
  ];
  return pairs.filter(([, claimed, actual]) => claimed !== null && claimed !== actual).map(([name, claimed, actual]) => `${name} ${claimed} (entries: ${actual})`);
}

/** A Task N tracker's category ("Task 3.1", a reused id "1-dup-2"); the generic readers name theirs by heading slug. */
function isTaskId(id: string): boolean {
  return /^\d+(?:\.\d+)*(?:-dup-\d+)?$/.test(id);
}

/** A category as the doc names it: "Task 3.1" in a Task N tracker, its heading's title otherwise. */
function categoryName(category: Category): string {
  return isTaskId(category.id) ? `Task ${category.id}` : `"${category.title}"`;
}

/** "files" when the items are files (a Task N tracker's, or all with a path), "items" otherwise. */
function nounOf(category: Category, items: readonly TrackedItem[], count: number): string {
  const files = isTaskId(category.id) || (items.length > 0 && items.every((item) => item.path !== null));
  return `${files ? 'file' : 'item'}${count === 1 ? '' : 's'}`;
}

/** 'Task 1 says "(6 files)" but lists 4.' / '"Router" declares 3 but lists 2 items.' */
function countMismatch(name: string, declared: number, category: Category, listed: readonly TrackedItem[]): string {
  if (isTaskId(category.id)) return `${name} says "(${declared} ${nounOf(category, listed, declared)})" but lists ${listed.length}.`;
  return `${name} declares ${declared} but lists ${listed.length} ${nounOf(category, listed, listed.length)}.`;
}

/** Items by category id, in doc order. */
function itemsByCategory(items: readonly TrackedItem[]): Map<string, TrackedItem[]> {
  const byCategory = new Map<string, TrackedItem[]>();
  for (const item of items) {
    const list = byCategory.get(item.categoryId);
    if (list) list.push(item);
    else byCategory.set(item.categoryId, [item]);
  }
  return byCategory;
}

/** Items of categories whose id is `id` or starts with `id.` (a summary row for "Task 3.1" covers 3.1.x). */
function itemsUnder(byCategory: ReadonlyMap<string, TrackedItem[]>, id: string, dotted: boolean): TrackedItem[] {
  // Slug ids never hold a dot: without task ids, a row's items are its category's (issue 17: a row per category of a 1 MB doc).
  if (!dotted) return byCategory.get(id) ?? [];
  const prefix = `${id}.`;
  const under: TrackedItem[] = [];
  for (const [categoryId, items] of byCategory) if (categoryId === id || categoryId.startsWith(prefix)) for (const item of items) under.push(item);
  return under;
}

/** A category's own items plus those of categories written inside it ("## Phase 1 (12 files)" over its tasks). */
function itemsWithin(ctx: ParseContext, category: Category, byCategory: ReadonlyMap<string, TrackedItem[]>): TrackedItem[] {
  const { startLine, endLine } = category.source;
  const ids = ctx.categories
    .filter((other) => other === category || (other.source.startLine > startLine && other.source.endLine <= endLine))
    .map((other) => other.id);
  // One lookup per category, not a pass over every item (only counts are taken, so order does not matter).
  return [...new Set(ids)].flatMap((id) => byCategory.get(id) ?? []);
}

function checkHeadingCounts(ctx: ParseContext): void {
  const byCategory = itemsByCategory(ctx.items);
  for (const category of ctx.categories) {
    if (category.declaredCount === null && !category.completeMarker && category.subgroups.length === 0) continue;
    const items = itemsWithin(ctx, category, byCategory);
    if (category.declaredCount !== null && category.declaredCount !== items.length) {
      ctx.sink.warning('doc/count-mismatch', countMismatch(categoryName(category), category.declaredCount, category, items), category.source.startLine);
    }
    if (category.completeMarker && items.some((item) => item.status.status !== 'done')) {
      const open = items.filter((item) => item.status.status !== 'done').length;
      ctx.sink.warning('doc/complete-marker', `${categoryName(category)} is marked COMPLETE but ${open} of its ${items.length} entries are not done.`, category.source.startLine);
    }
    for (const subgroup of category.subgroups) {
      const members = items.filter((item) => item.subgroup === subgroup.title);
      if (subgroup.declaredCount !== null && subgroup.declaredCount !== members.length) {
        ctx.sink.warning('doc/count-mismatch', countMismatch(`"${subgroup.title}" in ${categoryName(category)}`, subgroup.declaredCount, category, members), subgroup.source.startLine);
      }
      if (subgroup.completeMarker && members.some((item) => item.status.status !== 'done')) {
        ctx.sink.warning('doc/complete-marker', `"${subgroup.title}" is marked COMPLETE but not all of its entries are done.`, subgroup.source.startLine);
      }
    }
  }
}

/** Matches summary rows without a "Task X" label to a category by title. */
function resolveSummaryLabels(ctx: ParseContext): void {
  if (ctx.summaryLabels.size === 0) return;
  const titles = ctx.categories.map((category) => ({ category, slug: slugify(category.title) }));
  for (const [row, label] of ctx.summaryLabels) {
    const slug = slugify(label);
    const match = titles.find(({ category, slug: title }) => category.id === slug || title === slug || title.startsWith(slug))?.category;
    row.categoryId = match?.id ?? null;
  }
}

function checkSummary(ctx: ParseContext): void {
  const byCategory = itemsByCategory(ctx.items);
  const categoryIds = new Set(ctx.categories.map((category) => category.id));
  const dotted = ctx.categories.some((category) => category.id.includes('.')) || [...byCategory.keys()].some((id) => id.includes('.'));
  // A doc may state its totals many times ("Progress: 3/5" per section read as whole-doc rows).
  let wholeDoc: Tally | undefined;
  for (const row of ctx.summary) {
    if (!row.isTotal && row.categoryId === null) {
      ctx.sink.info('doc/summary-unmatched', `The summary row "${row.label}" names no category of the doc, so it cannot be checked.`, row.source.startLine);
      continue;
    }
    const id = row.categoryId ?? '';
    if (!row.isTotal && !categoryIds.has(id) && !(dotted && [...categoryIds].some((other) => other.startsWith(`${id}.`)))) {
      ctx.sink.warning('doc/summary-unmatched', `The summary row "${row.label}" names ${isTaskId(id) ? `Task ${id}` : `"${id}"`}, which the doc has no section for.`, row.source.startLine);
      continue;
    }
    const entries = row.isTotal ? (wholeDoc ??= tally(ctx.items)) : tally(itemsUnder(byCategory, id, dotted));
    const name = row.isTotal ? 'The TOTAL row' : `The summary row for ${row.label}`;
    const claims = `${row.completed ?? '?'}/${row.total ?? '?'}`;
    const wrong = disagreements(row, entries);
    if (wrong.length > 0) {
      ctx.sink.warning('doc/summary-mismatch', `${name} says ${claims} done, but the entries say ${entries.done}/${entries.total} (${wrong.join(', ')}); the table looks stale.`, row.source.startLine);
    }
  }
  const progress = ctx.header.progress;
  if (progress) {
    const entries = (wholeDoc ??= tally(ctx.items));
    if (progress.done !== entries.done || progress.total !== entries.total) {
      ctx.sink.warning('doc/progress-mismatch', `The header says Progress ${progress.done}/${progress.total}, but the entries say ${entries.done}/${entries.total}.`, ctx.progressLine);
    }
  }
}

/** Runs every cross-check once the whole doc has been read. */
export function checkConsistency(ctx: ParseContext): void {
  resolveSummaryLabels(ctx);
  checkHeadingCounts(ctx);
  checkSummary(ctx);
}
