/**
 * Jan 26 - Feb 1: jitter work finishes late (Week 1's 26/76 is reached on Jan 28), pooling starts,
 * HTTP pooling happens on a short feature branch merged on Feb 1. Week 2's 76/76 is missed.
 * Mess planted here: File 9's code finally lands, File 19 declared Complete with no code (ever),
 * File 7 renamed with `git mv` while the doc keeps the old path.
 */
import { all, cloudFunctionsPooled, code, commit, migrate, processorsPooled, scrapersPooled } from './plan-helpers.js';
import { FILE_PATHS, RENAMED_FILE_7, SHARED_HTTP_POOL } from './paths.js';
import type { PlanDay } from './plan-types.js';
import { httpPool } from './static-files.js';

const BRANCH = 'feature/http-pool';

/** Days of Week 2. */
export const WEEK_2: PlanDay[] = [
  {
    date: '2026-01-26',
    commits: [
      commit(
        '09:15',
        'nbac_team_boxscore_processor: add SERIALIZATION_RETRY',
        all(code(9, 'jitter'), (x) => x.label('file9-code')),
      ),
      commit('10:30', 'player_shot_zone_analysis_processor: add retry decorators', migrate(18, 'jitter')),
      commit('13:00', 'prediction_accuracy_processor: retry BigQuery writes (not lock calls)', migrate(20, 'jitter')),
      commit('14:45', 'docs: system_daily_performance in progress', (x) =>
        x.declare(21, 'in-progress', {
          marker: '⚠️',
          ticks: 1,
          notes: 'May be retired with grading v2; waiting on decision.',
        }),
      ),
      commit(
        '15:30',
        'self_heal, mlb_self_heal: SERIALIZATION_RETRY around queries',
        all(migrate(22, 'jitter'), migrate(23, 'jitter')),
      ),
    ],
  },
  {
    date: '2026-01-27',
    commits: [
      commit(
        '09:30',
        'transition_monitor, grading: SERIALIZATION_RETRY around queries',
        all(migrate(24, 'jitter'), migrate(25, 'jitter')),
      ),
      commit('10:45', 'docs: File 26 has no BigQuery calls (HTTP is File 57)', (x) =>
        x.declare(26, 'done', { notes: 'No BigQuery writes; HTTP pooling tracked as File 57.' }),
      ),
      // Declared Complete, two of three boxes ticked, and the code never changes.
      commit('11:30', 'docs: team_defense_zone_analysis complete', (x) => {
        x.declare(19, 'done', { ticks: 2 });
        x.label('file19-declared');
      }),
      commit('12:15', 'docs: progress 24/76', (x) => x.refresh()),
      commit('14:30', 'processor_base: use pooled BigQuery client (Task 3.3)', migrate(27, 'pooled')),
      commit('15:20', 'docs: list processors that build their own BigQuery client', (x) => {
        x.doc.procListedOn = x.date;
      }),
    ],
  },
  {
    date: '2026-01-28',
    commits: [
      commit(
        '09:30',
        'analytics_base, precompute_base: pooled BigQuery client',
        all(migrate(28, 'pooled'), migrate(29, 'pooled')),
      ),
      commit('11:00', 'cloud functions phase2→3, 3→4, 4→5: get_bigquery_client', cloudFunctionsPooled(0, 1, 2)),
      commit('13:40', 'daily_health_check, self_heal: get_bigquery_client', cloudFunctionsPooled(3, 4)),
      commit('15:15', 'docs: progress update, Task 3.2 done', (x) => {
        x.refresh();
        x.doc.milestoneTicks.add('Complete Task 3.2');
      }),
    ],
  },
  {
    date: '2026-01-29',
    commits: [
      commit('09:40', 'mlb_self_heal, transition_monitor, grading: get_bigquery_client', cloudFunctionsPooled(5, 6, 7)),
      commit(
        '11:10',
        'cleanup_processor, dlq_monitor: get_bigquery_client',
        all(cloudFunctionsPooled(8, 9), (x) => x.label('dlq-migrated')),
      ),
      commit('13:30', 'injury report, player list, play-by-play processors: pooled client', processorsPooled(0, 1, 2)),
      commit('15:25', 'espn scoreboard/boxscore, bdl standings processors: pooled client', processorsPooled(3, 4, 5)),
    ],
  },
  {
    date: '2026-01-30',
    commits: [
      commit('09:20', 'rename bdl_player_boxscores_processor to match its table', (x) => {
        x.world.move(FILE_PATHS[7]!, RENAMED_FILE_7);
        x.label('file7-rename');
      }),
      commit('10:30', 'http_pool: add post() helper', (x) => x.world.setStatic(SHARED_HTTP_POOL, httpPool(true)), {
        branch: BRANCH,
        author: 'sam',
      }),
      commit('11:30', 'bdl active players, odds props processors: pooled client', processorsPooled(6, 7)),
      commit('13:00', 'workflow_executor: use pooled HTTP session', code(57, 'http'), {
        branch: BRANCH,
        author: 'sam',
      }),
      commit('14:00', 'docs: resolve the scraper list from grep output', (x) => {
        x.doc.scrapersResolved = true;
      }),
    ],
  },
  {
    date: '2026-01-31',
    commits: [
      commit('11:00', 'bdl_games, nbac_gamebook scrapers: pooled HTTP', scrapersPooled([0, 1], false), {
        branch: BRANCH,
        author: 'sam',
      }),
      commit('12:00', 'bigdataball, bettingpros processors: pooled client', processorsPooled(8, 9)),
    ],
  },
  {
    date: '2026-02-01',
    commits: [
      commit('10:00', `Merge branch '${BRANCH}'`, (x) => x.label('merge-http-pool'), { merge: BRANCH }),
      commit('11:00', 'docs: File 57 and first scrapers complete', (x) => {
        x.declare(57, 'done');
        x.doc.scraperTicks.add(0).add(1);
        x.refresh();
      }),
    ],
  },
];
