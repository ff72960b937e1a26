import { describe, expect, it } from 'vitest';
import type { ItemGroup, TrackedItem } from '../../src/lib/doc/model.js';
import type { Drift } from '../../src/lib/snapshot/schema.js';
import { verifyDoc } from '../../src/lib/verify/index.js';
import { doc, item, memTree } from './helpers.js';

const done = { status: 'done' as const, raw: '✅ Complete', each: false };
const replace = ['Replace: `bigquery.Client()` → `get_bigquery_client()`'];
const OLD = 'c = bigquery.Client()\n';
const NEW = 'c = get_bigquery_client()\n';

function kinds(drift: Drift[]): string[] {
  return drift.map((d) => `${d.kind} ${d.severity} ${d.itemId ?? '-'} ${d.path ?? '-'} @${d.docLine ?? '-'}`);
}

describe('drift, one kind at a time', () => {
  it('declared done, code not migrated (error) or partly (warning), with the evidence', async () => {
    const a = item({ id: 'file-1', path: 'a.py', status: done, lines: replace });
    const b = item({ id: 'file-2', number: 2, path: 'b.py', status: done, lines: replace, source: { startLine: 20, endLine: 25 } });
    const r = await verifyDoc(doc([a, b]), memTree({ 'a.py': OLD, 'b.py': OLD + NEW }));
    expect(kinds(r.drift)).toEqual(['declared-done-not-in-code error file-1 a.py @10', 'declared-done-not-in-code warning file-2 b.py @20']);
    expect(r.drift[0]?.message).toBe('File 1 (`a.py`) is declared "✅ Complete" but the code is not migrated');
    expect(r.drift[0]?.evidence).toBe('`bigquery.Client(` still on line 1; `get_bigquery_client(` not found');
  });

  it('done in code, doc says Not Started', async () => {
    const a = item({ path: 'a.py', lines: replace });
    const r = await verifyDoc(doc([a]), memTree({ 'a.py': NEW }));
    expect(kinds(r.drift)).toEqual(['done-in-code-not-declared warning file-1 a.py @10']);
    expect(r.drift[0]?.message).toBe('File 1 (`a.py`) is migrated in the code but the doc says "⚪ Not Started"');
  });

  it('path missing, with the rename git saw', async () => {
    const a = item({ path: 'old.py', status: done, lines: replace });
    const plain = await verifyDoc(doc([a]), memTree({}));
    expect(kinds(plain.drift)).toEqual(['path-missing error file-1 old.py @10']);
    const renamed = await verifyDoc(doc([a]), memTree({ 'new.py': NEW }), { renames: new Map([['old.py', 'new.py']]) });
    expect(kinds(renamed.drift)).toEqual(['path-missing warning file-1 old.py @10']);
    expect(renamed.drift[0]?.message).toBe('File 1 (`old.py`) was renamed to `new.py`; the doc still names the old path');
    expect(renamed.items[0]?.renamedTo).toBe('new.py');
  });

  it('summary table row and header disagree with the entries', async () => {
    const a = item({ path: 'a.py', status: done, lines: replace });
    const b = item({ id: 'file-2', number: 2, path: 'b.py', lines: replace });
    const row = { label: 'Task c1', categoryId: 'c1', isTotal: false, total: 2, completed: 0, remaining: 2, inProgress: null, notStarted: null, percent: 0, source: { startLine: 5, endLine: 5 } };
    const d = doc([a, b], {
      summary: [row, { ...row, label: 'TOTAL', categoryId: null, isTotal: true, completed: 1, remaining: 1, percent: 50, source: { startLine: 6, endLine: 6 } }],
      header: { title: 'T', project: null, startDate: null, status: null, progress: { done: 0, total: 2, percent: 0 }, fields: {}, lastUpdated: null },
      text: '# T\n\n**Progress:** 0/2 files\n',
    });
    const r = await verifyDoc(d, memTree({ 'a.py': NEW, 'b.py': OLD }));
    expect(kinds(r.drift)).toEqual(['summary-disagrees warning - - @5', 'summary-disagrees warning - - @3']);
    expect(r.drift[0]?.evidence).toBe('completed: table says 0, entries give 1; remaining: table says 2, entries give 1; % complete: table says 0, entries give 50');
    expect(r.drift[1]?.message).toBe('The header says 0/2 files; the entries give 1/2');
  });

  it('a line range that no longer contains the definition it names', async () => {
    const span = { kind: 'remove' as const, start: 2, end: 4, label: '`_dup` function', codeSpans: ['_dup'], source: { startLine: 29, endLine: 29 } };
    const a = item({ path: 'a.py', lineSpans: [span] });
    const moved = await verifyDoc(doc([a]), memTree({ 'a.py': 'import x\n\n\n\n\ndef _dup(e):\n    pass\n' }));
    expect(kinds(moved.drift)).toEqual(['line-range-stale warning file-1 a.py @29']);
    expect(moved.drift[0]?.message).toBe('Lines 2-4 of `a.py` no longer contain `def _dup`');
    expect(moved.drift[0]?.evidence).toBe('`def _dup` is on line 6');
    const inPlace = await verifyDoc(doc([a]), memTree({ 'a.py': 'import x\ndef _dup(e):\n    pass\n' }));
    expect(inPlace.drift).toEqual([]);
    const gone = await verifyDoc(doc([a]), memTree({ 'a.py': 'import x\n' }));
    expect(kinds(gone.drift)).toEqual(['done-in-code-not-declared warning file-1 a.py @10']);
  });

  it('scope growth: the group glob covers more files than its slots; unlisted members fill open slots', async () => {
    const group: ItemGroup = {
      id: 'g', categoryId: 'c1', title: 'All main.py files', first: 1, last: 2, globs: ['fn/*/main.py'], listedPaths: ['fn/b/main.py'],
      vagueLines: [], commandIds: [], status: { status: 'not-started', raw: '⚪ Not Started (each)', each: true }, source: { startLine: 40, endLine: 50 },
    };
    const slot = (n: number, path: string | null): TrackedItem => item({ id: `file-${n}`, number: n, path, groupId: 'g', lines: replace });
    const r = await verifyDoc(doc([slot(1, 'fn/b/main.py'), slot(2, null)], { groups: [group] }), memTree({
      'fn/a/main.py': OLD, 'fn/b/main.py': OLD, 'fn/c/main.py': OLD, 'fn/c/util.py': OLD,
    }));
    expect(r.items.map((e) => e.path)).toEqual(['fn/b/main.py', 'fn/a/main.py']);
    expect(kinds(r.drift)).toEqual(['scope-growth warning - fn/c/main.py @40']);
    expect(r.drift[0]?.evidence).toBe('`fn/*/main.py` now covers more files than its 2 slots');
  });

  it('a group command\'s files count as members too; a slot nothing fills stays unknown', async () => {
    const group: ItemGroup = {
      id: 'g', categoryId: 'c1', title: 'Processors', first: 1, last: 2, globs: [], listedPaths: [], vagueLines: [], commandIds: ['cmd-1'],
      status: { status: 'not-started', raw: '⚪ Not Started (each)', each: true }, source: { startLine: 40, endLine: 50 },
    };
    const slots = [1, 2].map((n) => item({ id: `file-${n}`, number: n, path: null, groupId: 'g', lines: replace }));
    const r = await verifyDoc(doc(slots, { groups: [group] }), memTree({ 'p/x.py': OLD }), { commandFiles: new Map([['cmd-1', ['p/x.py']]]) });
    expect(r.items.map((e) => [e.path, e.detectedStatus])).toEqual([['p/x.py', 'not-started'], [null, 'unknown']]);
    expect(r.drift).toEqual([]);
  });

  it('heading counts that disagree with the entries listed under them', async () => {
    const a = item({ path: 'a.py', subgroup: 'Raw' });
    const d = doc([a]);
    const cat = d.categories[0]!;
    d.categories[0] = { ...cat, declaredCount: 3, subgroups: [{ title: 'Raw', declaredCount: 2, completeMarker: false, fields: [], source: { startLine: 8, endLine: 8 } }] };
    const r = await verifyDoc(d, memTree({ 'a.py': 'x\n' }));
    expect(kinds(r.drift)).toEqual(['declared-count-mismatch warning - - @1', 'declared-count-mismatch warning - - @8']);
    expect(r.drift.map((x) => x.message)).toEqual(['"Task c1" says 3 files but lists 1', '"Raw" says 2 files but lists 1']);
  });
});
