/** The ratchet's pure decision and the baseline formats it reads. */
import { describe, expect, it } from 'vitest';
import { baselineFromJson, baselineFromSnapshot, compareToBaseline, formatCheckResult, hasRegressions, type Baseline } from '../../src/lib/cli/check/index.js';
import { colorsFor } from '../../src/lib/cli/io.js';
import { item, match, metric, snapshot } from './fixtures.js';

const plain = colorsFor({ write: () => true, isTTY: false }, {});
const A1 = match('src/a.py', 3, '    client = bigquery.Client()');
const B1 = match('src/b.py', 7, 'bq = bigquery.Client(project)');

const before = snapshot({ metrics: [metric('bq', 1, [A1])], items: [item('file-1', 'src/a.py', 'in-progress', 'in-progress', [A1]), item('file-2', 'src/b.py', 'done', 'done')] });

describe('compareToBaseline', () => {
  it('flags a re-introduced call with the file and line that brought it back', () => {
    const now = snapshot({ metrics: [metric('bq', 2, [A1, B1])], items: [item('file-1', 'src/a.py', 'in-progress', 'in-progress', [A1]), item('file-2', 'src/b.py', 'done', 'in-progress', [B1])] });
    const result = compareToBaseline(now, baselineFromSnapshot(before));
    expect(hasRegressions(result)).toBe(true);
    expect(result.regressions.metrics).toEqual([
      { id: 'bq', label: 'bq calls', better: 'lower', before: 1, after: 2, files: [{ path: 'src/b.py', before: 0, after: 1, lines: [B1] }] },
    ]);
    expect(result.regressions.items).toMatchObject([{ id: 'file-2', field: 'detected', before: 'done', after: 'in-progress', lines: [B1] }]);
    expect(formatCheckResult(result, { ...baselineFromSnapshot(before), source: 'baseline.json' }, plain)).toMatchInlineSnapshot(`
      "Compared with baseline.json, 2026-02-08T12:00:00.000Z, commit a1b2c3d

      ✖ 2 regression(s):
        ▲ bq (bq calls) rose 1 → 2 (lower is better)
          src/b.py 0 → 1
            src/b.py:7  bq = bigquery.Client(project)
        ▼ b.py (src/b.py): detected done → in-progress, doc line 40
            src/b.py:7  bq = bigquery.Client(project)

      Check failed: fix the regressions above, or run with --update if they are intended.
      "
    `);
  });

  it('reports improvements and passes when calls are removed and items finish', () => {
    const now = snapshot({ metrics: [metric('bq', 0)], items: [item('file-1', 'src/a.py', 'done', 'done'), item('file-2', 'src/b.py', 'done', 'done')] });
    const result = compareToBaseline(now, baselineFromSnapshot(before));
    expect(hasRegressions(result)).toBe(false);
    expect(result.improvements.metrics).toMatchObject([{ id: 'bq', before: 1, after: 0 }]);
    expect(result.improvements.items.map((i) => `${i.id}.${i.field}`)).toEqual(['file-1.declared', 'file-1.detected']);
    expect(formatCheckResult(result, baselineFromSnapshot(before, 'history.json'), plain)).toContain('✔ 3 improvement(s):\n  ▼ bq (bq calls) fell 1 → 0 (lower is better)');
  });

  it('treats a fall of a higher-is-better metric as a regression', () => {
    const base = snapshot({ metrics: [metric('pooled', 5, [], { better: 'higher' })] });
    const now = snapshot({ metrics: [metric('pooled', 4, [], { better: 'higher' })] });
    expect(compareToBaseline(now, baselineFromSnapshot(base)).regressions.metrics).toMatchObject([{ id: 'pooled', before: 5, after: 4 }]);
  });

  it('a declared-done item going back fails even when the code did not change', () => {
    const now = snapshot({ metrics: [metric('bq', 1, [A1])], items: [item('file-1', 'src/a.py', 'in-progress', 'in-progress', [A1]), item('file-2', 'src/b.py', 'not-started', 'done')] });
    expect(compareToBaseline(now, baselineFromSnapshot(before)).regressions.items).toMatchObject([{ id: 'file-2', field: 'declared', before: 'done', after: 'not-started' }]);
  });

  it('notes what it cannot compare instead of failing on it', () => {
    const now = snapshot({ metrics: [metric('bq', null), metric('http', 4)], items: [] });
    const base: Baseline = { at: 'x', commit: null, metrics: { bq: 1, gone: 2 }, items: { 'file-9': { declared: 'done', detected: null } }, source: 's' };
    const result = compareToBaseline(now, base);
    expect(hasRegressions(result)).toBe(false);
    expect(result.notes).toEqual([
      'metric bq could not be compared (not evaluated now: grep: invalid pattern)',
      'metric http is new (4); nothing to compare it with',
      'metric gone is in the baseline but no longer computed',
      'item file-9 is in the baseline but no longer in the doc',
    ]);
  });

  it('shows every current match as evidence when the baseline has no per-file counts', () => {
    const now = snapshot({ metrics: [metric('bq', 2, [A1, B1])] });
    const [change] = compareToBaseline(now, { at: 'x', commit: null, metrics: { bq: 1 }, items: {}, source: 'h' }).regressions.metrics;
    expect(change?.files.map((f) => [f.path, f.before, f.after])).toEqual([['src/a.py', null, 1], ['src/b.py', null, 1]]);
  });
});

