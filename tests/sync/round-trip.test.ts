/**
 * Issue 19's round trips on every doc style fixture and the seed (clean, mojibake'd, CRLF + BOM +
 * Windows-1252): parse → sync → parse gives the verified statuses as declared, a second sync
 * changes nothing, and no line other than a rewritten status or a summary changes.
 */
import { describe, expect, it } from 'vitest';
import { changedLines, declaredOf, fixtureDocs, flipped, syncBytes } from './helpers.js';

describe.each(fixtureDocs())('sync round trip: $name', ({ name, bytes }) => {
  const run = syncBytes(name, bytes, flipped(syncBytes(name, bytes, new Map()).doc));

  it('reads the verified status back for every item it rewrote, and nothing else moved', () => {
    const before = declaredOf(run.doc);
    const after = declaredOf(run.reread);
    const changed = new Map(run.plan.changes.map((change) => [change.itemId, change.to]));
    expect(run.reread.items.map((item) => item.id)).toEqual(run.doc.items.map((item) => item.id));
    for (const [id, status] of before) expect([id, after.get(id)]).toEqual([id, changed.get(id) ?? status]);
    // Every item the code disagrees with is either rewritten or listed with the reason.
    const flips = flipped(run.doc);
    const disagree = run.doc.items.filter((item) => flips.get(item.id) !== 'unknown').map((item) => item.id);
    expect(new Set([...changed.keys(), ...run.plan.leftAlone.map((left) => left.itemId)])).toEqual(new Set(disagree));
    // Only the shapes sync cannot write in (a status section's lines, check columns) are left alone.
    const unwritable = /status is not written where|no way to write/;
    expect(run.plan.leftAlone.filter((left) => !unwritable.test(left.why)).map((left) => `${left.line}: ${left.why}`)).toEqual(name === '09-legend-overrides.md' ? ['11: "[ ]" would not read back as not-started there'] : []);
    expect(changed.size).toBeGreaterThan(['07-check-columns.md', '08-status-sections.md'].includes(name) ? -1 : 0);
  });

  it('touches only the status lines it rewrote and the summary lines', () => {
    const allowed = new Set(run.plan.edits.map((edit) => edit.line));
    const statusLines = new Set(run.plan.edits.filter((edit) => edit.kind === 'status').map((edit) => edit.line));
    expect(new Set(run.plan.changes.map((change) => change.line))).toEqual(statusLines);
    for (const line of changedLines(bytes, run.after)) expect(allowed.has(line), `line ${line} changed`).toBe(true);
    for (const edit of run.plan.edits.filter((candidate) => candidate.kind === 'summary')) {
      expect(run.doc.summary.some((row) => row.source.startLine === edit.line) || run.doc.header.fieldSources?.['Progress']?.startLine === edit.line || run.doc.groups.some((group) => edit.line >= group.source.startLine && edit.line <= group.source.endLine)).toBe(true);
    }
  });

  it('is a no-op the second time', () => {
    const again = syncBytes(name, run.after, flipped(run.doc));
    expect(again.plan.edits).toEqual([]);
    expect(again.after.equals(run.after)).toBe(true);
  });

  it('keeps the encoding, the BOM and the line ends', () => {
    expect(run.reread.encoding).toEqual(run.doc.encoding);
    expect(run.after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    const ends = (buffer: Buffer) => buffer.toString('latin1').match(/\r\n|\r|\n/g) ?? [];
    expect(ends(run.after)).toEqual(ends(bytes));
  });
});

describe('declared summaries after a sync', () => {
  it.each(fixtureDocs().filter((doc) => ['demo-group-lists.md', 'JITTER-ADOPTION-TRACKING.md', 'variant-progressed.md'].includes(doc.name)))('agree with the entries: $name', ({ name, bytes }) => {
    const run = syncBytes(name, bytes, flipped(syncBytes(name, bytes, new Map()).doc));
    const after = declaredOf(run.reread);
    const counted = (ids: string[]) => ({ done: ids.filter((id) => after.get(id) === 'done').length, total: ids.filter((id) => after.get(id) !== 'skipped').length });
    const all = counted(run.reread.items.map((item) => item.id));
    expect(run.reread.header.progress && { done: run.reread.header.progress.done, total: run.reread.header.progress.total }).toEqual(all);
    for (const row of run.reread.summary) {
      const ids = run.reread.items.filter((item) => row.isTotal || item.categoryId === row.categoryId).map((item) => item.id);
      if (row.completed !== null && (row.isTotal || row.categoryId !== null)) expect([row.label, row.completed]).toEqual([row.label, counted(ids).done]);
    }
    for (const group of run.reread.groups) {
      const claim = /(\d+)\/(\d+) complete/.exec(group.status.raw);
      if (claim) expect([Number(claim[1]), Number(claim[2])]).toEqual(Object.values(counted(run.reread.items.filter((item) => item.groupId === group.id).map((item) => item.id))));
    }
  });
});
