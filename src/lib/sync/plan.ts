/**
 * planSync: the edits that bring a tracking doc in line with what the code shows (issue 19). Each
 * item whose status should change gets its status span rewritten in the doc's own vocabulary;
 * declared summaries and the optional generated block follow. The plan is checked by reading the
 * edited text back: an edit after which the item does not read as intended, or another item
 * reads differently, is dropped and the item is listed as left alone instead, so sync never writes
 * a status the doc stage would not read back.
 */
import { statusSpansOf, type DeclaredStatus, type StatusSpan, type TrackedItem, type TrackingDoc } from '../doc/index.js';
import { declaredStatusOf } from '../verify/index.js';
import { summaryBlockEdit } from './summary-block.js';
import { summaryEdits } from './summaries.js';
import { targetOf } from './targets.js';
import type { LeftAlone, StatusChange, SyncEdit, SyncInput, SyncPlan } from './types.js';
import { planElsewhere, type Wanted } from './elsewhere.js';
import { rollupEdits } from './rollups.js';
import { legendProgressBox, spanKindOf, Vocabulary, type SpanKind } from './vocabulary.js';

/** Reads an edited text as the doc stage does (the caller passes `parseTrackingDoc` with its options). */
export type Reparse = (text: string) => TrackingDoc;

/** The doc's text with `edits` applied (offsets into `text`, none overlapping). */
export function applyToText(text: string, edits: readonly SyncEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
  return out;
}

/** Plans the sync of `doc` (see the module comment). */
export function planSync(doc: TrackingDoc, input: SyncInput, reparse: Reparse): SyncPlan {
  const refused = new Map<string, string>();
  // Each round refuses at least one more item, so this ends within as many rounds as there are changes.
  for (;;) {
    const plan = planOnce(doc, input, refused);
    const { wrong, disturbed } = misread(doc, plan, reparse);
    const fresh = [...wrong].filter(([itemId]) => !refused.has(itemId));
    if (wrong.size === 0 && !disturbed) return withRollups(doc, plan, input.demote, reparse);
    if (fresh.length === 0) {
      // Edits that change how the doc reads without any status edit to blame: write nothing.
      return { edits: [], changes: [], moves: [], leftAlone: [...plan.leftAlone, ...plan.changes.map((change) => ({ itemId: change.itemId, name: change.name, line: change.line, declared: change.from, verified: change.to, why: 'the edits would change how other lines of the doc read' }))] };
    }
    for (const [itemId, why] of fresh) refused.set(itemId, why);
  }
}

/** The doc's own words, learnt from every item whose status is a span of its own. */
function vocabularyOf(doc: TrackingDoc, spans: ReadonlyMap<string, StatusSpan>): Vocabulary {
  return new Vocabulary(doc.items.flatMap((item) => {
    const span = spans.get(item.id);
    return span === undefined ? [] : [{ item, span, status: item.status.status }];
  }), legendProgressBox(doc.text));
}

/**
 * The plan with the statuses that sum up its items (rollups.ts) rewritten, each kept only when the
 * doc reads it back as intended and every item still reads as planned.
 */
function withRollups(doc: TrackingDoc, plan: SyncPlan, demote: boolean, reparse: Reparse): SyncPlan {
  const after = new Map(doc.items.map((item) => [item.id, declaredStatusOf(item, doc)]));
  for (const change of plan.changes) after.set(change.itemId, change.to);
  const overlaps = (edit: SyncEdit): boolean => plan.edits.some((other) => edit.start < other.end && other.start < edit.end);
  const rollups = rollupEdits(doc, (itemId) => after.get(itemId) ?? 'unknown', vocabularyOf(doc, statusSpansOf(doc)), demote).filter((rollup) => !overlaps(rollup.edit));
  if (rollups.length === 0) return plan;
  const edited = reparse(applyToText(doc.text, [...plan.edits, ...rollups.map((rollup) => rollup.edit)]));
  const same = edited.items.length === doc.items.length && edited.items.every((item) => after.get(item.id) === declaredStatusOf(item, edited));
  return same ? { ...plan, edits: [...plan.edits, ...rollups.filter((rollup) => rollup.check(edited)).map((rollup) => rollup.edit)] } : plan;
}

