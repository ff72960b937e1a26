import { describe, expect, it } from 'vitest';
import { PatternCache, deriveChecks, evaluateItem, fileText } from '../../src/lib/verify/index.js';
import type { DeriveContext, ItemEvaluation } from '../../src/lib/verify/index.js';
import type { TrackedItem } from '../../src/lib/doc/model.js';
import { doc, item } from './helpers.js';

const ctx: DeriveContext = { categoryPatterns: new Map(), overrides: [] };

/** Derives the item's checks and runs them on `content` (null: the file does not exist). */
function run(it: TrackedItem, content: string | null, renames = new Map<string, string>()): ItemEvaluation {
  const checks = deriveChecks(it, doc([it]), ctx);
  return evaluateItem({
    item: it,
    path: it.path,
    checks,
    file: content === null ? null : fileText(it.path ?? '', content),
    exists: content !== null,
    renames,
    patterns: new PatternCache(),
  });
}

const importItem = item({ importsToAdd: [], lines: ['Add import: `from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY`'] });

describe('import-present', () => {
  it('accepts the names in any order, across statements and wrapped lines', () => {
    const code = [
      'import os',
      'from shared.utils.bigquery_retry import (',
      '    QUOTA_RETRY,  # pooled',
      '    is_serialization_error as ise,',
      ')',
      'from shared.utils.bigquery_retry import \\',
      '    SERIALIZATION_RETRY',
    ].join('\n');
    const e = run(importItem, code);
    expect(e.detectedStatus).toBe('done');
    expect(e.checks[0]?.evidence).toBe('imported on lines 2, 6');
  });

  it('names what is missing', () => {
    const e = run(importItem, 'from shared.utils.bigquery_retry import QUOTA_RETRY\n');
    expect(e.detectedStatus).toBe('not-started');
    expect(e.checks[0]?.evidence).toBe('imports QUOTA_RETRY from shared.utils.bigquery_retry but not is_serialization_error, SERIALIZATION_RETRY');
    expect(run(importItem, 'x = 1\n').checks[0]?.evidence).toBe(
      'no import of is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY from shared.utils.bigquery_retry',
    );
  });

  it('a group template import is satisfied by any listed name or the "(or …)" alternative', () => {
    const slot = item({ groupId: 'g', lines: ['Add import: `from shared.clients.http_pool import get, post` (or `get_http_session`)'] });
    expect(run(slot, 'from shared.clients.http_pool import get\n').detectedStatus).toBe('done');
    expect(run(slot, 'from shared.clients.http_pool import get_http_session\n').detectedStatus).toBe('done');
    expect(run(slot, 'from shared.clients.other import get\n').detectedStatus).toBe('not-started');
    const single = item({ lines: ['Add import: `from shared.clients.http_pool import get, post` (or `get_http_session`)'] });
    expect(run(single, 'from shared.clients.http_pool import get\n').detectedStatus).toBe('not-started');
    expect(run(single, 'from shared.clients.http_pool import get_http_session\n').detectedStatus).toBe('done');
  });
});

describe('replace X → Y', () => {
  const replace = item({ lines: ['Replace: `self.bq_client = bigquery.Client(project=project_id)` → `self.bq_client = get_bigquery_client(project_id=project_id)`'] });

  it('done when X is gone and Y is there; partly when both; not started when only X', () => {
    expect(run(replace, 'c = get_bigquery_client(project_id=p)\n').detectedStatus).toBe('done');
    const partly = run(replace, 'a = bigquery.Client()\nb = get_bigquery_client()\nc = google.cloud.bigquery.Client(x)\n');
    expect(partly.detectedStatus).toBe('in-progress');
    expect(partly.summary).toBe('1 of 2 checks pass; `bigquery.Client(` still on lines 1, 3');
    expect(partly.remaining.map((m) => m.line)).toEqual([1, 3]);
    expect(run(replace, 'a = bigquery.Client()\n').detectedStatus).toBe('not-started');
  });

  it('a bare call head is not found inside a longer name or an attribute', () => {
    const bare = item({ lines: ['Replace: `requests.get(url)` → `get(url)`'] });
    const e = run(bare, 'r = requests.get(u)\ns = forget(u)\n');
    expect(e.checks.map((c) => c.passed)).toEqual([false, false]);
    expect(run(bare, 'r = get(u)\n').detectedStatus).toBe('done');
  });

  it('neither X nor Y in the file: the pair does not apply (no free pass, no failure)', () => {
    const two = item({ lines: ['Replace: `requests.get(url)` → `get(url)`', 'Replace: `requests.post(url, json=d)` → `post(url, json=d)`'] });
    const untouched = run(two, 'r = requests.get(u)\n');
    expect(untouched.detectedStatus).toBe('not-started');
    expect(untouched.checks.map((c) => c.passed)).toEqual([false, false, null, null]);
    expect(untouched.checks[2]?.evidence).toBe('not applicable: neither `requests.post(` nor `post(` in this file');
    expect(run(two, 'r = get(u)\n').detectedStatus).toBe('done');
  });

  it('an import replace checks the imports', () => {
    const imp = item({ lines: ['Replace: `from google.cloud import bigquery` → `from shared.clients.bigquery_pool import get_bigquery_client`'] });
    const e = run(imp, 'from google.cloud import bigquery, storage\n');
    expect(e.checks.map((c) => [c.kind, c.passed, c.evidence])).toEqual([
      ['import-removed', false, '`from google.cloud import bigquery` still imported on line 1'],
      ['import-present', false, 'no import of get_bigquery_client from shared.clients.bigquery_pool'],
    ]);
    expect(e.remaining).toEqual([]); // an import is not a call site
    expect(run(imp, 'from shared.clients.bigquery_pool import get_bigquery_client\n').detectedStatus).toBe('done');
  });
});

