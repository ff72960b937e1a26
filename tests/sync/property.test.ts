/**
 * Property (issue 19): random edits of status lines in fixture docs (an item's status text swapped
 * for another item's, from the same kind of place in the same doc), then sync against the statuses
 * the doc had before: sync restores exactly those statuses and changes no line but the edited
 * status lines and the summaries. Docs with no second status of the same kind to swap in (a seed
 * doc all "Not Started", status sections, check columns) get theirs written in the doc's own
 * vocabulary instead (a sync to random other statuses, checked to read back as such): sync restores
 * the statuses it had, rewriting exactly the items that were edited. Fixed seed for CI; FUZZ=1 runs
 * many more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, statusSpansOf, type StatusSpan } from '../../src/lib/doc/index.js';
import { applyToText, planSync } from '../../src/lib/sync/index.js';
import { declaredOf, fixtureDocs } from './helpers.js';

const RUNS = process.env.FUZZ === '1' ? 500 : 25;
const SETTLED = new Set(['done', 'in-progress', 'not-started']);
// Clean UTF-8 fixtures: the mutation works on the text; encodings have their own test.
const docs = fixtureDocs().filter((doc) => !['seed-mojibake.md', 'variant-progressed-cp1252-crlf-bom.md'].includes(doc.name));

/** A doc's items whose status text can be swapped for another item's of the same kind of place. */
function swapping(name: string, bytes: Buffer) {
  const doc = parseTrackingDoc(bytes, name);
  const original = declaredOf(doc);
  const spans = statusSpansOf(doc);
  const kindOf = (id: string) => doc.items.find((item) => item.id === id)?.reading?.statusFrom ?? 'seed';
  // Items whose status is written in a place of their own, with a settled status.
  const editable = doc.items.filter((item) => spans.get(item.id)?.text && SETTLED.has(original.get(item.id) ?? '')).map((item) => item.id);
  const donors = (id: string): StatusSpan[] => editable.filter((other) => kindOf(other) === kindOf(id) && original.get(other) !== original.get(id)).map((other) => spans.get(other) as StatusSpan);
  return { doc, original, spans, donors, targets: editable.filter((id) => donors(id).length > 0) };
}

// Docs with no second status of the same kind to swap in are covered by the vocabulary property below.
describe.each(docs.filter((doc) => swapping(doc.name, doc.bytes).targets.length > 0))('sync restores random status edits: $name', ({ name, bytes }) => {
  const { doc, original, spans, donors, targets } = swapping(name, bytes);

  it('restores the statuses and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...targets), { minLength: 1, maxLength: Math.min(6, targets.length) }), fc.nat(), (picked, salt) => {
        const edits = picked.map((id, index) => {
          const span = spans.get(id) as StatusSpan;
          const pool = donors(id);
          const donor = pool[(salt + index) % pool.length] as StatusSpan;
          return { start: span.start, end: span.end, replacement: donor.text, line: span.line, kind: 'status' as const, itemId: id };
        });
        const mutated = applyToText(doc.text, edits);
        const edited = parseTrackingDoc(mutated, name);
        const plan = planSync(edited, { verified: original, progress: [], demote: true }, (text) => parseTrackingDoc(text, name));
        const restored = parseTrackingDoc(applyToText(mutated, plan.edits), name);
        expect(declaredOf(restored)).toEqual(original);
        const touched = new Set(edits.map((edit) => edit.line));
        for (const edit of plan.edits) {
          if (edit.kind === 'status') expect(touched.has(edit.line), `status line ${edit.line} was not edited`).toBe(true);
          else if (edit.kind === 'rollup') expect(edited.header.fieldSources?.['Status']?.startLine === edit.line || edited.groups.some((group) => edit.line >= group.source.startLine && edit.line <= group.source.endLine) || edited.categories.some((category) => category.source.startLine === edit.line)).toBe(true);
          else expect(edited.summary.some((row) => (edit.line >= row.source.startLine && edit.line <= row.source.endLine)) || edited.header.fieldSources?.['Progress']?.startLine === edit.line || edited.groups.some((group) => edit.line >= group.source.startLine && edit.line <= group.source.endLine)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
  });
});

const OTHER: Record<string, Array<'done' | 'in-progress' | 'not-started'>> = { done: ['not-started', 'in-progress'], 'in-progress': ['done', 'not-started'], 'not-started': ['done', 'in-progress'] };

describe.each(fixtureDocs().filter((doc) => !['seed-mojibake.md', 'variant-progressed-cp1252-crlf-bom.md'].includes(doc.name)))('sync restores statuses written in the doc\'s own vocabulary: $name', ({ name, bytes }) => {
  const doc = parseTrackingDoc(bytes, name);
  const original = declaredOf(doc);
  const reparse = (text: string) => parseTrackingDoc(text, name);
  // Check columns cannot write "in progress" (which check is open?): such a row is not edited, as it could not be restored.
  const settled = doc.items.filter((item) => SETTLED.has(original.get(item.id) ?? '') && !(item.reading?.statusFrom === 'check-columns' && original.get(item.id) === 'in-progress')).map((item) => item.id);

  it('restores exactly the edited items', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...settled), { minLength: 1, maxLength: Math.min(4, settled.length) }), fc.nat(), (picked, salt) => {
        const wanted = new Map(original as Map<string, string>);
        picked.forEach((id, index) => {
          const choices = OTHER[original.get(id) ?? 'done'] ?? [];
          wanted.set(id, choices[(salt + index) % choices.length] ?? 'done');
        });
        const edit = planSync(doc, { verified: wanted as never, progress: [], demote: true }, reparse);
        fc.pre(edit.changes.length > 0);
        cases++;
        const mutated = applyToText(doc.text, edit.edits);
        const edited = reparse(mutated);
        const editedStatus = declaredOf(edited);
        // The edit reads back as the statuses it wrote (the doc stage is the judge, not sync).
        for (const change of edit.changes) expect([change.itemId, editedStatus.get(change.itemId)]).toEqual([change.itemId, change.to]);
        const plan = planSync(edited, { verified: original, progress: [], demote: true }, reparse);
        expect(declaredOf(reparse(applyToText(mutated, plan.edits)))).toEqual(original);
        expect(new Set(plan.changes.map((change) => change.itemId))).toEqual(new Set(edit.changes.map((change) => change.itemId)));
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: 20261204 },
    );
    expect(cases).toBeGreaterThan(0);
  });
});
