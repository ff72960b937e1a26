/**
 * Every path the demo repository holds, named after the seed doc
 * (examples/JITTER-ADOPTION-TRACKING.md). Kept in one table so the templates, the plan and the
 * tests agree on spelling.
 */

/** Where the tracking doc lives: the path the doc's own `grep -c "✅ Complete"` names. */
export const DOC_PATH = 'docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md';

/** Files 1-29 and 57 by their doc number (Files 1/27 and 26/57 share a path, as in the doc). */
export const FILE_PATHS: Readonly<Record<number, string>> = {
  1: 'data_processors/raw/processor_base.py',
  2: 'data_processors/raw/nbacom/nbac_gamebook_processor.py',
  3: 'data_processors/precompute/ml_feature_store/batch_writer.py',
  4: 'data_processors/raw/espn/espn_team_roster_processor.py',
  5: 'data_processors/raw/basketball_ref/br_roster_processor.py',
  6: 'data_processors/raw/oddsapi/odds_game_lines_processor.py',
  7: 'data_processors/raw/balldontlie/bdl_player_boxscores_processor.py',
  8: 'data_processors/raw/nbacom/nbac_schedule_processor.py',
  9: 'data_processors/raw/nbacom/nbac_team_boxscore_processor.py',
  10: 'data_processors/analytics/player_game_summary/player_game_summary_processor.py',
  11: 'data_processors/analytics/team_defense_game_summary/team_defense_game_summary_processor.py',
  12: 'data_processors/analytics/team_offense_game_summary/team_offense_game_summary_processor.py',
  13: 'data_processors/analytics/upcoming_player_game_context/upcoming_player_game_context_processor.py',
  14: 'data_processors/analytics/upcoming_team_game_context/upcoming_team_game_context_processor.py',
  15: 'data_processors/precompute/ml_feature_store/ml_feature_store_processor.py',
  16: 'data_processors/precompute/player_daily_cache/player_daily_cache_processor.py',
  17: 'data_processors/precompute/player_composite_factors/player_composite_factors_processor.py',
  18: 'data_processors/precompute/player_shot_zone_analysis/player_shot_zone_analysis_processor.py',
  19: 'data_processors/precompute/team_defense_zone_analysis/team_defense_zone_analysis_processor.py',
  20: 'data_processors/grading/prediction_accuracy/prediction_accuracy_processor.py',
  21: 'data_processors/grading/system_daily_performance/system_daily_performance_processor.py',
  22: 'orchestration/cloud_functions/self_heal/main.py',
  23: 'orchestration/cloud_functions/mlb_self_heal/main.py',
  24: 'orchestration/cloud_functions/transition_monitor/main.py',
  25: 'orchestration/cloud_functions/grading/main.py',
  26: 'orchestration/workflow_executor.py',
  27: 'data_processors/raw/processor_base.py',
  28: 'data_processors/analytics/analytics_base.py',
  29: 'data_processors/precompute/precompute_base.py',
  57: 'orchestration/workflow_executor.py',
};

/** Files 30-39, in the order of the doc's numbered list (slot 30 + index). */
export const CLOUD_FUNCTIONS = [
  'phase2_to_phase3',
  'phase3_to_phase4',
  'phase4_to_phase5',
  'daily_health_check',
  'self_heal',
  'mlb_self_heal',
  'transition_monitor',
  'grading',
  'cleanup_processor',
  'dlq_monitor',
] as const;

/** `orchestration/cloud_functions/<name>/main.py`. */
export const cloudFunctionPath = (name: string): string => `orchestration/cloud_functions/${name}/main.py`;

/**
 * Files 40-56: processors that build their own `bigquery.Client(` (the doc's "Command to find"
 * lists exactly these 17 at the first commit). None has "base.py" or "test" in its path.
 */
