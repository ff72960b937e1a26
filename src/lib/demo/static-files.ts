/**
 * Files that do not migrate: the shared helpers the doc asks callers to import, and the unrelated
 * files every real repository has (README, tests, config), including a few built to trip scanners.
 */
import {
  BINARY_PYC,
  HIDDEN_SCRATCH_FILE,
  PROCESSOR_TEST_FILE,
  SHARED_BIGQUERY_POOL,
  SHARED_BIGQUERY_RETRY,
  SHARED_HTTP_POOL,
} from './paths.js';
import { body } from './text.js';

const bigqueryRetry = body(
  '"""Shared BigQuery retry policies (Phase 2). Import these instead of writing retry loops."""',
  'import random',
  '',
  'from google.api_core import exceptions, retry',
  '',
  '',
  'def is_serialization_error(exc: Exception) -> bool:',
  '    """True for "Could not serialize access" and concurrent-update DML failures."""',
  '    if not isinstance(exc, exceptions.BadRequest):',
  '        return False',
  '    message = str(exc).lower()',
  '    return "could not serialize access" in message or "concurrent update" in message',
  '',
  '',
  'def is_quota_error(exc: Exception) -> bool:',
  '    return isinstance(exc, (exceptions.TooManyRequests, exceptions.Forbidden)) and "quota" in str(exc).lower()',
  '',
  '',
  '# Jitter spreads retries of concurrent writers so they do not collide again.',
  'SERIALIZATION_RETRY = retry.Retry(',
  '    predicate=is_serialization_error, initial=1.0 + random.random(), maximum=32.0, multiplier=2.0, timeout=300.0',
  ')',
  'QUOTA_RETRY = retry.Retry(predicate=is_quota_error, initial=2.0, maximum=60.0, multiplier=2.0, timeout=600.0)',
);

const bigqueryPool = body(
  '"""One BigQuery client per (project, location) per process, instead of one per processor."""',
  'import threading',
  'from typing import Dict, Optional, Tuple',
  '',
  'from google.cloud import bigquery',
  '',
  '_clients: Dict[Tuple[str, Optional[str]], bigquery.Client] = {}',
  '_lock = threading.Lock()',
  '',
  '',
  'def get_bigquery_client(project_id: str, location: Optional[str] = None) -> bigquery.Client:',
  '    key = (project_id, location)',
  '    with _lock:',
  '        if key not in _clients:',
  '            # The only place a client is built; everything else borrows it.',
  '            _clients[key] = bigquery.Client(project=project_id, location=location)',
  '        return _clients[key]',
);

/** shared/clients/http_pool.py; `post()` arrives on the feature branch (Jan 30). */
export const httpPool = (withPost: boolean): string =>
  body(
    '"""A pooled requests.Session per process with sane retries; use get()/post() instead of requests.*."""',
    'import threading',
    '',
    'import requests',
    'from requests.adapters import HTTPAdapter',
    'from urllib3.util.retry import Retry',
    '',
    '_session = None',
    '_lock = threading.Lock()',
    '',
    '',
    'def get_http_session() -> requests.Session:',
    '    global _session',
    '    with _lock:',
    '        if _session is None:',
    '            session = requests.Session()',
    '            adapter = HTTPAdapter(pool_connections=20, pool_maxsize=20, max_retries=Retry(total=3, backoff_factor=0.5))',
    '            session.mount("https://", adapter)',
    '            session.mount("http://", adapter)',
    '            _session = session',
    '        return _session',
    '',
    '',
    'def get(url: str, **kwargs):',
    '    return get_http_session().get(url, **kwargs)',
    withPost && ['', '', 'def post(url: str, **kwargs):', '    return get_http_session().post(url, **kwargs)'],
  );

/** Bytes of a fake compiled module: NUL bytes make grep/git grep call it binary. */
function fakePyc(): Uint8Array {
  const header = Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x5a, 0x1b, 0x6e, 0x69, 0, 0, 0, 0]);
  const text = Buffer.from(
    '\u00e3\u0000\u0000\u0000bigquery.Client(project=project_id)\u0000self.bq_client\u0000',
    'latin1',
  );
  return new Uint8Array(Buffer.concat([header, text]));
}

