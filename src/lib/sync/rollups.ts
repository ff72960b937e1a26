/**
 * Statuses that sum up items (issue 19): the header's "**Status:** 🟡 In Progress", a group's
 * "**Status:** 🟡 In Progress (6/17 complete)" and a category heading's trailing mark ("## Backend 🔄"; a leading one is decoration).
 * After the items are synced, each says what its items say, in the doc's own words: all done is
 * done, none started is not started, anything else in progress. Raised always, lowered only with
 * `--demote`, and a heading's mark is never lowered (a ✅ on a heading may be the author's
 * decoration) nor written where the heading has none. Only the words change, never a "(6/17
 * complete)" beside them (summaries.ts keeps those figures).
 */
import { statusFieldSpanIn, type DeclaredStatus, type TrackingDoc } from '../doc/index.js';
import type { SyncEdit } from './types.js';
import { lineStartsOf } from './lines.js';
import type { Vocabulary } from './vocabulary.js';

const RANK: Partial<Record<DeclaredStatus, number>> = { 'not-started': 0, 'in-progress': 1, done: 2 };
/** Heading marks sync may replace: progress marks, not a warning (⚠) or a blocker (❌). */
const HEADING_MARK = /🔄|🟡|🚧|⏳|⚪|⬜/u;
const WORDS = /^[^(]*[^\s(]/;

/** What a set of statuses sums up to, or null when nothing counts (all skipped or unknown). */
export function rollupOf(statuses: readonly DeclaredStatus[]): DeclaredStatus | null {
  const counted = statuses.filter((status) => RANK[status] !== undefined);
  if (counted.length === 0 || counted.length < statuses.filter((status) => status !== 'skipped').length) return null;
  if (counted.every((status) => status === 'done')) return 'done';
  if (counted.every((status) => status === 'not-started')) return 'not-started';
  return 'in-progress';
}

/** A rollup edit and what the doc must read there afterwards. */
export interface RollupEdit {
  edit: SyncEdit;
  check: (edited: TrackingDoc) => boolean;
}

function wanted(declared: DeclaredStatus, target: DeclaredStatus | null, demote: boolean): boolean {
  const from = RANK[declared];
  const to = target === null ? undefined : RANK[target];
  if (from === undefined || to === undefined || from === to) return false;
  return to > from || demote;
}

/** The rollup edits after sync (`statusOf`: each item's status once synced). */
export function rollupEdits(doc: TrackingDoc, statusOf: (itemId: string) => DeclaredStatus, vocabulary: Vocabulary, demote: boolean): RollupEdit[] {
  const out: RollupEdit[] = [];
  const field = (line: number, declared: DeclaredStatus, target: DeclaredStatus | null, check: (edited: TrackingDoc, to: DeclaredStatus) => boolean): void => {
    if (target === null || !wanted(declared, target, demote)) return;
    const span = statusFieldSpanIn(doc, line, line);
    const words = span === null ? null : WORDS.exec(span.text);
    const text = words === null ? null : vocabulary.render('field', target, words[0]);
    if (span === null || words === null || text === null || text === words[0]) return;
    out.push({ edit: { start: span.start, end: span.start + words[0].length, replacement: text, line, kind: 'rollup', itemId: null }, check: (edited) => check(edited, target) });
  };
  const statusLine = doc.header.fieldSources?.['Status']?.startLine;
  if (doc.header.status !== null && statusLine !== undefined) {
    field(statusLine, doc.header.status.status, rollupOf(doc.items.map((item) => statusOf(item.id))), (edited, to) => edited.header.status?.status === to);
  }
  for (const group of doc.groups) {
    if (group.status.each) continue;
    const span = statusFieldSpanIn(doc, group.source.startLine, group.source.endLine);
    if (span === null) continue;
    const slots = doc.items.filter((item) => item.groupId === group.id).map((item) => statusOf(item.id));
    field(span.line, group.status.status, rollupOf(slots), (edited, to) => edited.groups.find((other) => other.id === group.id)?.status.status === to);
  }
  const lines = doc.text.split('\n');
  const starts = lineStartsOf(lines);
  for (const category of doc.categories) {
    // A heading's status is its trailing mark ("## Backend 🔄"); a leading one is decoration.
    const line = category.source.startLine;
    const text = lines[line - 1] ?? '';
    const raw = category.status?.raw ?? '';
    const at = raw === '' || !HEADING_MARK.test(raw) || !/^#/.test(text) ? -1 : text.lastIndexOf(raw);
    const items = doc.items.filter((item) => item.categoryId === category.id);
    if (at === -1 || items.length === 0 || rollupOf(items.map((item) => statusOf(item.id))) !== 'done') continue;
    const done = vocabulary.render('heading-mark', 'done', raw) ?? '✅';
    const start = (starts[line - 1] ?? 0) + at;
    out.push({ edit: { start, end: start + raw.length, replacement: done, line, kind: 'rollup', itemId: null }, check: (edited) => edited.categories.find((other) => other.id === category.id)?.status?.status === 'done' });
  }
  return out;
}
