/**
 * The seed doc verified on a small git repository shaped like the one it tracks (made with
 * makeTestRepo, read through the scanner's gitTree), the doc's group commands evaluated by the
 * scanner. Counts are checked against GNU grep on the same files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { gitTree } from '../../src/lib/scan/index.js';
import { verifyDoc, type VerifyResult } from '../../src/lib/verify/index.js';
import { makeTestRepo } from '../helpers/git-repo.js';
import { grep } from './helpers.js';

const seed = parseTrackingDoc(readFileSync('examples/JITTER-ADOPTION-TRACKING.md'), 'JITTER-ADOPTION-TRACKING.md');
const CF = (name: string) => `orchestration/cloud_functions/${name}/main.py`;
const OLD_CF = 'from google.cloud import bigquery\n\ndef handler(request):\n    client = bigquery.Client()\n    return client.query("SELECT 1")\n';
const NEW_CF = 'from shared.clients.bigquery_pool import get_bigquery_client\n\ndef handler(request):\n    client = get_bigquery_client()\n    return client.query("SELECT 1")\n';
const pad = (n: number) => '\n'.repeat(n);

const FILES: Record<string, string> = {
  // Files 1 and 27: fully migrated, the import wrapped over lines.
  'data_processors/raw/processor_base.py': [
    'from shared.utils.bigquery_retry import (',
    '    QUOTA_RETRY, SERIALIZATION_RETRY,',
    '    is_serialization_error,',
    ')',
    'from shared.clients.bigquery_pool import get_bigquery_client',
    '',
    'class ProcessorBase:',
    '    def __init__(self, project_id):',
    '        self.bq_client = get_bigquery_client(project_id=project_id)',
    '',
  ].join('\n'),
  // File 2: not started, and its duplicate function moved above the doc's "62-78".
  'data_processors/raw/nbacom/nbac_gamebook_processor.py': `import logging\n${pad(3)}def _is_serialization_conflict(e):\n    return "serialization" in str(e)\n`,
  // File 3: constants gone, nothing else yet.
  'data_processors/precompute/ml_feature_store/batch_writer.py': 'import time\n\nclass BatchWriter:\n    pass\n',
  'data_processors/analytics/analytics_base.py': 'self.bq_client = bigquery.Client(project=p)\n',
  'data_processors/precompute/precompute_base.py': 'self.bq_client = get_bigquery_client(project_id=p)\n',
  // Found by the Files 40-56 command (and "latest" is dropped by its `grep -v "test"`).
  'data_processors/raw/direct/direct_one_processor.py': 'c = bigquery.Client()\nd = bigquery.Client()\n',
  'data_processors/raw/direct/latest_processor.py': 'c = bigquery.Client()\n',
  'orchestration/workflow_executor.py': 'import requests\n\ndef call(u):\n    return requests.post(u)\n',
  'scrapers/balldontlie/bdl_games_scraper.py': 'from shared.clients.http_pool import get\n\ndef fetch(u):\n    return get(u)\n',
  'scrapers/espn/espn_roster_scraper.py': 'import requests\n\ndef fetch(u):\n    return requests.get(u)\n',
  'scrapers/new/new_scraper.py': 'import requests\nrequests.get("x")\n',
};
for (const name of ['phase2_to_phase3', 'phase3_to_phase4', 'phase4_to_phase5', 'daily_health_check', 'self_heal', 'mlb_self_heal', 'transition_monitor', 'grading', 'cleanup_processor', 'dlq_monitor', 'extra_fn']) {
  FILES[CF(name)] = ['phase2_to_phase3', 'grading'].includes(name) ? NEW_CF : OLD_CF;
}
const root = join(mkdtempSync(join(tmpdir(), 'verify-seed-')), 'repo');
let result: VerifyResult;
beforeAll(async () => {
  await makeTestRepo(root, [{ date: '2026-01-20', message: 'tracked files, some migrated', files: FILES }]);
  const tree = await gitTree(root);
  try {
    result = await verifyDoc(seed, tree);
  } finally {
    tree.close?.();
  }
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('the seed doc on a small git repository', () => {
  const status = (id: string) => {
    const e = result.items.find((i) => i.itemId === id)!;
    return `${e.path ?? '-'} ${e.detectedStatus}`;
  };

  it('detects each item from the doc\'s own words', () => {
    expect(status('file-1')).toBe('data_processors/raw/processor_base.py done');
    expect(status('file-27')).toBe('data_processors/raw/processor_base.py done');
    expect(status('file-2')).toBe('data_processors/raw/nbacom/nbac_gamebook_processor.py not-started');
    expect(status('file-3')).toBe('data_processors/precompute/ml_feature_store/batch_writer.py in-progress');
    expect(status('file-4')).toBe('data_processors/raw/espn/espn_team_roster_processor.py missing');
    expect(status('file-28')).toBe('data_processors/analytics/analytics_base.py not-started');
    expect(status('file-29')).toBe('data_processors/precompute/precompute_base.py done');
    expect(status('file-30')).toBe(`${CF('phase2_to_phase3')} done`);
    expect(status('file-31')).toBe(`${CF('phase3_to_phase4')} not-started`);
    expect(status('file-40')).toBe('data_processors/raw/direct/direct_one_processor.py not-started');
    expect(status('file-41')).toBe('- unknown');
    expect(status('file-57')).toBe('orchestration/workflow_executor.py not-started');
    expect(status('file-58')).toBe('scrapers/balldontlie/bdl_games_scraper.py done');
    expect(status('file-61')).toBe('scrapers/espn/espn_roster_scraper.py not-started');
    // The Task 3.4 command finds a scraper the list does not name: it fills the first open slot.
    expect(status('file-63')).toBe('scrapers/new/new_scraper.py not-started');
    expect(status('file-64')).toBe('- unknown');
  });

  it('Task 3.3 remaining calls equal grep over the same files', () => {
    const cat = result.categories.find((c) => c.id === '3.3')!;
    const files = [...new Set(result.items.filter((e) => e.path && seed.items.find((i) => i.id === e.itemId)?.categoryId === '3.3').map((e) => e.path!))];
    const existing = files.filter((f) => f in FILES);
    const oracle = grep(['-n', '-H', '-F', '--', 'bigquery.Client(', ...existing], root);
    expect(cat.remaining.calls).toBe(oracle.length);
    expect(cat.remaining.files).toBe(grep(['-l', '-F', '--', 'bigquery.Client(', ...existing], root).length);
    expect(cat.remaining.what).toBe('`bigquery.Client(`');
    expect(cat.slots).toBe(30);
    expect(cat.declared).toEqual({ done: 0, inProgress: 0, notStarted: 30, blocked: 0, unknown: 0, skipped: 0 });
  });

  it('drift: scope growth, stale range, code done but not declared, missing path', () => {
    const drift = result.drift.map((d) => `${d.kind} ${d.path ?? d.itemId ?? '-'}`);
    expect(drift).toContain(`scope-growth ${CF('extra_fn')}`);
    expect(drift).toContain('line-range-stale data_processors/raw/nbacom/nbac_gamebook_processor.py');
    expect(drift).toContain('done-in-code-not-declared data_processors/raw/processor_base.py');
    expect(drift).toContain('path-missing data_processors/raw/espn/espn_team_roster_processor.py');
    expect(drift.filter((d) => d.startsWith('summary-disagrees') || d.startsWith('declared-count-mismatch'))).toEqual([]);
  });
});
