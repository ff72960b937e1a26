/**
 * Property (issue 19): random edits of status lines in fixture docs (an item's status text swapped
 * for another item's, from the same kind of place in the same doc), then sync against the statuses
 * the doc had before: sync restores exactly those statuses and changes no line but the edited
 * status lines and the summaries. Fixed seed for CI; FUZZ=1 runs many more cases.
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

describe.each(docs)('sync restores random status edits: $name', ({ name, bytes }) => {
  const doc = parseTrackingDoc(bytes, name);
  const original = declaredOf(doc);
  const spans = statusSpansOf(doc);
  const kindOf = (id: string) => doc.items.find((item) => item.id === id)?.reading?.statusFrom ?? 'seed';
  // Items whose status is written in a place of their own, with a settled status.
  const editable = doc.items.filter((item) => spans.get(item.id)?.text && SETTLED.has(original.get(item.id) ?? '')).map((item) => item.id);
  const donors = (id: string): StatusSpan[] => editable.filter((other) => kindOf(other) === kindOf(id) && original.get(other) !== original.get(id)).map((other) => spans.get(other) as StatusSpan);
  const targets = editable.filter((id) => donors(id).length > 0);

  it.skipIf(targets.length === 0)('restores the statuses and nothing else', () => {
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
          else expect(edited.summary.some((row) => row.source.startLine === edit.line) || edited.header.fieldSources?.['Progress']?.startLine === edit.line || edited.groups.some((group) => edit.line >= group.source.startLine && edit.line <= group.source.endLine)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
  });
});
