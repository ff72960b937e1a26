/** Each planted drift case is checked with plain git, independent of the generator's own state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_PATH, git, type DemoDrift, type DemoRepoInfo } from '../../src/lib/demo/index.js';
import { countDeclaredDone, docSection, freshDemo, removeTempDirs, grepR, show } from './fixture.js';

let info: DemoRepoInfo;
let headDoc: string;

const drift = (kind: DemoDrift['kind'], item?: number): DemoDrift => {
  const found = info.drift.find((d) => d.kind === kind && (item === undefined || d.itemNumber === item));
  if (!found) throw new Error(`no ${kind} case`);
  return found;
};
const fileAt = async (rev: string, path: string) => (await show(info.root, rev, path)) ?? '';
const docAt = async (rev: string) => fileAt(rev, DOC_PATH);

beforeAll(async () => {
  info = await freshDemo();
  headDoc = await docAt('HEAD');
});

afterAll(removeTempDirs);

describe('planted drift holds in git', () => {
  it('lists every kind at least once', () => {
    const kinds = new Set(info.drift.map((d) => d.kind));
    for (const kind of [
      'declared-before-code',
      'declared-not-in-code',
      'code-not-declared',
      'regression',
      'renamed',
      'deleted',
      'summary-stale',
      'scope-growth',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('File 9: Complete in the doc days before the code lands', async () => {
    const d = drift('declared-before-code', 9);
    expect(d.resolvedBy).not.toBeNull();
    expect(d.until! > d.since).toBe(true);
    expect(docSection(await docAt(d.commit), 9)).toContain('- **Status:** ✅ Complete');
    expect(await fileAt(d.commit, d.path)).not.toContain('SERIALIZATION_RETRY');
    expect(await fileAt(`${d.resolvedBy}^`, d.path)).not.toContain('SERIALIZATION_RETRY');
    expect(await fileAt(d.resolvedBy!, d.path)).toContain('@SERIALIZATION_RETRY');
  });

  it('File 19: Complete in the doc, never in the code', async () => {
    const d = drift('declared-not-in-code', 19);
    expect(docSection(headDoc, 19)).toContain('- **Status:** ✅ Complete');
    expect(await fileAt('HEAD', d.path)).not.toContain('SERIALIZATION_RETRY');
  });

  it('File 13: migrated in code, Not Started in the doc', async () => {
    const d = drift('code-not-declared', 13);
    expect(await fileAt(`${d.commit}^`, d.path)).not.toContain('SERIALIZATION_RETRY');
    expect(await fileAt('HEAD', d.path)).toContain('@SERIALIZATION_RETRY');
    expect(docSection(headDoc, 13)).toContain('- **Status:** ⚪ Not Started');
  });

  it('regressions: the removed call is absent before the hotfix and back from it to HEAD', async () => {
    for (const d of info.drift.filter((x) => x.kind === 'regression')) {
      const needle = d.path.includes('cloud_functions') ? 'bigquery.Client(' : 'requests.get(';
      expect(await fileAt(`${d.commit}^`, d.path), d.path).not.toContain(needle);
      expect(await fileAt(d.commit, d.path)).toContain(String(d.details.line));
      expect(await fileAt('HEAD', d.path)).toContain(needle);
      if (d.details.removedBy) expect(await fileAt(`${d.details.removedBy}^`, d.path)).toContain(needle);
    }
  });

  it('File 7: renamed with identical content, the doc keeps the old path', async () => {
    const d = drift('renamed', 7);
    const status = await git(info.root, ['diff', '--name-status', '-M', `${d.commit}^`, d.commit]);
    expect(status.trim()).toBe(`R100\t${d.path}\t${d.details.newPath}`);
    expect(await show(info.root, 'HEAD', d.path)).toBeNull();
    expect(docSection(headDoc, 7)).toContain(`\`${d.path}\``);
  });

  it('File 21: deleted, still In Progress in the doc', async () => {
    const d = drift('deleted', 21);
    const status = await git(info.root, ['diff', '--name-status', `${d.commit}^`, d.commit]);
    expect(status.trim()).toBe(`D\t${d.path}`);
    expect(docSection(headDoc, 21)).toContain('- **Status:** ⚠️ In Progress');
  });

  it('the summary table at HEAD disagrees with the entries', () => {
    const d = drift('summary-stale');
    const total = /^\| \*\*TOTAL\*\* \| \*\*76\*\* \| \*\*(\d+)\*\*/m.exec(headDoc);
    expect(Number(total?.[1])).toBe(d.details.tableDone);
    expect(countDeclaredDone(headDoc)).toBe(d.details.entriesDone);
    expect(d.details.tableDone).not.toBe(d.details.entriesDone);
    expect(headDoc).toContain(`**Progress:** ${d.details.headerDone}/76 files`);
  });

  it('scope growth: a scraper the command finds and the doc never names', async () => {
    const d = drift('scope-growth');
    expect(await show(info.root, `${d.commit}^`, d.path)).toBeNull();
    const found = await grepR(info.root, 'requests\\.get\\|requests\\.post\\|requests\\.Session', [
      'scrapers/',
      'backfill_jobs/',
    ]);
    expect(found.some((l) => l.startsWith(`${d.path}:`))).toBe(true);
    expect(headDoc).not.toContain(d.path.split('/').pop()!);
  });
});

