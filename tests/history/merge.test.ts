import { describe, expect, it } from 'vitest';
import { appendRecords, emptyHistory } from '../../src/lib/history/index.js';
import { record, sha } from './records.js';

describe('appendRecords', () => {
  const base = emptyHistory(sha(1));

  it('merges backfill and runs into one series sorted by time', () => {
    const a = record('2026-01-21', 2);
    const b = record('2026-01-19', 0);
    const run = { ...record('2026-01-20', 1), source: 'run' as const, at: '2026-01-20T09:00:00-05:00' };
    const merged = appendRecords(appendRecords(base, [a]), [b, run]);
    expect(merged.records.map((r) => r.declaredDone)).toEqual([0, 1, 2]);
  });

  it('does not add a point when re-run on the same commit', () => {
    const first = { ...record('2026-01-20', 1), source: 'run' as const };
    const again = { ...first, at: '2026-01-21T08:00:00Z', declaredDone: 3 };
    const merged = appendRecords(appendRecords(base, [first]), [again]);
    // The later run's numbers, on the day the state first existed.
    expect(merged.records).toEqual([{ ...again, at: first.at }]);
    expect(appendRecords(merged, [again]).records).toHaveLength(1);
  });

  it('prefers a run over a backfill of the same commit, whatever the order', () => {
    const backfill = record('2026-01-20', 1);
    const run = { ...backfill, source: 'run' as const, at: '2026-01-22T10:00:00Z', declaredDone: 2 };
    for (const order of [[backfill, run], [run, backfill]]) {
      const merged = appendRecords(base, order);
      expect(merged.records).toEqual([{ ...run, at: backfill.at }]);
    }
  });

  it('keeps records without a commit (outside git) apart by time', () => {
    const a = { ...record('2026-01-20', 1), commit: null };
    const b = { ...record('2026-01-21', 2), commit: null };
    expect(appendRecords(appendRecords(base, [a]), [b, a]).records).toEqual([a, b]);
  });

  it('orders by instant across offsets, keeping the order given for records at the same instant', () => {
    // Same instant written three ways, and text order that is not time order.
    const ats = ['2026-01-20T10:00:00+02:00', '2026-01-20T08:00:00Z', '2026-01-20T03:00:00-05:00', '2026-01-20T07:59:59Z', '2026-01-19T23:00:00-12:00', '2026-01-20T09:00:00+01:00'];
    const records = ats.map((at, i) => ({ ...record('2026-01-20', i), commit: sha(100 + i), at }));
    const merged = appendRecords(base, records).records;
    expect(merged.map((r) => r.declaredDone)).toEqual([3, 0, 1, 2, 5, 4]);
    expect(merged).toEqual([...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)));
  });
});
