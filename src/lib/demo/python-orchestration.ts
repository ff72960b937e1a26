/**
 * Bodies of the orchestration code: the ten cloud functions (Files 22-25 for jitter, 30-39 for
 * pooling) and workflow_executor.py (Files 26/57).
 */
import type { Flag } from './types.js';
import { body } from './text.js';

/** Cloud functions with a second client in a helper, so "lines" and "files" counts differ. */
const TWO_CLIENTS = new Set(['phase2_to_phase3', 'self_heal']);

const PURPOSE: Record<string, string> = {
  phase2_to_phase3: 'Publishes the Phase 3 trigger once every Phase 2 raw table has landed.',
  phase3_to_phase4: 'Publishes the Phase 4 trigger once analytics tables are complete.',
  phase4_to_phase5: 'Publishes the Phase 5 (predictions) trigger once precompute is complete.',
  daily_health_check: "Checks yesterday's row counts and posts a summary to Slack.",
  self_heal: 'Finds missing game dates and re-queues their scrapers.',
  mlb_self_heal: 'Finds missing MLB game dates and re-queues their scrapers.',
  transition_monitor: 'Alerts when a phase transition has not happened in time.',
  grading: "Grades yesterday's predictions under a distributed lock.",
  cleanup_processor: 'Deletes temp tables older than two days.',
  dlq_monitor: 'Counts Pub/Sub dead-letter messages and records them in BigQuery.',
};

/** orchestration/cloud_functions/<name>/main.py. */
export function cloudFunction(name: string, flags: ReadonlySet<Flag>, jitterTracked: boolean): string {
  const pooled = flags.has('pooled');
  const jitter = jitterTracked && flags.has('jitter');
  const client = pooled ? 'get_bigquery_client(project_id=PROJECT_ID)' : 'bigquery.Client(project=PROJECT_ID)';
  const regressed = flags.has('regressed');
  return body(
    `"""Cloud Function ${name}: ${PURPOSE[name] ?? 'orchestration step.'}"""`,
    'import json',
    'import logging',
    'import os',
    '',
    'import functions_framework',
    (!pooled || regressed) && 'from google.cloud import bigquery',
    pooled && 'from shared.clients.bigquery_pool import get_bigquery_client',
    jitter && 'from shared.utils.bigquery_retry import SERIALIZATION_RETRY',
    '',
    'PROJECT_ID = os.environ.get("GCP_PROJECT", "nba-props-platform")',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    jitter && '@SERIALIZATION_RETRY',
    'def _run_query(sql: str) -> list:',
    `    client = ${client}`,
    '    return list(client.query(sql).result())',
    TWO_CLIENTS.has(name) && [
      '',
      '',
      'def _table_exists(table_id: str) -> bool:',
      `    client = ${client}`,
      '    try:',
      '        client.get_table(table_id)',
      '        return True',
      '    except Exception:  # NotFound, Forbidden: both mean "not usable"',
      '        return False',
    ],
    name === 'grading' && [
      '',
      '',
      'def _with_lock(fn):',
      '    """Distributed lock in Firestore; lock calls are not BigQuery and are not retried here."""',
      '    return fn',
    ],
    regressed && [
      '',
      '',
      'def _eu_dead_letters() -> list:',
      '    # Hotfix: the EU dataset needs its own location and the pool only holds US clients.',
      '    eu_client = bigquery.Client(project=PROJECT_ID, location="EU")',
      '    return list(eu_client.query("SELECT * FROM nba_ops_eu.dead_letters").result())',
    ],
    '',
    '',
    '@functions_framework.http',
    'def main(request):',
    '    payload = request.get_json(silent=True) or {}',
    `    rows = _run_query("SELECT COUNT(*) AS n FROM nba_orchestration.${name}_runs")`,
    '    logger.info("%s: %s", payload.get("trigger", "manual"), rows)',
    '    return json.dumps({"status": "ok", "rows": len(rows)}), 200',
  );
}

/** orchestration/workflow_executor.py (Files 26/57): calls scraper services over HTTP. */
export function workflowExecutor(flags: ReadonlySet<Flag>): string {
  const pooled = flags.has('http');
  return body(
    '"""Runs a workflow: calls each scraper service in order, with retries and timeouts."""',
    'import logging',
    'import time',
    'from typing import Any, Dict, List',
    '',
    'import requests',
    pooled && 'from shared.clients.http_pool import get_http_session',
    '',
    'logger = logging.getLogger(__name__)',
    '',
    'SCRAPER_SERVICE_URL = "https://nba-scrapers-f7p3g7f6ya-wl.a.run.app"',
    'DEFAULT_TIMEOUT = (10, 180)  # connect, read',
    'MAX_ATTEMPTS = 3',
    '',
    '',
    'class WorkflowExecutor:',
    '    def __init__(self, workflow: str, scrapers: List[str]) -> None:',
    '        self.workflow = workflow',
    '        self.scrapers = scrapers',
    '',
    '    def _call_scraper(self, name: str, payload: Dict[str, Any]) -> Dict[str, Any]:',
    '        url = f"{SCRAPER_SERVICE_URL}/scrape"',
    '        for attempt in range(1, MAX_ATTEMPTS + 1):',
    '            try:',
    pooled
      ? '                response = get_http_session().post(url, json={"scraper": name, **payload}, timeout=DEFAULT_TIMEOUT)'
      : '                response = requests.post(url, json={"scraper": name, **payload}, timeout=DEFAULT_TIMEOUT)',
    '                response.raise_for_status()',
    '                return response.json()',
    '            except requests.exceptions.RequestException as exc:',
    '                logger.warning("%s attempt %d failed: %s", name, attempt, exc)',
    '                time.sleep(2**attempt)',
    '        raise RuntimeError(f"{name}: gave up after {MAX_ATTEMPTS} attempts")',
    '',
    '    def run(self, payload: Dict[str, Any]) -> List[Dict[str, Any]]:',
    '        return [self._call_scraper(name, payload) for name in self.scrapers]',
  );
}
