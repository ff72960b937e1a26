/**
 * The snapshot's one validation (snapshot/checked.ts): what `scan --format json` prints and the
 * snapshot file holds. The stages build the snapshot unvalidated, so this is where a stage's bug
 * is caught, and where the JSON's key order comes from.
 */
import { describe, expect, it } from 'vitest';
import { checkedSnapshot, snapshotText } from '../../src/lib/snapshot/checked.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { makeSnapshot } from '../site/fixtures/snapshot.js';

describe('snapshotText', () => {
  it('prints the keys in the schema order whatever order a stage built them in', () => {
    const snapshot = makeSnapshot();
    const drift = snapshot.drift[0] as Snapshot['drift'][number];
    // verify's drift objects start with the item; the schema starts with the kind.
    const reordered = { itemId: drift.itemId, path: drift.path, docLine: drift.docLine, evidence: drift.evidence, message: drift.message, severity: drift.severity, kind: drift.kind };
    const text = snapshotText({ ...snapshot, drift: [reordered, ...snapshot.drift.slice(1)] });
    expect(text).toBe(snapshotText(snapshot));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"kind"', text.indexOf('"drift"'))).toBeLessThan(text.indexOf('"itemId"', text.indexOf('"drift"')));
  });

  it('refuses a snapshot that fails its schema, naming the field', () => {
    const snapshot = makeSnapshot();
    const broken = { ...snapshot, totals: { ...snapshot.totals, slots: 1.5 } };
    expect(() => snapshotText(broken)).toThrow(/^Snapshot failed its schema at totals\.slots: expected an integer, received 1\.5$/);
  });

  it('returns the schema copy, equal to what it was given when nothing is stripped', () => {
    const snapshot = makeSnapshot();
    const checked = checkedSnapshot(snapshot);
    expect(checked).not.toBe(snapshot);
    expect(checked).toStrictEqual(snapshot);
  });
});
