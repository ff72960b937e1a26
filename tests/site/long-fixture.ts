/**
 * The long-history fixture (issue 18 "Measure"): the ten-month demo repository, built by the
 * real pipeline (backfill included), as the site reads it. Its manifest is the ground truth.
 */
import { join } from 'node:path';
import { generateLongDemoRepo, type LongDemoInfo } from '../../src/lib/demo/long/index.js';
import { buildSnapshot, writeSnapshot } from '../../src/lib/pipeline/index.js';
import type { SiteData } from '../../src/lib/site/index.js';
import { buildOptions, quietLogger } from '../pipeline/helpers.js';

export interface LongFixture {
  info: LongDemoInfo;
  data: SiteData;
  snapshotFile: string;
  historyFile: string;
}

/** Generates the repo under `work` and builds its snapshot and history there. */
export async function longFixture(work: string): Promise<LongFixture> {
  const info = await generateLongDemoRepo(join(work, 'long-repo'), { months: 10 });
  const options = buildOptions(work, info.root, info.docPath);
  const { snapshot, history } = await buildSnapshot(options, quietLogger(work));
  // The pipeline hands Astro a private temp file; the fixture keeps its own for the site builds.
  const snapshotFile = join(work, 'long-snapshot.json');
  await writeSnapshot(snapshotFile, snapshot);
  return {
    info,
    data: { snapshot, snapshotFile: 'snapshot.json', history, historyFile: null },
    snapshotFile,
    historyFile: options.history.file,
  };
}

/** Whole days from `a` to `b` (YYYY-MM-DD), by the calendar: the test's own arithmetic. */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000);
}

/** The story's figures at the end of each day: the last commit of the day. */
export function endOfDay(info: LongDemoInfo): LongDemoInfo['commits'] {
  return info.commits.filter((c, i) => info.commits[i + 1]?.day !== c.day);
}
