/**
 * Bodies of the other processors: the analytics/precompute bases (Files 28-29), the processors that
 * inherit a client and only need retry decorators (Files 4-21) and the processors that build their
 * own client (Files 40-56). batch_writer (File 3) is in python-batch-writer.ts.
 */
import type { Flag } from './types.js';
import { body, className, stemOf } from './text.js';

const CLIENT_LINE = '        self.bq_client = bigquery.Client(project=project_id)';
const POOLED_LINE = '        self.bq_client = get_bigquery_client(project_id=project_id)';
const BQ_IMPORT = 'from google.cloud import bigquery';
const POOL_IMPORT = 'from shared.clients.bigquery_pool import get_bigquery_client';

/** analytics_base.py / precompute_base.py (Files 28-29). */
export function stageBase(stage: 'analytics' | 'precompute', flags: ReadonlySet<Flag>): string {
  const pooled = flags.has('pooled');
  const cls = stage === 'analytics' ? 'AnalyticsProcessorBase' : 'PrecomputeProcessorBase';
  return body(
    `"""Base class for ${stage} processors: read upstream tables, compute, MERGE into nba_${stage}."""`,
    'import logging',
    'import os',
    'from typing import Any, Dict, List',
    '',
    pooled ? POOL_IMPORT : BQ_IMPORT,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    `class ${cls}:`,
    `    dataset_id = "nba_${stage}"`,
    '    table_name: str = ""',
    '',
    '    def __init__(self, project_id: str = os.environ.get("GCP_PROJECT_ID", "nba-props-platform")) -> None:',
    '        self.project_id = project_id',
    pooled ? POOLED_LINE : CLIENT_LINE,
    '',
    '    def extract(self, start_date: str, end_date: str) -> List[Dict[str, Any]]:',
    '        raise NotImplementedError',
    '',
    '    def run(self, start_date: str, end_date: str) -> int:',
    '        rows = self.extract(start_date, end_date)',
    '        self.save(rows)',
    '        return len(rows)',
    '',
    '    def save(self, rows: List[Dict[str, Any]]) -> None:',
    '        logger.info("%s: %d rows", self.table_name, len(rows))',
  );
}

/** Which base a processor under data_processors/<stage>/ inherits. */
function baseFor(path: string): { module: string; cls: string } {
  if (path.includes('/analytics/'))
    return { module: 'data_processors.analytics.analytics_base', cls: 'AnalyticsProcessorBase' };
  if (path.includes('/raw/')) return { module: 'data_processors.raw.processor_base', cls: 'ProcessorBase' };
  return { module: 'data_processors.precompute.precompute_base', cls: 'PrecomputeProcessorBase' };
}

/**
 * A processor that inherits the client (Files 4-21); `jitter` adds the shared decorator around
 * its DML. `pattern` picks the statement the doc names (DELETE + INSERT or MERGE).
 */
export function inheritingProcessor(
  path: string,
  pattern: 'delete-insert' | 'merge',
  flags: ReadonlySet<Flag>,
): string {
  const stem = stemOf(path);
  const base = baseFor(path);
  const decorated = flags.has('jitter');
  // MERGE runs under high concurrency: the doc asks for the quota retry on top (Files 5, 10).
  const quota = decorated && pattern === 'merge';
  const table = stem.replace(/_processor$/, '');
  return body(
    `"""${className(stem)}: writes ${table} rows (${pattern === 'merge' ? 'MERGE' : 'DELETE + INSERT'})."""`,
    'import logging',
    'from typing import Any, Dict, List',
    '',
    BQ_IMPORT,
    '',
    `from ${base.module} import ${base.cls}`,
    decorated && `from shared.utils.bigquery_retry import ${quota ? 'QUOTA_RETRY, ' : ''}SERIALIZATION_RETRY`,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    `class ${className(stem)}(${base.cls}):`,
    `    table_name = "${table}"`,
    '',
    quota && '    @QUOTA_RETRY',
    decorated && '    @SERIALIZATION_RETRY',
    '    def _run_dml(self, sql: str, params: List[Any]) -> None:',
    '        job_config = bigquery.QueryJobConfig(query_parameters=params)',
    '        self.bq_client.query(sql, job_config=job_config).result()',
    '',
    '    def save_data(self, rows: List[Dict[str, Any]]) -> None:',
    '        game_date = rows[0]["game_date"] if rows else None',
    '        params = [bigquery.ScalarQueryParameter("game_date", "DATE", game_date)]',
    pattern === 'merge'
      ? `        self._run_dml(f"MERGE \`{self.dataset_id}.${table}\` T USING staging S ON T.id = S.id", params)`
      : [
          `        self._run_dml(f"DELETE FROM \`{self.dataset_id}.${table}\` WHERE game_date = @game_date", params)`,
          `        self._run_dml(f"INSERT INTO \`{self.dataset_id}.${table}\` SELECT * FROM staging", params)`,
        ],
    '        logger.info("Saved %d rows", len(rows))',
  );
}

/** A processor that builds its own client (Files 40-56, and the "latest" trap). */
export function directProcessor(path: string, flags: ReadonlySet<Flag>): string {
  const stem = stemOf(path);
  const pooled = flags.has('pooled');
  return body(
    `"""${className(stem)}: standalone job, does not inherit a processor base."""`,
    'import logging',
    'import os',
    '',
    pooled ? POOL_IMPORT : BQ_IMPORT,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    `QUERY = "SELECT * FROM \`nba_raw.${stem.replace(/_(processor|exporter)$/, '')}\` WHERE game_date = @game_date"`,
    '',
    '',
    `class ${className(stem)}:`,
    '    def __init__(self, project_id: str = os.environ.get("GCP_PROJECT_ID", "nba-props-platform")) -> None:',
    '        self.project_id = project_id',
    pooled ? POOLED_LINE : CLIENT_LINE,
    '',
    '    def run(self, game_date: str) -> int:',
    '        rows = list(self.bq_client.query(QUERY.replace("@game_date", repr(game_date))).result())',
    '        logger.info("%s: %d rows", game_date, len(rows))',
    '        return len(rows)',
  );
}
