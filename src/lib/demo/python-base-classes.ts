/**
 * Bodies of the raw processor base (Files 1/27) and the gamebook processor (File 2): the two files
 * with a private copy of `_is_serialization_conflict` at lines 62-78, exactly where the doc's
 * "Lines to Remove: 62-78" points in the seed state.
 */
import type { Flag } from './types.js';
import { body, lines } from './text.js';

/** The 17-line duplicate the doc asks to remove; it must start on line 62. */
const DUPLICATE_FN = [
  'def _is_serialization_conflict(exc: Exception) -> bool:',
  '    """Return True when BigQuery rejected a DML statement for concurrency.',
  '',
  '    Duplicated from shared.utils.bigquery_retry.is_serialization_error',
  '    (Task 3.1.1 removes this copy).',
  '    """',
  '    if not isinstance(exc, exceptions.BadRequest):',
  '        return False',
  '    message = str(exc).lower()',
  '    markers = (',
  '        "could not serialize access",',
  '        "concurrent update",',
  '        "transaction is aborted",',
  '    )',
  '    if any(marker in message for marker in markers):',
  '        return True',
  '    return False',
];

/** Where the duplicate sits in the seed state (1-based, inclusive). */
export const DUPLICATE_FN_LINES = { start: 62, end: 78 } as const;

/** Pads `head` with `filler` lines so the next line is `line`; throws if it cannot. */
function placeBefore(head: string[], filler: readonly string[], line: number, what: string): string[] {
  const missing = line - 1 - head.length;
  if (missing < 0 || missing > filler.length) {
    throw new Error(
      `demo template: cannot place ${what} at line ${line} (head ${head.length}, filler ${filler.length})`,
    );
  }
  return [...head, ...filler.slice(0, missing)];
}

const SETTINGS = [
  '',
  '# Load settings. Large files are split so one bad row does not fail a whole game.',
  'MAX_ROWS_PER_LOAD = 10_000',
  'LOAD_TIMEOUT_SECONDS = 300',
  'STREAMING_BUFFER_WAIT_SECONDS = 90',
  'BQ_LOCATION = "US"',
  'NOTIFY_ON_FAILURE = os.environ.get("NOTIFY_ON_FAILURE", "true") == "true"',
  '',
  '# Errors worth a retry besides serialization conflicts.',
  'TRANSIENT_REASONS = frozenset(',
  '    {',
  '        "backendError",',
  '        "internalError",',
  '        "rateLimitExceeded",',
  '        "jobRateLimitExceeded",',
  '    }',
  ')',
  '',
  '# Columns every raw table carries, filled in by save_data().',
  'AUDIT_COLUMNS = ("source_file_path", "processed_at", "processor_version")',
  'PROCESSOR_VERSION = "2.7.1"',
  'PARTITION_FIELD = "game_date"',
  'CLUSTER_FIELDS = ("game_id", "player_lookup")',
  '',
  '# Seasons are named by their starting year ("2025" is 2025-26).',
  'SEASON_START_MONTH = 10',
  'SEASON_START_DAY = 1',
  '',
  '',
  '# Kept for callers that still import it from here; remove after Phase 3.',
  'LEGACY_TABLE_PREFIX = "raw_"',
  'LEGACY_DATASET = "nba_raw_legacy"',
  '',
  '',
  'def _season_for(game_date: datetime) -> int:',
  '    """Season year for a game date (October starts a new season)."""',
  '    if (game_date.month, game_date.day) >= (SEASON_START_MONTH, SEASON_START_DAY):',
  '        return game_date.year',
  '    return game_date.year - 1',
  '',
  '',
];

function rawHead(kind: 'base' | 'gamebook', flags: ReadonlySet<Flag>): string[] {
  const pooled = kind === 'base' && flags.has('pooled');
  const imports =
    kind === 'base'
      ? 'from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY'
      : 'from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY';
  return lines(
    '"""',
    kind === 'base'
      ? 'Base class for raw data processors.'
      : 'NBA.com gamebook processor: player minutes and DNP reasons.',
    '',
    kind === 'base'
      ? 'Every raw processor loads one scraped JSON file from GCS, transforms it into'
      : 'Reads the parsed gamebook JSON written by the nbac_gamebook scraper and',
    kind === 'base'
      ? 'rows and writes them to BigQuery. Subclasses implement ``transform_data``.'
      : 'writes one row per player per game to nba_raw.nbac_gamebook_player_stats.',
    '"""',
    'import json',
    'import logging',
    'import os',
    'from datetime import datetime, timezone',
    'from typing import Any, Dict, List',
    '',
    'from google.api_core import exceptions, retry',
    pooled ? 'from shared.clients.bigquery_pool import get_bigquery_client' : 'from google.cloud import bigquery',
    kind === 'base' && 'from google.cloud import storage',
    kind === 'gamebook' && 'from data_processors.raw.processor_base import ProcessorBase',
    flags.has('dedupe') && imports,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    'DEFAULT_PROJECT_ID = os.environ.get("GCP_PROJECT_ID", "nba-props-platform")',
    `DEFAULT_DATASET = "nba_raw"`,
  );
}