/** path → content for every file present from the first commit and never migrated. */
export function staticFiles(): Record<string, string | Uint8Array> {
  return {
    'README.md': body(
      '# nba-stats-pipeline',
      '',
      'Scrapers, processors and orchestration for the NBA props platform.',
      '',
      '- `scrapers/`: one module per data source; `backfill_jobs/` re-runs them for past seasons.',
      '- `data_processors/`: raw → analytics → precompute → grading, all writing to BigQuery.',
      '- `orchestration/`: cloud functions that move data between phases.',
      '',
      'Connection pooling lives in `shared/clients/`; never call `bigquery.Client(` directly in new code.',
    ),
    '.gitignore': body(
      '__pycache__/',
      '*.pyc',
      '.env',
      '.venv/',
      '!data_processors/raw/__pycache__/processor_base.cpython-311.pyc',
    ),
    'requirements.txt': body(
      'google-cloud-bigquery==3.25.0',
      'google-cloud-storage==2.18.2',
      'functions-framework==3.8.1',
      'requests==2.32.3',
    ),
    [SHARED_BIGQUERY_RETRY]: bigqueryRetry,
    [SHARED_BIGQUERY_POOL]: bigqueryPool,
    [SHARED_HTTP_POOL]: httpPool(false),
    'shared/__init__.py': '',
    'scrapers/scraper_base.py': body(
      '"""Base class for scrapers: options, headers, error handling. Subclasses implement download()."""',
      'import requests',
      '',
      '',
      'class ScraperBase:',
      '    headers = {"User-Agent": "nba-stats-pipeline/2.7"}',
      '',
      '    def handle_error(self, exc: requests.exceptions.RequestException) -> None:',
      '        raise exc',
    ),
    'tests/test_bigquery_pool.py': body(
      'from unittest import mock',
      '',
      'from shared.clients.bigquery_pool import get_bigquery_client',
      '',
      '',
      'def test_pool_reuses_clients():',
      '    with mock.patch("google.cloud.bigquery.Client") as client:',
      '        get_bigquery_client("p")',
      '        get_bigquery_client("p")',
      '    client.assert_called_once()  # i.e. bigquery.Client( runs once per project',
    ),
    [PROCESSOR_TEST_FILE]: body(
      'from unittest import mock',
      '',
      'from google.cloud import bigquery',
      '',
      '',
      'def test_processor_base_uses_project():',
      '    with mock.patch.object(bigquery, "Client") as client:',
      '        bigquery.Client(project="test-project")',
      '    client.assert_called_with(project="test-project")',
    ),
    [HIDDEN_SCRATCH_FILE]: body(
      '# Local scratch script: re-posts failed Pub/Sub payloads. Not deployed.',
      'import json',
      'import sys',
      '',
      'import requests',
      '',
      'for line in sys.stdin:',
      '    requests.post("http://localhost:8080/scrape", json=json.loads(line), timeout=30)',
    ),
    [BINARY_PYC]: fakePyc(),
    'bin/deploy_functions.sh': body(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'for fn in orchestration/cloud_functions/*/; do',
      '  gcloud functions deploy "$(basename "$fn")" --source "$fn" --runtime python311 --trigger-http',
      'done',
    ),
    'docs/01-architecture/pipeline-phases.md': body(
      '# Pipeline phases',
      '',
      'Phase 1 scrapes, Phase 2 loads raw tables, Phase 3 computes analytics, Phase 4 precomputes',
      'features and Phase 5 predicts. Each phase is triggered by the previous one via Pub/Sub.',
    ),
  };
}

/** Paths in `staticFiles()` that must be committed with mode 100755. */
export const EXECUTABLE_PATHS: ReadonlySet<string> = new Set(['bin/deploy_functions.sh']);