function planOnce(doc: TrackingDoc, input: SyncInput, refused: ReadonlyMap<string, string>): SyncPlan {
  const spans = statusSpansOf(doc);
  const declared = new Map(doc.items.map((item) => [item.id, declaredStatusOf(item, doc)]));
  const vocabulary = vocabularyOf(doc, spans);
  const changes: StatusChange[] = [];
  const leftAlone: LeftAlone[] = [];
  const bySpan = new Map<number, Array<{ item: TrackedItem; span: StatusSpan; change: StatusChange }>>();
  const elsewhere: Wanted[] = [];
  const leave = (item: TrackedItem, why: string): void => {
    const from = declared.get(item.id) ?? 'unknown';
    leftAlone.push({ itemId: item.id, name: item.name, line: spans.get(item.id)?.line ?? item.source.startLine, declared: from, verified: input.verified.get(item.id) ?? 'unknown', why });
  };
  const inSpan = (item: TrackedItem, span: StatusSpan, kind: SpanKind, to: DeclaredStatus, direction: StatusChange['direction']): void => {
    const text = vocabulary.render(kind, to, span.text);
    if (text === null) return leave(item, `the doc has no way to write ${to} there (a checkbox, and no in-progress box in its legend or its lines)`);
    const change: StatusChange = { itemId: item.id, name: item.name, line: span.line, from: declared.get(item.id) ?? 'unknown', to, text, direction };
    bySpan.set(span.start, [...(bySpan.get(span.start) ?? []), { item, span, change }]);
  };
  for (const item of doc.items) {
    const from = declared.get(item.id) ?? 'unknown';
    const target = targetOf(from, input.verified.get(item.id), input.demote);
    if (target.kind === 'same') continue;
    if (target.kind === 'leave') {
      leave(item, target.why);
      continue;
    }
    const why = refused.get(item.id);
    if (why !== undefined) {
      leave(item, why);
      continue;
    }
    const span = spans.get(item.id);
    const kind = spanKindOf(item);
    // A slot with an empty span is one the group's "(each)" speaks for: the group's Status is tried first.
    if (span === undefined || kind === null || (span.text === '' && item.groupId !== null && item.reading === undefined)) {
      elsewhere.push({ item, from, to: target.to, direction: target.direction, span: span ?? null });
      continue;
    }
    inSpan(item, span, kind, target.to, target.direction);
  }
  const dependents = (groupId: string): TrackedItem[] => doc.items.filter((item) => item.groupId === groupId && item.reading === undefined && (spans.get(item.id)?.text ?? '') === '');
  const other = planElsewhere(doc, elsewhere, dependents, vocabulary);
  for (const [itemId, why] of other.refused) {
    const item = doc.items.find((candidate) => candidate.id === itemId);
    if (item !== undefined) leave(item, why);
  }
  for (const slot of other.markSlots) if (slot.span !== null) inSpan(slot.item, slot.span, 'mark', slot.to, slot.direction);
  changes.push(...other.changes);
  const edits: SyncEdit[] = [...other.edits];
  for (const shared of bySpan.values()) {
    const first = shared[0];
    if (first === undefined) continue;
    // Items that share one Status field (a task modifying several files) move together or not at all.
    const sharers = doc.items.filter((item) => spans.get(item.id)?.start === first.span.start);
    if (sharers.length !== shared.length || shared.some((entry) => entry.change.to !== first.change.to)) {
      for (const { item, change } of shared) leftAlone.push({ itemId: item.id, name: item.name, line: change.line, declared: change.from, verified: change.to, why: 'it shares one Status with other items the code does not agree on' });
      continue;
    }
    changes.push(...shared.map((entry) => entry.change));
    // An empty span is where a mark is appended (a group slot the group's "(each)" status spoke for).
    const replacement = first.span.text === '' ? ` ${first.change.text}` : first.change.text;
    if (first.change.text !== first.span.text) edits.push({ start: first.span.start, end: first.span.end, replacement, line: first.span.line, kind: 'status', itemId: first.item.id });
  }
  const after = new Map(declared);
  for (const change of changes) after.set(change.itemId, change.to);
  const overlaps = (edit: SyncEdit): boolean => edits.some((other) => edit.start < other.end && other.start < edit.end);
  const summaries = summaryEdits(doc, (itemId) => after.get(itemId) ?? 'unknown').filter((edit) => !overlaps(edit));
  const block = summaryBlockEdit(doc.text, input.progress).filter((edit) => !overlaps(edit) && !summaries.some((other) => edit.start < other.end && other.start < edit.end));
  return { edits: [...edits, ...summaries, ...block], changes, leftAlone, moves: other.moves };
}

/**
 * Items that would not read back as planned, with the reason to list them as left alone, and
 * whether an item sync did not edit would read differently (a neighbour's edit disturbed it).
 */
function misread(doc: TrackingDoc, plan: SyncPlan, reparse: Reparse): { wrong: Map<string, string>; disturbed: boolean } {
  const wrong = new Map<string, string>();
  if (plan.edits.length === 0) return { wrong, disturbed: false };
  const edited = reparse(applyToText(doc.text, plan.edits));
  const intended = new Map<string, DeclaredStatus>(doc.items.map((item) => [item.id, declaredStatusOf(item, doc)]));
  for (const change of plan.changes) intended.set(change.itemId, change.to);
  const readBack = new Map(edited.items.map((item) => [item.id, declaredStatusOf(item, edited)]));
  let disturbed = edited.items.length !== doc.items.length;
  for (const [itemId, status] of intended) {
    if (readBack.get(itemId) === status) continue;
    const change = plan.changes.find((candidate) => candidate.itemId === itemId);
    if (change !== undefined) wrong.set(itemId, `"${change.text}" would not read back as ${change.to} there`);
    else disturbed = true;
  }
  // Which edit disturbed an untouched item is the reader's business: refuse every status edit.
  if (disturbed) for (const change of plan.changes) if (!wrong.has(change.itemId)) wrong.set(change.itemId, 'the edit would change how another line of the doc reads');
  return { wrong, disturbed };
}