/** Head length without flags decides the padding, so only the flagged lines move later. */
function paddedHead(kind: 'base' | 'gamebook', flags: ReadonlySet<Flag>): string[] {
  const seedHead = rawHead(kind, new Set());
  const padded = placeBefore(seedHead, SETTINGS, DUPLICATE_FN_LINES.start, '_is_serialization_conflict');
  const pad = padded.length - seedHead.length;
  return [...rawHead(kind, flags), ...SETTINGS.slice(0, pad)];
}

function retryDef(flags: ReadonlySet<Flag>): string[] {
  const predicate = flags.has('dedupe') ? 'is_serialization_error' : '_is_serialization_conflict';
  return lines('', '', `_SAVE_RETRY = retry.Retry(predicate=${predicate}, initial=1.0, maximum=32.0, deadline=120.0)`);
}

/** data_processors/raw/processor_base.py (Files 1 and 27). */
export function processorBase(flags: ReadonlySet<Flag>): string {
  const client = flags.has('pooled')
    ? '        self.bq_client = get_bigquery_client(project_id=project_id)'
    : '        self.bq_client = bigquery.Client(project=project_id)';
  return body(
    paddedHead('base', flags),
    !flags.has('dedupe') && DUPLICATE_FN,
    retryDef(flags),
    '',
    '',
    'class ProcessorBase:',
    '    """Load one scraped file, transform it, save the rows."""',
    '',
    '    dataset_id = DEFAULT_DATASET',
    '    table_name: str = ""',
    '',
    '    def __init__(self, project_id: str = DEFAULT_PROJECT_ID) -> None:',
    '        self.project_id = project_id',
    client,
    '        self.gcs_client = storage.Client(project=project_id)',
    '        self.stats: Dict[str, Any] = {"rows_processed": 0}',
    '',
    '    def load_data(self, bucket: str, path: str) -> Dict[str, Any]:',
    '        blob = self.gcs_client.bucket(bucket).blob(path)',
    '        return json.loads(blob.download_as_text())',
    '',
    '    def transform_data(self, raw: Dict[str, Any]) -> List[Dict[str, Any]]:',
    '        raise NotImplementedError',
    '',
    '    def save_data(self, rows: List[Dict[str, Any]]) -> None:',
    '        table_id = f"{self.project_id}.{self.dataset_id}.{self.table_name}"',
    '        now = datetime.now(timezone.utc).isoformat()',
    '        for row in rows:',
    '            row["processed_at"] = now',
    '        job = _SAVE_RETRY(self.bq_client.load_table_from_json)(rows, table_id)',
    '        job.result(timeout=LOAD_TIMEOUT_SECONDS)',
    '        self.stats["rows_processed"] += len(rows)',
    '        logger.info("Loaded %d rows into %s", len(rows), table_id)',
  );
}

/** data_processors/raw/nbacom/nbac_gamebook_processor.py (File 2). */
export function gamebookProcessor(flags: ReadonlySet<Flag>): string {
  return body(
    paddedHead('gamebook', flags),
    !flags.has('dedupe') && DUPLICATE_FN,
    retryDef(flags),
    '',
    '',
    'class NbacGamebookProcessor(ProcessorBase):',
    '    table_name = "nbac_gamebook_player_stats"',
    '',
    '    def transform_data(self, raw: Dict[str, Any]) -> List[Dict[str, Any]]:',
    '        rows = []',
    '        for player in raw.get("players", []):',
    '            rows.append(',
    '                {',
    '                    "game_id": raw["game_id"],',
    '                    "player_name": player["name"],',
    '                    "minutes": player.get("minutes"),',
    '                    "dnp_reason": player.get("dnp_reason"),',
    '                }',
    '            )',
    '        return rows',
    '',
    '    def delete_existing(self, game_id: str) -> None:',
    '        sql = f"DELETE FROM `{self.dataset_id}.{self.table_name}` WHERE game_id = @game_id"',
    '        params = [bigquery.ScalarQueryParameter("game_id", "STRING", game_id)]',
    '        job_config = bigquery.QueryJobConfig(query_parameters=params)',
    '        _SAVE_RETRY(self.bq_client.query)(sql, job_config=job_config).result()',
  );
}
