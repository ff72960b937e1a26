/**
 * Items whose status is not a span of their own line (issue 19): a group slot the group's
 * "(each)" Status speaks for, a row of ✓/✗ check columns, a plain line under a status section.
 * Each is written where its status lives: the group's Status words when all the slots it speaks
 * for agree, the row's check cells, or a move into the section for the new status.
 */
import { statusFieldSpanIn, type DeclaredStatus, type StatusSpan, type TrackedItem, type TrackingDoc } from '../doc/index.js';
import { checkColumnsEdit } from './check-columns.js';
import { planSectionMoves } from './section-moves.js';
import type { SectionMove, StatusChange, SyncEdit } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export interface Wanted {
  item: TrackedItem;
  from: DeclaredStatus;
  to: DeclaredStatus;
  direction: 'promote' | 'demote';
  /** A slot listed on a line of its own without a mark: an empty span where a mark can be appended. */
  span: StatusSpan | null;
}

export interface ElsewherePlan {
  edits: SyncEdit[];
  changes: StatusChange[];
  moves: SectionMove[];
  /** Items not written here, with the reason; slots with an empty span go back to be marked one by one. */
  refused: Map<string, string>;
  markSlots: Wanted[];
}

const EACH_WORDS = /^[^(]*[^\s(]/;

/** Plans the items of `wanted` (see the module comment); `dependents(groupId)` are the slots a group's Status speaks for. */
export function planElsewhere(doc: TrackingDoc, wanted: readonly Wanted[], dependents: (groupId: string) => readonly TrackedItem[], vocabulary: Vocabulary): ElsewherePlan {
  const plan: ElsewherePlan = { edits: [], changes: [], moves: [], refused: new Map(), markSlots: [] };
  const change = (entry: Wanted, line: number, text: string): StatusChange => ({ itemId: entry.item.id, name: entry.item.name, line, from: entry.from, to: entry.to, text, direction: entry.direction });
  const groups = new Map<string, Wanted[]>();
  const moves: Wanted[] = [];
  for (const entry of wanted) {
    const statusFrom = entry.item.reading?.statusFrom;
    if (entry.item.groupId !== null && entry.item.reading === undefined) groups.set(entry.item.groupId, [...(groups.get(entry.item.groupId) ?? []), entry]);
    else if (statusFrom === 'section') moves.push(entry);
    else if (statusFrom === 'check-columns') {
      const found = checkColumnsEdit(doc.text, entry.item, entry.to);
      if ('why' in found) plan.refused.set(entry.item.id, found.why);
      else {
        plan.edits.push(...found.edits);
        plan.changes.push(change(entry, entry.item.source.startLine, found.text));
      }
    } else plan.refused.set(entry.item.id, 'its status is not written where sync can rewrite it');
  }
  for (const [groupId, entries] of groups) {
    const group = doc.groups.find((candidate) => candidate.id === groupId);
    const speaksFor = dependents(groupId);
    const agree = entries.length === speaksFor.length && entries.every((entry) => entry.to === entries[0]?.to);
    const span = group === undefined ? null : statusFieldSpanIn(doc, group.source.startLine, group.source.endLine);
    const words = span === null ? null : EACH_WORDS.exec(span.text);
    const first = entries[0];
    const text = first === undefined || words === null ? null : vocabulary.render('field', first.to, words[0]);
    if (!agree || span === null || words === null || text === null) {
      for (const entry of entries) {
        if (entry.span !== null) plan.markSlots.push(entry);
        else plan.refused.set(entry.item.id, agree ? 'the group\'s "(each)" status is not written where sync can rewrite it' : 'the group\'s "(each)" status speaks for other slots the code does not agree on');
      }
      continue;
    }
    if (text !== words[0]) plan.edits.push({ start: span.start, end: span.start + words[0].length, replacement: text, line: span.line, kind: 'status', itemId: first?.item.id ?? null });
    plan.changes.push(...entries.map((entry) => change(entry, span.line, text)));
  }
  const moved = planSectionMoves(doc.text, moves.map((entry) => ({ item: entry.item, to: entry.to })), doc.items);
  plan.edits.push(...moved.edits);
  plan.moves.push(...moved.moves);
  for (const [itemId, why] of moved.refused) plan.refused.set(itemId, why);
  for (const move of moved.moves) {
    const entry = moves.find((candidate) => candidate.item.id === move.itemId);
    if (entry !== undefined) plan.changes.push(change(entry, move.fromLine, (doc.text.split('\n')[move.sectionLine - 1] ?? '').trim()));
  }
  return plan;
}
