import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { callHead, deriveChecks, literalOf } from '../../src/lib/verify/index.js';
import type { CategoryPattern, CheckSpec, DeriveContext } from '../../src/lib/verify/index.js';
import { doc, item } from './helpers.js';

const seed = parseTrackingDoc(readFileSync('examples/JITTER-ADOPTION-TRACKING.md'), 'JITTER-ADOPTION-TRACKING.md');
const bre = (pattern: string) => ({ pattern, flavour: 'basic' as const, ignoreCase: false, wordRegexp: false, invert: false });
const pattern = (categoryId: string, p: string): CategoryPattern => ({ categoryId, label: 'Command to find', spec: bre(p), docLine: 1, source: 'doc' });
const noCtx: DeriveContext = { categoryPatterns: new Map(), overrides: [] };

/** "kind label" per check: compact and readable in assertions. */
function summary(checks: CheckSpec[]): string[] {
  return checks.map((c) => `${c.kind} ${c.label}`);
}
function seedChecks(id: string, ctx: DeriveContext = noCtx): CheckSpec[] {
  const it = seed.items.find((i) => i.id === id);
  if (!it) throw new Error(id);
  return deriveChecks(it, seed, ctx);
}

describe('deriveChecks on the seed doc', () => {
  it('File 1: Import to Add and Lines to Remove', () => {
    const checks = seedChecks('file-1');
    expect(summary(checks)).toEqual([
      'import-present `from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY`',
      'definition-removed `def _is_serialization_conflict`',
    ]);
    expect(checks[1]?.docLine).toBe(29);
  });

  it('File 3: constants removed (checklist and Lines to Modify agree: one check each), functions created', () => {
    expect(summary(seedChecks('file-3'))).toEqual([
      'import-present `from shared.utils.bigquery_retry import SERIALIZATION_RETRY, QUOTA_RETRY`',
      'definition-removed `MAX_RETRIES =`',
      'definition-removed `RETRY_DELAY_SECONDS =`',
      'text-present `def _load_to_temp_table_with_retry`',
      'text-present `def _merge_to_target_with_retry`',
      'text-present `@SERIALIZATION_RETRY`',
      'text-present `@QUOTA_RETRY`',
    ]);
  });

  it('File 27: Replace X → Y pairs; an import replace is checked as imports, a call by its head', () => {
    const checks = seedChecks('file-27', { categoryPatterns: new Map([['3.3', [pattern('3.3', 'bigquery\\.Client(')]]]), overrides: [] });
    expect(summary(checks)).toEqual([
      'import-removed `from google.cloud import bigquery`',
      'import-present `from shared.clients.bigquery_pool import get_bigquery_client`',
      'text-absent `bigquery.Client(`',
      'text-present `get_bigquery_client(`',
    ]);
    // The category's `bigquery\.Client(` is the replace's own X: not checked twice.
    expect(checks.filter((c) => c.kind === 'metric-zero')).toEqual([]);
    expect(checks[2]?.pairId).toBe(checks[3]?.pairId);
  });

  it('Files 28 and 30: "Replace … with get_bigquery_client()" in prose', () => {
    const ctx = { categoryPatterns: new Map([['3.3', [pattern('3.3', 'bigquery\\.Client(')]]]), overrides: [] };
    expect(summary(seedChecks('file-28', ctx))).toEqual(['text-present `get_bigquery_client(`', 'metric-zero `bigquery.Client(`']);
    expect(summary(seedChecks('file-30', ctx))).toEqual(['text-absent `bigquery.Client(`', 'text-present `get_bigquery_client(`']);
  });

  it('Files 40-56: only the category command\'s pattern', () => {
    const ctx = { categoryPatterns: new Map([['3.3', [pattern('3.3', 'bigquery\\.Client(')]]]), overrides: [] };
    expect(summary(seedChecks('file-41', ctx))).toEqual(['metric-zero `bigquery.Client(`']);
  });

  it('Files 58-76: import with an "(or …)" alternative, call heads of per-file replaces', () => {
    const checks = seedChecks('file-60');
    expect(summary(checks)).toEqual([
      'import-present `from shared.clients.http_pool import get, post`',
      'text-absent `requests.get(`',
      'text-present `get(`',
      'text-absent `requests.post(`',
      'text-present `post(`',
    ]);
    const imp = checks[0]?.test;
    expect(imp?.type === 'import' && imp.alternatives).toEqual([['get', 'post'], ['get_http_session']]);
    expect(imp?.type === 'import' && imp.anyName).toBe(true);
  });

  it('File 57: `requests.post()` → `get_http_session().post()`', () => {
    expect(summary(seedChecks('file-57'))).toEqual([
      'import-present `from shared.clients.http_pool import get_http_session`',
      'text-absent `requests.post(`',
      'text-present `get_http_session(`',
    ]);
  });

  it('decorators: named ones must be applied; "appropriate retry decorators" means one the category names', () => {
    expect(summary(seedChecks('file-5'))).toEqual(['text-present `@QUOTA_RETRY`', 'text-present `@SERIALIZATION_RETRY`']);
    expect(summary(seedChecks('file-7'))).toEqual(['text-present `@SERIALIZATION_RETRY`']);
    expect(summary(seedChecks('file-19'))).toEqual(['text-present `@QUOTA_RETRY` or `@SERIALIZATION_RETRY`']);
  });

  it('lines without code evidence give no check', () => {
    for (const id of ['file-15', 'file-26']) expect(seedChecks(id)).toEqual([]);
  });
});

