/** Shared helpers for the doc-parser tests: fixture loading and snapshot-friendly models. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TrackingDoc } from '../../src/lib/doc/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/docs/', import.meta.url));
export const CLEAN_SEED = fileURLToPath(new URL('../../examples/JITTER-ADOPTION-TRACKING.md', import.meta.url));

export function fixtureBytes(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}`);
}

/**
 * The model as pinned in a snapshot file: the doc text (already pinned by the fixture itself) is
 * replaced by its length so the snapshot shows what the parser *read*.
 */
export function snapshotOf(doc: TrackingDoc): string {
  return `${JSON.stringify({ ...doc, text: `<${doc.text.length} characters>` }, null, 2)}\n`;
}

/** The model without what legitimately differs between a clean doc and its mojibake'd copy. */
export function withoutEncoding(doc: TrackingDoc): Omit<TrackingDoc, 'encoding'> {
  const { encoding: _encoding, ...rest } = doc;
  return { ...rest, diagnostics: rest.diagnostics.filter((entry) => entry.code !== 'doc/mojibake-repaired') };
}

/** Diagnostic codes with their lines, compact enough for inline assertions. */
export function codes(doc: TrackingDoc): string[] {
  return doc.diagnostics.map((entry) => `${entry.code}@${entry.line ?? '-'}`);
}
