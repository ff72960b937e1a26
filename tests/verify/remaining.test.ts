/**
 * Per-category remaining call sites, checked against GNU grep on the same files (an independent
 * oracle): the union of failing "must be gone" checks' matches must be exactly the lines grep prints.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CategoryPattern, CheckSpec } from '../../src/lib/verify/index.js';
import { remainingCalls } from '../../src/lib/verify/categories.js';
import { verifyDoc } from '../../src/lib/verify/index.js';
import { fsTree } from '../../src/lib/scan/index.js';
import { doc, grep, item, writeTemp } from './helpers.js';

const FILES: Record<string, string> = {
  'dp/a.py': 'from google.cloud import bigquery\nc = bigquery.Client()\nd = bigquery.Client(project="x"); e = bigquery.Client()\n',
  'dp/b.py': 'import google\nc = google.cloud.bigquery.Client(p)\r\nx = 1\nbigquery.Client(  # no newline at end',
  'dp/c.py': 'c = get_bigquery_client()\n',
  'dp/d.py': '# bigquery.Client( in a comment still counts, as grep counts it\n',
  'sc/s1.py': 'r = requests.get(u)\ns = requests.Session()\nt = requests.post(u, json=d); requests.get(v)\n',
  'sc/s2.py': 'from shared.clients.http_pool import get\nr = get(u)\n',
  'sc/s3.py': 'r = requests.post(u)\n',
};
const root = writeTemp(FILES);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bre = (pattern: string) => ({ pattern, flavour: 'basic' as const, ignoreCase: false, wordRegexp: false, invert: false });
const patterns: CategoryPattern[] = [
  { categoryId: 'bq', label: 'Command to find', spec: bre('bigquery\\.Client('), docLine: 1, source: 'doc' },
  { categoryId: 'http', label: 'Command to find', spec: bre('requests\\.get\\|requests\\.post\\|requests\\.Session'), docLine: 2, source: 'doc' },
];

function itemsFor(category: string, paths: string[], lines: string[], first: number) {
  return paths.map((path, i) => item({ id: `file-${first + i}`, number: first + i, categoryId: category, path, lines }));
}

const bqPaths = ['dp/a.py', 'dp/b.py', 'dp/c.py', 'dp/d.py'];
const httpPaths = ['sc/s1.py', 'sc/s2.py', 'sc/s3.py'];
const items = [
  ...itemsFor('bq', bqPaths, ['Replace bigquery.Client() with get_bigquery_client()'], 1),
  // The same file tracked twice in a category must not count twice.
  item({ id: 'file-9', number: 9, categoryId: 'bq', path: 'dp/a.py', lines: ['Replace client instantiation with get_bigquery_client()'] }),
  ...itemsFor('http', httpPaths, ['Replace: `requests.get(url)` → `get(url)`', 'Replace: `requests.post(url, json=data)` → `post(url, json=data)`'], 20),
];

/** "path:line" of every line grep prints for `pattern` (BRE) in `paths`. */
function grepLines(pattern: string, paths: string[]): string[] {
  return grep(['-n', '-H', '--', pattern, ...paths], root).map((l) => l.split(':').slice(0, 2).join(':'));
}