describe('deriveChecks on hand-made items', () => {
  it('arrows: →, ->, and repaired mojibake arrows all read the same', () => {
    for (const arrow of ['→', '->', '=>']) {
      const it = item({ lines: [`Replace: \`old_call(x)\` ${arrow} \`new_call(x)\``] });
      expect(summary(deriveChecks(it, doc([it]), noCtx))).toEqual(['text-absent `old_call(`', 'text-present `new_call(`']);
    }
  });

  it('"Test:" lines with code are commands to run, not checks', () => {
    const it = item({ lines: ['Test: `python3 -c "import x"`'] });
    expect(deriveChecks(it, doc([it]), noCtx)).toEqual([]);
  });

  it('overrides add checks, or replace the derived ones', () => {
    const it = item({ id: 'file-9', number: 9, lines: ['Replace: `a.b()` → `c()`'] });
    const add = deriveChecks(it, doc([it]), { categoryPatterns: new Map(), overrides: [{ item: 9, kind: 'text-absent', text: 'legacy(' }] });
    expect(summary(add)).toEqual(['text-absent `a.b(`', 'text-present `c(`', 'text-absent `legacy(`']);
    expect(add[2]?.source).toBe('config');
    const replace = deriveChecks(it, doc([it]), {
      categoryPatterns: new Map(),
      overrides: [{ category: 'c1', kind: 'import-present', text: 'from m import n', mode: 'replace' }],
    });
    expect(summary(replace)).toEqual(['import-present `from m import n`']);
    const other = deriveChecks(it, doc([it]), { categoryPatterns: new Map(), overrides: [{ item: 'file-8', kind: 'text-absent', text: 'x' }] });
    expect(other).toHaveLength(2);
  });
});

describe('the call-head rule', () => {
  it.each([
    ['requests.get(url)', 'requests.get('],
    ['self.bq_client = bigquery.Client(project=project_id)', 'bigquery.Client('],
    ['get_http_session().post()', 'get_http_session('],
    ['post(url, json=data)', 'post('],
    ['bigquery . Client ()', 'bigquery.Client('],
    ['MAX_RETRIES', null],
  ])('%s → %s', (code, head) => expect(callHead(code)).toBe(head));

  it('literalOf reads BRE/ERE escapes', () => {
    expect(literalOf(bre('bigquery\\.Client('))).toBe('bigquery.Client(');
    expect(literalOf(bre('a\\|b'))).toBeNull();
    expect(literalOf({ ...bre('a\\(b'), flavour: 'extended' })).toBe('a(b');
    expect(literalOf({ ...bre('a(b'), flavour: 'extended' })).toBeNull();
  });
});

describe('fields that read like change lines', () => {
  it('"**Replace:** `X` → `Y`" as a field', () => {
    const it = item({
      fields: [{ key: 'Replace', value: '`legacy.call(a)` → `modern(a)`', codeSpans: ['legacy.call(a)', 'modern(a)'], children: [], source: { startLine: 7, endLine: 7 } }],
    });
    expect(summary(deriveChecks(it, doc([it]), noCtx))).toEqual(['text-absent `legacy.call(`', 'text-present `modern(`']);
  });
});

describe('category patterns from the doc\'s commands', () => {
  it('the first grep of each category command, read by the scanner', async () => {
    const { categoryPatternsOf, configCategoryPatterns } = await import('../../src/lib/verify/index.js');
    const diagnostics: never[] = [];
    const found = categoryPatternsOf(seed, diagnostics);
    expect(found.map((p) => [p.categoryId, p.spec.pattern, p.spec.flavour, p.docLine])).toEqual([
      ['3.3', 'bigquery\\.Client(', 'basic', 350],
      ['3.4', 'requests\\.get\\|requests\\.post\\|requests\\.Session', 'basic', 373],
    ]);
    expect(diagnostics).toEqual([]);
    const config = configCategoryPatterns(
      [
        { id: 'bq', name: 'BigQuery clients', category: '3.3', better: 'lower', pattern: 'bigquery\\.Client(', flavour: 'basic', ignoreCase: false },
        { id: 'pool', name: 'Pool adoption', category: '3.3', better: 'higher', pattern: 'get_bigquery_client', flavour: 'fixed', ignoreCase: false },
        { id: 'cmd', name: 'From a command', category: '3.4', better: 'lower', command: 'grep -rE "requests\\.(get|post)\\(" scrapers/', flavour: 'basic', ignoreCase: false },
      ],
      diagnostics,
    );
    expect(config.map((p) => [p.categoryId, p.spec.pattern, p.spec.flavour, p.source])).toEqual([
      ['3.3', 'bigquery\\.Client(', 'basic', 'config'],
      ['3.4', 'requests\\.(get|post)\\(', 'extended', 'config'],
    ]);
  });
});