describe('declared progress per day matches the doc at that commit', () => {
  it('recounts each day from the doc text', async () => {
    for (const day of info.expected.days) {
      const doc = await docAt(day.commit);
      expect(countDeclaredDone(doc), day.date).toBe(day.declaredDone);
      const total = /^\| \*\*TOTAL\*\* \| \*\*76\*\* \| \*\*(\d+)\*\*/m.exec(doc);
      expect(Number(total?.[1]), day.date).toBe(day.summaryTotalDone);
    }
  });

  it('Week 1 is missed and met later; Week 2 is missed', () => {
    const [week1, week2] = info.expected.milestones;
    expect(week1).toMatchObject({ endDate: '2026-01-25', target: 26 });
    expect(week1!.declaredDoneAtEnd).toBeLessThan(26);
    expect(week1!.metOn! > '2026-01-25').toBe(true);
    expect(week2).toMatchObject({ endDate: '2026-02-01', target: 76, metOn: null });
    expect(week2!.declaredDoneAtEnd).toBeLessThan(76);
    expect(info.expected.days.at(-1)!.declaredDone).toBeLessThan(76);
  });
});

describe('code status per slot at HEAD matches the files', () => {
  /** What "migrated" means for a slot, judged from the file text alone. */
  function migrated(n: number, text: string): boolean {
    if (n <= 2)
      return !text.includes('_is_serialization_conflict') && text.includes('from shared.utils.bigquery_retry import');
    if (n === 3) return !text.includes('MAX_RETRIES') && text.includes('@SERIALIZATION_RETRY');
    if (n <= 25) return text.includes('@SERIALIZATION_RETRY');
    if (n <= 56) return !text.includes('bigquery.Client(') && text.includes('get_bigquery_client(');
    return !/requests\.(get|post|Session)\(/.test(text);
  }

  it('agrees with git for all 76 slots', async () => {
    const codes = info.expected.headCode;
    expect(Object.keys(codes)).toHaveLength(76);
    for (let n = 1; n <= 76; n++) {
      const path = info.expected.slotPaths[n]!;
      const text = await show(info.root, 'HEAD', path);
      const expected = codes[n];
      if (expected === 'n/a') continue;
      if (text === null) expect(expected, `slot ${n} ${path}`).toBe('missing');
      else expect(expected, `slot ${n} ${path}`).toBe(migrated(n, text) ? 'done' : 'not-done');
    }
    expect(codes[13]).toBe('done');
    expect(codes[19]).toBe('not-done');
    expect(codes[7]).toBe('missing');
    expect(codes[21]).toBe('missing');
    expect(codes[39]).toBe('not-done');
    expect(codes[61]).toBe('not-done');
  });
});
