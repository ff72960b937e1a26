/**
 * The figures every renderer of a snapshot prints (issue 18, item 7): the site's view-models and
 * the `scan --format markdown|text` summaries both read them from here, so they cannot disagree.
 * Pure functions of the snapshot; the counting itself was done by verify.
 */
import type { ItemNoun, Snapshot, SnapshotCategory, SnapshotItem } from './schema.js';

/** Whole percent of `part / total`, 0 when total is 0; floored so 99.6 % never shows as done. */
export function percent(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((part / total) * 100);
}

/** "1 line", "2 lines", "0 files": the count and the noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Whether an item is a file: it has a path, or it is a slot of a seed family file group ("Files
 * 40-56 … each", whose paths the doc does not name yet). A task line or a phase has neither.
 */
export function isFileItem(item: Pick<SnapshotItem, 'path' | 'groupId'>): boolean {
  return item.path !== null || item.groupId !== null;
}

/**
 * What a count of these items is a count of (issue 17): "file" when every item counted is a file,
 * "item" otherwise. Items declared skipped are not counted (they are out of the slots), unless all
 * are; no items at all reads as files, the word migratrack always used.
 */
export function nounOf(items: readonly Pick<SnapshotItem, 'path' | 'groupId' | 'declaredStatus'>[]): ItemNoun {
  const counted = items.filter((item) => item.declaredStatus !== 'skipped');
  return (counted.length > 0 ? counted : items).every(isFileItem) ? 'file' : 'item';
}

/** The noun in the number of `count`: "file", "files", "item", "items" (without the count). */
export function nounText(noun: ItemNoun, count: number): string {
  return count === 1 ? noun : `${noun}s`;
}

/** The plural as a heading: "Files", "Items". */
export function nounHeading(noun: ItemNoun): string {
  return noun === 'file' ? 'Files' : 'Items';
}

/** The noun of a category's slots: as verify wrote it, else from its items (older snapshots). */
export function categoryNoun(s: Snapshot, c: SnapshotCategory): ItemNoun {
  return c.noun ?? nounOf(s.items.filter((item) => item.category === c.id));
}

/** The noun of the doc's slots over all categories: as verify wrote it, else from the items. */
export function snapshotNoun(s: Snapshot): ItemNoun {
  return s.totals.noun ?? nounOf(s.items);
}

/** A category's "what" (verify names the pattern: "`bigquery.Client(`") with "call"/"calls" as its count needs. */
export function callsWhat(what: string, calls: number): string {
  const subject = what.replace(/\s*\bcalls?$/, '');
  return `${subject ? `${subject} ` : ''}${calls === 1 ? 'call' : 'calls'}`;
}

/** A file with call sites left, and how many. */
export interface FileLeft {
  path: string;
  count: number;
}

export interface CategoryFigures {
  id: string;
  title: string;
  slots: number;
  declaredDone: number;
  verifiedDone: number;
  declaredPercent: number;
  verifiedPercent: number;
  /** What the slots are: "file" or "item" (categoryNoun). */
  noun: ItemNoun;
  /** Slots the code does not show as done. */
  filesRemaining: number;
  /** Call sites left, and in how many files (the category's own figures). */
  calls: number;
  callFiles: number;
  what: string;
  /** Files with call sites left, most first (path order on ties); their counts add up to `calls`. */
  filesLeft: FileLeft[];
}

/**
 * Call sites left per file in a category: the union of its items' remaining lines, one per
 * (path, line) as verify counts the category (a file tracked twice counts once).
 */
export function filesLeft(s: Snapshot, categoryId: string): FileLeft[] {
  const lines = new Map<string, Set<number>>();
  for (const item of s.items) {
    if (item.category !== categoryId) continue;
    for (const m of item.remaining) {
      const set = lines.get(m.path) ?? new Set<number>();
      set.add(m.line);
      lines.set(m.path, set);
    }
  }
  return [...lines]
    .map(([path, set]) => ({ path, count: set.size }))
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function categoryFigures(s: Snapshot, c: SnapshotCategory): CategoryFigures {
  return {
    id: c.id,
    title: c.title,
    slots: c.slots,
    declaredDone: c.declared.done,
    verifiedDone: c.verified.done,
    declaredPercent: percent(c.declared.done, c.slots),
    verifiedPercent: percent(c.verified.done, c.slots),
    noun: categoryNoun(s, c),
    filesRemaining: Math.max(0, c.slots - c.verified.done),
    calls: c.remaining.calls,
    callFiles: c.remaining.files,
    what: callsWhat(c.remaining.what, c.remaining.calls),
    filesLeft: filesLeft(s, c.id),
  };
}

/** "41 `bigquery.Client(` calls in 9 files", or '' when none are left. */
export function callsLeftText(f: Pick<CategoryFigures, 'calls' | 'callFiles' | 'what'>): string {
  return f.calls > 0 ? `${f.calls} ${f.what} in ${plural(f.callFiles, 'file')}` : '';
}

export interface TotalsFigures {
  title: string;
  /** What the slots are: "file" or "item" (snapshotNoun). */
  noun: ItemNoun;
  slots: number;
  declaredDone: number;
  verifiedDone: number;
  declaredPercent: number;
  verifiedPercent: number;
  declaredRemaining: number;
  verifiedRemaining: number;
  driftErrors: number;
  driftWarnings: number;
}

export function totalsFigures(s: Snapshot): TotalsFigures {
  const { slots, declaredDone, verifiedDone } = s.totals;
  return {
    title: s.doc.title ?? s.doc.path,
    noun: snapshotNoun(s),
    slots,
    declaredDone,
    verifiedDone,
    declaredPercent: percent(declaredDone, slots),
    verifiedPercent: percent(verifiedDone, slots),
    declaredRemaining: Math.max(0, slots - declaredDone),
    verifiedRemaining: Math.max(0, slots - verifiedDone),
    driftErrors: s.drift.filter((d) => d.severity === 'error').length,
    driftWarnings: s.drift.filter((d) => d.severity === 'warning').length,
  };
}