describe('definitions and constants', () => {
  const removal = item({
    lineSpans: [{ kind: 'remove', start: 2, end: 4, label: '`_is_serialization_conflict` function', codeSpans: ['_is_serialization_conflict'], source: { startLine: 29, endLine: 29 } }],
    lines: ['Remove configuration constants (MAX_RETRIES, RETRY_DELAY_SECONDS)', 'Create `_load_with_retry()` with @SERIALIZATION_RETRY'],
  });

  it('a definition that is still there fails with its line; a call of it does not count', () => {
    const code = 'MAX_RETRIES = 3\ndef _is_serialization_conflict(e):\n    return False\nx = _is_serialization_conflict(1)\nif MAX_RETRIES == 3: pass\n';
    const e = run(removal, code);
    expect(e.checks.map((c) => `${c.kind}:${c.passed}:${c.evidence}`)).toEqual([
      'definition-removed:false:`MAX_RETRIES =` still on line 1',
      'definition-removed:true:no `RETRY_DELAY_SECONDS =` left',
      'text-present:false:`def _load_with_retry` not found',
      'definition-removed:false:`def _is_serialization_conflict` still on line 2',
      'text-present:false:`@SERIALIZATION_RETRY` not found',
    ]);
    expect(e.detectedStatus).toBe('in-progress');
  });

  it('all gone and the new function defined: done', () => {
    expect(run(removal, '@SERIALIZATION_RETRY\ndef _load_with_retry(self):\n    pass\n').detectedStatus).toBe('done');
  });
});

describe('status rules', () => {
  const one = item({ lines: ['Replace: `a.old()` → `a.new()`'] });
  it('missing file, with and without a rename', () => {
    expect(run(one, null).detectedStatus).toBe('missing');
    const renamed = run(one, null, new Map([['x.py', 'y.py']]));
    expect([renamed.detectedStatus, renamed.renamedTo, renamed.summary]).toEqual(['missing', 'y.py', '`x.py` no longer exists; git saw it renamed to `y.py`']);
  });
  it('a decorator counts where it decorates, not in a comment or call', () => {
    const deco = item({ lines: ['Add @SERIALIZATION_RETRY decorator'] });
    expect(run(deco, '# TODO @SERIALIZATION_RETRY\nx = SERIALIZATION_RETRY(f)\n').detectedStatus).toBe('not-started');
    expect(run(deco, 'class A:\n    @SERIALIZATION_RETRY\n    def f(self): pass\n').detectedStatus).toBe('done');
  });
  it('no derivable check: unknown', () => {
    expect(run(item({ lines: ['Test operations', 'Wrap DELETE operation (lines 320-325)'] }), 'x\n').detectedStatus).toBe('unknown');
  });
  it('unresolved slot: unknown', () => {
    const slot = item({ path: null });
    expect(evaluateItem({ item: slot, path: null, checks: [], file: null, exists: false, renames: new Map(), patterns: new PatternCache() }).detectedStatus).toBe('unknown');
  });
  it('an invalid pattern is not a verdict', () => {
    const bad = item();
    const checks = deriveChecks(bad, doc([bad]), { categoryPatterns: new Map(), overrides: [{ item: 1, kind: 'text-absent', text: 'a\\{1', flavour: 'basic' }] });
    const e = evaluateItem({ item: bad, path: 'x.py', checks, file: fileText('x.py', 'a\n'), exists: true, renames: new Map(), patterns: new PatternCache() });
    expect(e.detectedStatus).toBe('unknown');
    expect(e.checks[0]?.evidence).toMatch(/^pattern `a\\\{1` could not be used: /);
  });
});

describe('diagnostics', () => {
  it('a config pattern that does not compile is one diagnostic, and the rest goes on', async () => {
    const { verifyDoc } = await import('../../src/lib/verify/index.js');
    const { memTree } = await import('./helpers.js');
    const a = item({ lines: ['Replace: `a.b()` → `c()`'] });
    const r = await verifyDoc(doc([a]), memTree({ 'x.py': 'c()\n' }), { overrides: [{ item: 1, kind: 'text-absent', text: 'a\\{1', flavour: 'basic' }] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['verify/invalid-pattern']);
    expect(r.diagnostics[0]?.message).toMatch(/^Pattern `a\\\{1` cannot be checked: /);
    expect(r.items[0]?.detectedStatus).toBe('done');
  });
});
