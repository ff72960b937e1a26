/** The code at the first commit (2026-01-19): every file the plan later migrates, unmigrated. */
import {
  CLOUD_FUNCTIONS,
  DIRECT_PROCESSORS,
  FILE_PATHS,
  LATEST_TRAP_PROCESSOR,
  SCRAPERS,
  cloudFunctionPath,
} from './paths.js';
import type { ScraperStyle } from './python-scrapers.js';
import { staticFiles } from './static-files.js';
import { CodeWorld } from './world.js';

/** Cloud functions Task 3.2 tracks for jitter (Files 22-25). */
const JITTER_FUNCTIONS = new Set(['self_heal', 'mlb_self_heal', 'transition_monitor', 'grading']);

/** DML shape per inheriting processor; the doc names DELETE + INSERT for File 4, MERGE for 5, 6, 10. */
const DELETE_INSERT = new Set([4, 8, 9, 12, 16, 18, 21]);

/** Files 5 and 15 already do what the doc asks ("No changes needed if already correct"). */
const ALREADY_DONE = new Set([5, 15]);

function scraperStyle(path: string): ScraperStyle {
  if (path.startsWith('backfill_jobs/')) return 'session';
  if (path.includes('props') || path.includes('gamebook')) return 'post';
  return 'get';
}

/** Builds the starting `CodeWorld`. */
export function initialWorld(): CodeWorld {
  const world = new CodeWorld();
  for (const [path, content] of Object.entries(staticFiles())) world.add(path, { t: 'static', content });
  world.add(FILE_PATHS[1]!, { t: 'processor-base' });
  world.add(FILE_PATHS[2]!, { t: 'gamebook' });
  world.add(FILE_PATHS[3]!, { t: 'batch-writer' });
  for (let n = 4; n <= 21; n++) {
    world.add(
      FILE_PATHS[n]!,
      { t: 'inheriting', pattern: DELETE_INSERT.has(n) ? 'delete-insert' : 'merge' },
      ALREADY_DONE.has(n) ? ['jitter'] : [],
    );
  }
  world.add(FILE_PATHS[28]!, { t: 'stage-base', stage: 'analytics' });
  world.add(FILE_PATHS[29]!, { t: 'stage-base', stage: 'precompute' });
  for (const name of CLOUD_FUNCTIONS) {
    world.add(cloudFunctionPath(name), { t: 'cloud-fn', name, jitterTracked: JITTER_FUNCTIONS.has(name) });
  }
  world.add(FILE_PATHS[57]!, { t: 'workflow' });
  for (const path of [...DIRECT_PROCESSORS, LATEST_TRAP_PROCESSOR]) world.add(path, { t: 'direct' });
  for (const path of SCRAPERS) world.add(path, { t: 'scraper', style: scraperStyle(path) });
  return world;
}
