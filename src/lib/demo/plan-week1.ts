/**
 * Jan 19-25: Tasks 3.1.1-3.1.3 start well, then slip; the Week 1 target (26/76) is missed.
 * Mess planted here: File 9 declared Complete on Jan 21 with no code (code lands Jan 26), and
 * File 13 migrated on Jan 24 with the doc never updated.
 */
import { all, code, commit, migrate } from './plan-helpers.js';
import type { PlanDay } from './plan-types.js';

/** Days of Week 1. */
export const WEEK_1: PlanDay[] = [
  {
    date: '2026-01-19',
    commits: [
      commit('09:05', 'Import nba-stats-pipeline at v2.7.1', () => {}),
      commit('09:40', 'docs: add jitter adoption & pooling tracking doc (Session 119)', (x) => x.label('doc-added')),
      commit('11:20', 'processor_base: use shared serialization retry (Task 3.1.1)', code(1, 'dedupe')),
      commit('13:45', 'nbac_gamebook_processor: drop duplicate _is_serialization_conflict', code(2, 'dedupe')),
      commit('15:10', 'docs: Files 1-2 complete', (x) => {
        x.declare(1, 'done');
        x.declare(2, 'done');
        x.refresh();
      }),
    ],
  },
  {
    date: '2026-01-20',
    commits: [
      commit('09:30', 'batch_writer: replace manual retry loops with SERIALIZATION_RETRY/QUOTA_RETRY', (x) => {
        x.code(3, 'retry');
        x.declare(3, 'in-progress', { marker: '⚠️', ticks: 2 });
      }),
      commit('11:05', 'docs: File 3 complete', (x) => x.declare(3, 'done')),
      commit('13:15', 'espn_team_roster_processor: wrap DELETE/INSERT in SERIALIZATION_RETRY', migrate(4, 'jitter')),
      commit('15:00', 'odds_game_lines_processor: submit MERGE inside the retry; docs Files 5-6', (x) => {
        x.code(6, 'jitter');
        x.declare(5, 'done', { notes: 'Already correct, no change needed.' });
        x.declare(6, 'done');
      }),
    ],
  },
  {
    date: '2026-01-21',
    commits: [
      commit('09:20', 'bdl_player_boxscores_processor: add SERIALIZATION_RETRY', migrate(7, 'jitter')),
      commit('11:45', 'nbac_schedule_processor: add SERIALIZATION_RETRY', migrate(8, 'jitter')),
      // Declared before the code exists: the change is still in someone's working copy.
      commit('14:30', 'docs: mark nbac_team_boxscore_processor complete', (x) => {
        x.declare(9, 'done');
        x.label('file9-declared');
      }),
      commit('15:10', 'docs: progress 9/76', (x) => x.refresh()),
    ],
  },
  {
    date: '2026-01-22',
    commits: [
      commit(
        '10:00',
        'player_game_summary_processor: SERIALIZATION_RETRY + QUOTA_RETRY on MERGE',
        migrate(10, 'jitter'),
      ),
      commit('12:30', 'team_defense_game_summary_processor: add retry decorators', (x) => {
        x.code(11, 'jitter');
        x.declare(11, 'in-progress', { marker: '🟡', ticks: 1 });
      }),
      commit(
        '15:00',
        'team_offense_game_summary_processor: add retry decorators; docs File 11 verified',
        all(migrate(12, 'jitter'), (x) => x.declare(11, 'done')),
      ),
    ],
  },
  {
    date: '2026-01-23',
    commits: [
      commit('09:40', 'upcoming_team_game_context_processor: add retry decorators', migrate(14, 'jitter')),
      commit('11:30', 'docs: File 15 needs no change (inherits BatchWriter)', (x) =>
        x.declare(15, 'done', { notes: 'No direct changes; covered by Task 3.1.2.' }),
      ),
      commit('14:00', 'player_daily_cache_processor: add retry decorators', migrate(16, 'jitter')),
      commit('15:20', 'docs: progress update', (x) => x.refresh()),
    ],
  },
  {
    date: '2026-01-24',
    commits: [
      // Migrated on a Saturday; nobody updates the doc, ever.
      commit(
        '11:00',
        'upcoming_player_game_context_processor: wrap MERGE in SERIALIZATION_RETRY',
        (x) => {
          x.code(13, 'jitter');
          x.label('file13-code');
        },
        { author: 'sam' },
      ),
    ],
  },
  {
    date: '2026-01-25',
    commits: [
      commit('12:00', 'player_composite_factors_processor: add retry decorators', migrate(17, 'jitter'), {
        author: 'sam',
      }),
    ],
  },
];
