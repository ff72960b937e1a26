/**
 * Feb 2-8: pooling nearly finishes (72/76 declared at HEAD). Mess planted here: File 21 deleted
 * (doc still says In Progress), a new scraper outside the doc's list, two removed calls that come
 * back, and a summary table last refreshed on Feb 3.
 */
import { all, commit, processorsPooled, scrapersPooled } from './plan-helpers.js';
import { FILE_PATHS, SCOPE_GROWTH_SCRAPER, SCRAPERS, cloudFunctionPath } from './paths.js';
import type { PlanDay } from './plan-types.js';
import { body } from './text.js';

/** Days of Week 3. */
export const WEEK_3: PlanDay[] = [
  {
    date: '2026-02-02',
    commits: [
      commit('09:10', 'remove system_daily_performance_processor (replaced by grading v2)', (x) => {
        x.world.remove(FILE_PATHS[21]!);
        x.label('file21-delete');
      }),
      commit(
        '10:30',
        'odds_game_lines, espn_roster, br_roster scrapers: pooled HTTP',
        all(scrapersPooled([2, 3, 4]), (x) => x.label('espn-migrated')),
      ),
      commit('13:00', 'player streaks, team pace, rest days processors: pooled client', processorsPooled(10, 11, 12)),
      commit('15:00', 'backfill jobs: pooled HTTP session', scrapersPooled([5, 6])),
    ],
  },
  {
    date: '2026-02-03',
    commits: [
      commit(
        '09:30',
        'add nbac_referee_assignments scraper',
        (x) => {
          x.world.add(SCOPE_GROWTH_SCRAPER, { t: 'scraper', style: 'get' });
          x.label('scope-growth');
        },
        { author: 'sam' },
      ),
      commit('11:00', 'nbac schedule/boxscore/injury scrapers: pooled HTTP', scrapersPooled([9, 10, 11])),
      commit('14:00', 'matchup history, mlb grading processors: pooled client', processorsPooled(13, 14)),
      commit('15:30', 'docs: progress update', (x) => {
        x.refresh();
        x.label('summary-last');
      }),
    ],
  },
  {
    date: '2026-02-04',
    commits: [
      commit(
        '10:00',
        'dlq_monitor: query EU dead letters with a dedicated client',
        (x) => {
          x.code(cloudFunctionPath('dlq_monitor'), 'regressed');
          x.label('dlq-regression');
        },
        { author: 'sam' },
      ),
      // From here on the entries move and the summary table never follows.
      commit(
        '11:30',
        'espn scoreboard/boxscore, bdl standings scrapers: pooled HTTP',
        all(scrapersPooled([12, 13, 14]), (x) => x.label('summary-diverges')),
      ),
      commit('14:00', 'player registry, daily export: pooled client', processorsPooled(15, 16)),
    ],
  },
  {
    date: '2026-02-05',
    commits: [
      commit(
        '10:00',
        'espn_roster_scraper: fetch the auth token without the pool',
        (x) => {
          x.code(SCRAPERS[3]!, 'regressed');
          x.label('espn-regression');
        },
        { author: 'sam' },
      ),
      commit('11:00', 'bdl box scores, odds props scrapers: pooled HTTP', scrapersPooled([15, 16])),
      commit('14:20', 'docs: header progress, Week 3 documentation started', (x) => {
        x.refresh({ table: false, header: true });
        x.doc.milestoneTicks.add('Documentation updates');
      }),
    ],
  },
  {
    date: '2026-02-06',
    commits: [
      commit('09:30', 'backfill: odds history and the old bdl copy use pooled HTTP', scrapersPooled([7, 8])),
      commit(
        '13:00',
        'tests: pooled client is reused across processors',
        (x) =>
          x.world.setStatic(
            'tests/test_bigquery_pool.py',
            body(
              'from unittest import mock',
              '',
              'from shared.clients.bigquery_pool import get_bigquery_client',
              '',
              '',
              'def test_pool_reuses_clients():',
              '    with mock.patch("google.cloud.bigquery.Client") as client:',
              '        assert get_bigquery_client("p") is get_bigquery_client("p")',
              '    client.assert_called_once()  # i.e. bigquery.Client( runs once per project',
            ),
          ),
        { author: 'sam' },
      ),
    ],
  },
  {
    date: '2026-02-07',
    commits: [
      commit('12:00', 'README: document the pooling helpers', (x) =>
        x.world.setStatic(
          'README.md',
          body(
            '# nba-stats-pipeline',
            '',
            'Scrapers, processors and orchestration for the NBA props platform.',
            '',
            '## Connection pooling',
            '',
            '- BigQuery: `from shared.clients.bigquery_pool import get_bigquery_client`.',
            '- HTTP: `from shared.clients.http_pool import get, post` (or `get_http_session()`).',
            '',
            'Never call `bigquery.Client(` or `requests.get(` directly in new code.',
          ),
        ),
      ),
    ],
  },
  {
    date: '2026-02-08',
    commits: [
      commit('11:00', 'docs: staging deploy done, bump last updated', (x) => {
        x.refresh({ table: false, header: false, footer: true });
        x.doc.milestoneTicks.add('Deploy to staging');
      }),
    ],
  },
];