describe('baselineFromJson', () => {
  const record = (at: string, bq: number) => ({
    at, commit: null, docCommit: null, source: 'run', metrics: { bq }, categories: {}, items: { 'file-1': { declared: 'done', detected: null } }, declaredDone: 1, verifiedDone: 0, slots: 1,
  });

  it('takes the last record of a history file', () => {
    const history = { schemaVersion: 1, repo: { id: 'abc' }, records: [record('2026-02-01T00:00:00Z', 3), record('2026-02-02T00:00:00Z', 2)] };
    expect(baselineFromJson(history, '/x/history.json')).toEqual({
      at: '2026-02-02T00:00:00Z', commit: null, metrics: { bq: 2 }, items: { 'file-1': { declared: 'done', detected: null } }, source: 'history.json (last of 2 records)',
    });
    expect(baselineFromJson({ ...history, records: [] }, 'h.json')).toBeNull();
  });

  it('takes the whole last record of a version 2 history, whose records store only what changed', () => {
    const first = { ...record('2026-02-01T00:00:00Z', 3), items: { 'file-1': { declared: 'done', detected: null }, 'file-2': { declared: 'not-started', detected: 'partial' } } };
    const history = { schemaVersion: 2, repo: { id: 'abc' }, records: [first, { ...record('2026-02-02T00:00:00Z', 2), items: { 'file-2': { declared: 'done', detected: 'done' } } }] };
    expect(baselineFromJson(history, '/x/history.json')?.items).toEqual({ 'file-1': { declared: 'done', detected: null }, 'file-2': { declared: 'done', detected: 'done' } });
    expect(() => baselineFromJson({ ...history, schemaVersion: 3 }, '/x/history.json')).toThrow(/schemaVersion 3, newer than this migratrack understands/);
  });

  it('reads a snapshot and a single record, refuses newer and foreign files', () => {
    expect(baselineFromJson(JSON.parse(JSON.stringify(before)) as unknown, 'snap.json')?.metrics).toEqual({ bq: 1 });
    expect(baselineFromJson(record('2026-02-02T00:00:00Z', 2), 'r.json')?.metrics).toEqual({ bq: 2 });
    expect(() => baselineFromJson({ format: 'migratrack-baseline', version: 9, ...record('x', 1) }, 'b.json')).toThrow('b.json is a baseline of version 9');
    expect(() => baselineFromJson({ ...before, schemaVersion: 7 }, 's.json')).toThrow('s.json is a snapshot this version cannot read (schemaVersion 7; expected 1)');
    expect(() => baselineFromJson({ hello: 'world' }, 'package.json')).toThrow(/package\.json is not a baseline \(expected a snapshot, a history file/);
  });
});
