/** Body of batch_writer.py (File 3): manual retry loops until Task 3.1.2 replaces them. */
import type { Flag } from './types.js';
import { body } from './text.js';

/**
 * batch_writer.py (File 3). In the seed state the retry constants sit at lines 32-34 as the doc
 * says; `retry` replaces the manual loops with the shared decorators.
 */
export function batchWriter(flags: ReadonlySet<Flag>): string {
  const migrated = flags.has('retry');
  const header = [
    '"""',
    'Batch writer for the ML feature store.',
    '',
    'Loads feature rows into a temp table, then MERGEs them into',
    'nba_predictions.ml_feature_store_v2. Both steps can hit BigQuery',
    'serialization conflicts when several dates are backfilled at once.',
    '"""',
    'import logging',
    'import time',
    'import uuid',
    'from typing import Any, Dict, List',
    '',
    'from google.api_core import exceptions',
    'from google.cloud import bigquery',
    migrated ? 'from shared.utils.bigquery_retry import SERIALIZATION_RETRY, QUOTA_RETRY' : '',
    '',
    'logger = logging.getLogger(__name__)',
    '',
    'TARGET_TABLE = "nba_predictions.ml_feature_store_v2"',
    'TEMP_DATASET = "nba_predictions_tmp"',
    'MERGE_KEYS = ("player_lookup", "game_date")',
    '',
    '# Rows per load job; BigQuery accepts more, but smaller jobs fail faster.',
    'BATCH_SIZE = 500',
    '',
    '# A MERGE into a table with a streaming buffer fails with this text; it is',
    '# not retryable and is handled by waiting for the buffer to flush.',
    'STREAMING_BUFFER_MARKER = "streaming buffer"',
    'STREAMING_BUFFER_WAIT_SECONDS = 90',
    '',
    '',
  ];
  return body(
    header,
    !migrated && ['# Manual retry configuration', 'MAX_RETRIES = 3', 'RETRY_DELAY_SECONDS = 5'],
    '',
    '',
    'class BatchWriter:',
    '    def __init__(self, bq_client: bigquery.Client) -> None:',
    '        self.bq_client = bq_client',
    '',
    migrated
      ? [
          '    @SERIALIZATION_RETRY',
          '    def _load_to_temp_table_with_retry(self, rows: List[Dict[str, Any]], temp_table: str) -> None:',
          '        self.bq_client.load_table_from_json(rows, temp_table).result()',
          '',
          '    @QUOTA_RETRY',
          '    @SERIALIZATION_RETRY',
          '    def _merge_to_target_with_retry(self, sql: str) -> None:',
          '        self.bq_client.query(sql).result()',
        ]
      : [
          '    def _load_to_temp_table(self, rows: List[Dict[str, Any]], temp_table: str) -> None:',
          '        for attempt in range(MAX_RETRIES):',
          '            try:',
          '                self.bq_client.load_table_from_json(rows, temp_table).result()',
          '                return',
          '            except exceptions.BadRequest:',
          '                if attempt == MAX_RETRIES - 1:',
          '                    raise',
          '                time.sleep(RETRY_DELAY_SECONDS * (attempt + 1))',
          '',
          '    def _merge_to_target(self, sql: str) -> None:',
          '        for attempt in range(MAX_RETRIES):',
          '            try:',
          '                self.bq_client.query(sql).result()',
          '                return',
          '            except exceptions.BadRequest as exc:',
          '                if STREAMING_BUFFER_MARKER in str(exc) or attempt == MAX_RETRIES - 1:',
          '                    raise',
          '                time.sleep(RETRY_DELAY_SECONDS * (attempt + 1))',
        ],
    '',
    '    def write(self, rows: List[Dict[str, Any]]) -> None:',
    '        temp_table = f"{TEMP_DATASET}.features_{uuid.uuid4().hex[:8]}"',
    '        keys = " AND ".join(f"T.{k} = S.{k}" for k in MERGE_KEYS)',
    '        sql = f"MERGE `{TARGET_TABLE}` T USING `{temp_table}` S ON {keys} WHEN NOT MATCHED THEN INSERT ROW"',
    '        try:',
    migrated
      ? [
          '            self._load_to_temp_table_with_retry(rows, temp_table)',
          '            self._merge_to_target_with_retry(sql)',
        ]
      : ['            self._load_to_temp_table(rows, temp_table)', '            self._merge_to_target(sql)'],
    '        except exceptions.BadRequest as exc:',
    '            if STREAMING_BUFFER_MARKER not in str(exc):',
    '                raise',
    '            logger.warning("Streaming buffer busy; retrying in %ds", STREAMING_BUFFER_WAIT_SECONDS)',
    '            time.sleep(STREAMING_BUFFER_WAIT_SECONDS)',
    migrated ? '            self._merge_to_target_with_retry(sql)' : '            self._merge_to_target(sql)',
  );
}
