/**
 * A mojibake'd doc stays mojibake'd where sync writes into it (the new status mangled the way the
 * rest of the doc is), unless --repair-encoding asks for the whole doc as clean UTF-8 (issue 19).
 */
import { describe, expect, it } from 'vitest';
import { toMojibake } from '../../src/lib/doc/index.js';
import { applyToText } from '../../src/lib/sync/index.js';
import { fixtureDocs, flipped, rawLines, syncBytes } from './helpers.js';

const docs = fixtureDocs().filter((doc) => ['seed-mojibake.md', 'variant-progressed-cp1252-crlf-bom.md'].includes(doc.name));

describe.each(docs)('sync of a mojibake\'d doc: $name', ({ name, bytes }) => {
  const verified = flipped(syncBytes(name, bytes, new Map()).doc);

  it('writes each new status mangled as the doc is', () => {
    const run = syncBytes(name, bytes, verified);
    const charset = run.doc.encoding.repairedFrom;
    expect(charset).not.toBeNull();
    const lines = rawLines(run.after).map((line) => Buffer.from(line, 'latin1').toString('utf8'));
    const nonAscii = run.plan.changes.filter((change) => /[^\x00-\x7F]/.test(change.text));
    expect(nonAscii.length).toBeGreaterThan(0);
    for (const change of nonAscii) {
      const line = lines[change.line - 1] ?? '';
      expect(line).toContain(toMojibake(change.text, charset ?? 'mac-roman'));
      expect(line).not.toContain(change.text);
    }
  });

  it('with --repair-encoding writes the whole doc as clean UTF-8, line ends and BOM kept', () => {
    const run = syncBytes(name, bytes, verified, { repairEncoding: true });
    expect(run.reread.encoding).toEqual({ ...run.doc.encoding, repairedFrom: null });
    const expected = (run.doc.encoding.bom ? '\uFEFF' : '') + applyToText(run.doc.text, run.plan.edits).replace(/\n/g, run.doc.encoding.crlf ? '\r\n' : '\n');
    expect(run.after.toString('utf8')).toBe(expected);
    expect(run.reread.diagnostics.some((d) => d.code === 'doc/mojibake-repaired')).toBe(false);
  });
});