export const DIRECT_PROCESSORS = [
  'data_processors/raw/nbacom/nbac_injury_report_processor.py',
  'data_processors/raw/nbacom/nbac_player_list_processor.py',
  'data_processors/raw/nbacom/nbac_play_by_play_processor.py',
  'data_processors/raw/espn/espn_scoreboard_processor.py',
  'data_processors/raw/espn/espn_boxscore_processor.py',
  'data_processors/raw/balldontlie/bdl_standings_processor.py',
  'data_processors/raw/balldontlie/bdl_active_players_processor.py',
  'data_processors/raw/oddsapi/odds_api_props_processor.py',
  'data_processors/raw/bigdataball/bigdataball_pbp_processor.py',
  'data_processors/raw/bettingpros/bettingpros_player_props_processor.py',
  'data_processors/analytics/player_streaks/player_streaks_processor.py',
  'data_processors/analytics/team_pace/team_pace_processor.py',
  'data_processors/precompute/player_rest_days/player_rest_days_processor.py',
  'data_processors/precompute/matchup_history/matchup_history_processor.py',
  'data_processors/grading/mlb_prediction_grading/mlb_prediction_grading_processor.py',
  'data_processors/reference/player_registry/registry_processor.py',
  'data_processors/publishing/daily_export/daily_export_exporter.py',
] as const;

/**
 * A real direct-client processor the doc's command misses: `grep -v "test"` drops it because
 * "la*test*" is in its path. Never migrated, never tracked.
 */
export const LATEST_TRAP_PROCESSOR = 'data_processors/raw/nbacom/nbac_latest_lineups_processor.py';

/** A test under data_processors/ that calls `bigquery.Client(`; the doc's `grep -v "test"` drops it. */
export const PROCESSOR_TEST_FILE = 'data_processors/raw/tests/test_processor_base.py';

/** Files 58-76 in slot order: the doc's 5 expected files, then backfill jobs, then the ~14 others. */
export const SCRAPERS = [
  'scrapers/balldontlie/bdl_games_scraper.py',
  'scrapers/nbacom/nbac_gamebook_scraper.py',
  'scrapers/oddsapi/odds_game_lines_scraper.py',
  'scrapers/espn/espn_roster_scraper.py',
  'scrapers/basketball_ref/br_roster_scraper.py',
  'backfill_jobs/scrapers/bdl_boxscores_backfill.py',
  'backfill_jobs/scrapers/nbac_schedule_backfill.py',
  'backfill_jobs/scrapers/odds_history_backfill.py',
  'backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py',
  'scrapers/nbacom/nbac_schedule_scraper.py',
  'scrapers/nbacom/nbac_player_boxscore_scraper.py',
  'scrapers/nbacom/nbac_injury_scraper.py',
  'scrapers/espn/espn_scoreboard_scraper.py',
  'scrapers/espn/espn_boxscore_scraper.py',
  'scrapers/balldontlie/bdl_standings_scraper.py',
  'scrapers/balldontlie/bdl_player_box_scores_scraper.py',
  'scrapers/oddsapi/odds_player_props_scraper.py',
  'scrapers/bettingpros/bp_player_props_scraper.py',
  'scrapers/bigdataball/bigdataball_pbp_scraper.py',
] as const;

/** Added on Feb 3, after the doc was written: the doc's scraper command finds it, no slot lists it. */
export const SCOPE_GROWTH_SCRAPER = 'scrapers/nbacom/nbac_referee_assignments_scraper.py';

/** File 7 is renamed to this on Jan 30 (`git mv`); the doc keeps the old path. */
export const RENAMED_FILE_7 = 'data_processors/raw/balldontlie/bdl_player_box_scores_processor.py';

/** The shared helpers the doc tells callers to import (present from the first commit). */
export const SHARED_BIGQUERY_RETRY = 'shared/utils/bigquery_retry.py';
export const SHARED_BIGQUERY_POOL = 'shared/clients/bigquery_pool.py';
export const SHARED_HTTP_POOL = 'shared/clients/http_pool.py';

/** A dot-directory file with `requests.post(`: `grep -r` reads it, scanners that skip dotfiles do not. */
export const HIDDEN_SCRATCH_FILE = 'orchestration/.scratch/replay_failed.py';
/** A compiled file with `bigquery.Client(` inside NUL bytes: git grep/grep report "Binary file … matches". */
export const BINARY_PYC = 'data_processors/raw/__pycache__/processor_base.cpython-311.pyc';