describe('per-category remaining call sites equal grep', async () => {
  const result = await verifyDoc(doc(items), fsTree(root), { categoryPatterns: patterns, commandFiles: new Map() });
  const category = (id: string) => result.categories.find((c) => c.id === id)!;
  const remainingLines = (category: string) =>
    [...new Set(result.items.filter((e) => items.find((i) => i.id === e.itemId)?.categoryId === category).flatMap((e) => e.remaining.map((m) => `${m.path}:${m.line}`)))].sort();

  it('bigquery.Client( lines, calls and files', () => {
    const oracle = grepLines('bigquery\\.Client(', bqPaths);
    expect(remainingLines('bq')).toEqual([...oracle].sort());
    expect(category('bq').remaining.calls).toBe(oracle.length);
    expect(category('bq').remaining.files).toBe(grep(['-l', '--', 'bigquery\\.Client(', ...bqPaths], root).length);
    const counts = grep(['-c', '--', 'bigquery\\.Client(', ...bqPaths], root).map((l) => Number(l.split(':')[1]));
    expect(category('bq').remaining.calls).toBe(counts.reduce((a, b) => a + b, 0));
    expect(category('bq').remaining.what).toBe('`bigquery.Client(`');
  });

  it('requests lines: the union of the replace checks and the command\'s alternation, one per line', () => {
    const oracle = grepLines('requests\\.get\\|requests\\.post\\|requests\\.Session', httpPaths);
    expect(remainingLines('http')).toEqual([...oracle].sort());
    expect(category('http').remaining.calls).toBe(oracle.length);
    expect(category('http').remaining.files).toBe(grep(['-l', '--', 'requests\\.get\\|requests\\.post\\|requests\\.Session', ...httpPaths], root).length);
    // The command's alternation covers every remaining line, so it alone names them.
    expect(category('http').remaining.what).toBe('`requests\\.get\\|requests\\.post\\|requests\\.Session`');
    expect(category('http').remaining.byPattern?.map((p) => [p.label, p.calls])).toEqual([
      ['`requests\\.get\\|requests\\.post\\|requests\\.Session`', 4],
      ['`requests.get(`', 2],
      ['`requests.post(`', 2],
    ]);
  });

  it('match text and context come from the file, CR and all lines intact', () => {
    const b = result.items.find((e) => e.path === 'dp/b.py')!;
    expect(b.remaining.map((m) => [m.line, m.text])).toEqual([[2, 'c = google.cloud.bigquery.Client(p)'], [4, 'bigquery.Client(  # no newline at end']]);
    expect(b.remaining[1]?.before).toEqual(['c = google.cloud.bigquery.Client(p)', 'x = 1']);
  });

  it('statuses and verified counts', () => {
    expect(result.items.map((e) => `${e.path}:${e.detectedStatus}`)).toEqual([
      'dp/a.py:not-started', 'dp/b.py:not-started', 'dp/c.py:done', 'dp/d.py:not-started', 'dp/a.py:not-started',
      'sc/s1.py:not-started', 'sc/s2.py:done', 'sc/s3.py:not-started',
    ]);
    expect(category('bq').verified).toEqual({ done: 1, partial: 0, notStarted: 4, missing: 0, unknown: 0 });
  });
});

describe('remaining call sites tallied again from the same verdict objects', async () => {
  const result = await verifyDoc(doc(items), fsTree(root), { categoryPatterns: patterns, commandFiles: new Map() });
  const specs = new Map(result.items.map((e) => [e.itemId, e.checks.map((c) => ({ id: c.id, label: `\`${c.id}\`` }) as CheckSpec)]));
  const http = result.items.filter((e) => items.find((i) => i.id === e.itemId)?.categoryId === 'http');

  it('gives what copies of them give, call after call (a history walk tallies a category ~900 times)', () => {
    const fresh = () => remainingCalls(http.map((e) => structuredClone(e)), specs);
    expect(remainingCalls(http, specs)).toEqual(fresh());
    expect(remainingCalls(http, specs)).toEqual(fresh());
    expect(remainingCalls(http, specs).calls).toBe(4);
  });

  it('labels them from the specs of this call, not those of an earlier one', () => {
    const relabelled = new Map([...specs].map(([id, list]) => [id, list.map((s) => ({ ...s, label: `other ${s.label}` }))]));
    expect(remainingCalls(http, specs).byPattern.every((p) => !p.label.startsWith('other'))).toBe(true);
    const again = remainingCalls(http, relabelled);
    expect(again.byPattern.every((p) => p.label.startsWith('other'))).toBe(true);
    expect(again).toEqual(remainingCalls(http.map((e) => structuredClone(e)), relabelled));
  });
});
