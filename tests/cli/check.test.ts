/**
 * `migratrack check` through a lifecycle on a real repository (Betterer's regexp.spec style):
 * record a baseline, remove a call, re-introduce it, fix it again; each step asserts the exit code.
 * The stand-in pipeline counts with GNU grep, so the numbers come from the files, not from us.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grepPipeline } from './grep-pipeline.js';
import { gitRepo, run, tempDir, writeFiles, type FakeCalls } from './helpers.js';

const CONFIG = { doc: 'docs/T.md', metrics: [{ id: 'bq', name: 'BigQuery clients', pattern: 'bigquery.Client(', flavour: 'fixed', paths: ['src'] }] };

function setup() {
  const cwd = tempDir();
  gitRepo(cwd, {
    'docs/T.md': '# T\n',
    'src/a.py': 'from google.cloud import bigquery\nclient = bigquery.Client()\n',
    'src/b.py': 'from google.cloud import bigquery\n\ndef load():\n    return bigquery.Client(project="p")\n',
    'migratrack.config.json': JSON.stringify(CONFIG),
  });
  const calls: FakeCalls = { build: [], render: [], dev: [] };
  const deps = grepPipeline({ 'file-1': ['src/a.py', 'in-progress'], 'file-2': ['src/b.py', 'in-progress'] }, calls);
  const edit = (file: string, content: string) => writeFileSync(path.join(cwd, file), content);
  return { cwd, deps, calls, edit, check: (...args: string[]) => run(['check', ...args], { cwd, deps }) };
}

describe('check lifecycle', () => {
  it('catches a re-introduced call and passes after the fix', async () => {
    const { cwd, edit, check } = setup();

    const first = await check('--baseline', 'baseline.json', '--update');
    expect(first.code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(cwd, 'baseline.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ format: 'migratrack-baseline', version: 1, metrics: { bq: 2 }, files: { bq: { 'src/a.py': 1, 'src/b.py': 1 } } });

    // Migrate b.py: one call fewer, its item now detected done.
    const migrated = 'from shared.clients import get_bigquery_client\n\ndef load():\n    return get_bigquery_client("p")\n';
    edit('src/b.py', migrated);
    const better = await check('--baseline', 'baseline.json');
    expect(better.code).toBe(0);
    expect(better.stdout).toContain('▼ bq (BigQuery clients) fell 2 → 1 (lower is better)');
    expect(better.stdout).toContain('b.py (src/b.py): detected in-progress → done');
    expect(better.stdout).toMatch(/Check passed\.\n$/);
    expect((await check('--baseline', 'baseline.json', '--update')).code).toBe(0);

    // Someone copies the old pattern back in: the ratchet must fail and point at the line.
    edit('src/b.py', `${migrated}\ndef legacy():\n    return bigquery.Client()\n`);
    const worse = await check('--baseline', 'baseline.json');
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('▲ bq (BigQuery clients) rose 1 → 2 (lower is better)');
    expect(worse.stdout).toContain('    src/b.py 0 → 1\n      src/b.py:7  return bigquery.Client()');
    expect(worse.stdout).toContain('▼ b.py (src/b.py): detected done → in-progress, doc line 40');

    // The fix: back to the baseline, the check passes with nothing to report.
    edit('src/b.py', migrated);
    const fixed = await check('--baseline', 'baseline.json');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('No change since the baseline.');
  });

  it('defaults to the last record of the history file and never writes it without --update', async () => {
    const { cwd, calls, check } = setup();
    const record = (bq: number) => ({ at: '2026-02-01T00:00:00Z', commit: null, docCommit: null, source: 'run', metrics: { bq }, categories: {}, items: {}, declaredDone: 0, verifiedDone: 0, slots: 2 });
    writeFiles(cwd, { '.migratrack/history.json': JSON.stringify({ schemaVersion: 1, repo: { id: 'x' }, records: [record(5), record(1)] }) });
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Compared with history\.json \(last of 2 records\), 2026-02-01T00:00:00Z\n/);
    expect(result.stdout).toContain('      src/a.py:2  client = bigquery.Client()');
    expect(calls.build[0]?.dryRun).toBe(true);

    expect((await check('--update')).code).toBe(0);
    expect(calls.build[1]?.dryRun).toBe(false);
  });

  it('passes with a note when there is no baseline yet, and fails clearly on a missing --baseline', async () => {
    const { check } = setup();
    const none = await check();
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No baseline yet: .migratrack/history.json is missing or has no records, so there is nothing to compare. Record one with `migratrack check --update` or `migratrack build`.\n');
    const missing = await check('--baseline', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^migratrack: --baseline: \/.*\/nope\.json not found \(expected a snapshot, history or baseline JSON file\)\n$/);
  });
});
