/**
 * Turns a plan run plus the commit ids git gave it into the manifest: the drift cases (see
 * drift-cases.ts) and the expected numbers, all taken from the plan's own state (never from running migratrack).
 */
import { CATEGORY_SLOTS, TOTAL_SLOTS } from './doc-state.js';
import { driftCases } from './drift-cases.js';
import { headCode } from './head-code.js';
import { DOC_COMMANDS } from './metrics.js';
import {
  BINARY_PYC,
  CLOUD_FUNCTIONS,
  DIRECT_PROCESSORS,
  DOC_PATH,
  FILE_PATHS,
  HIDDEN_SCRATCH_FILE,
  LATEST_TRAP_PROCESSOR,
  PROCESSOR_TEST_FILE,
  SCRAPERS,
  cloudFunctionPath,
} from './paths.js';
import type { PlanRun } from './runner.js';
import type { DemoDay, DemoExpected, DemoRepoInfo } from './types.js';

/** First and last day of the demo history (the doc's start date; end of Week 3). */
export const START_DATE = '2026-01-19';
/** @see START_DATE */
export const END_DATE = '2026-02-08';

/** The doc's weekly targets (Week 3 has none). */
const MILESTONES = [
  { id: 'week-1', endDate: '2026-01-25', target: 26 },
  { id: 'week-2', endDate: '2026-02-01', target: 76 },
];

function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function slotPaths(): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [n, path] of Object.entries(FILE_PATHS)) out[Number(n)] = path;
  CLOUD_FUNCTIONS.forEach((name, i) => (out[30 + i] = cloudFunctionPath(name)));
  DIRECT_PROCESSORS.forEach((path, i) => (out[40 + i] = path));
  SCRAPERS.forEach((path, i) => (out[58 + i] = path));
  return out;
}

function expected(run: PlanRun, sha: (mark: number) => string): DemoExpected {
  const days: DemoDay[] = [];
  for (const date of eachDate(START_DATE, END_DATE)) {
    const last = run.main.filter((p) => p.date <= date).at(-1);
    if (!last) continue;
    const metrics = Object.fromEntries(DOC_COMMANDS.map((c, i) => [c.command, last.metrics[i] ?? 0]));
    days.push({
      date,
      commit: sha(last.mark),
      declaredDone: last.declaredDone,
      summaryTotalDone: last.summaryTotal,
      metrics,
    });
  }
  const milestones = MILESTONES.map((m) => ({
    ...m,
    declaredDoneAtEnd: days.find((d) => d.date === m.endDate)?.declaredDone ?? 0,
    metOn: run.main.find((p) => p.declaredDone >= m.target)?.date ?? null,
  }));
  const headDeclared: DemoExpected['headDeclared'] = {};
  for (const n of Object.keys(FILE_PATHS).map(Number)) headDeclared[n] = run.doc.status(n);
  const done = run.doc.categoryDone();
  const headCategories: DemoExpected['headCategories'] = {};
  for (const [id, [first, last]] of Object.entries(CATEGORY_SLOTS)) {
    headCategories[id] = {
      slots: last - first + 1,
      declaredDone: done[id] ?? 0,
      summaryDone: run.doc.summary[id] ?? 0,
    };
  }
  return {
    startDate: START_DATE,
    endDate: END_DATE,
    totalSlots: TOTAL_SLOTS,
    days,
    milestones,
    headDeclared,
    headCategories,
    headCode: headCode(run.world),
    slotPaths: slotPaths(),
    merges: run.merges.map((m) => ({
      commit: sha(m.mark),
      date: m.date,
      branch: m.branch,
      branchCommits: m.branchMarks.map(sha),
    })),
    traps: [
      {
        path: HIDDEN_SCRATCH_FILE,
        why: 'in a dot-directory; grep -r reads it (requests.post(), scanners that skip dotfiles do not',
      },
      { path: BINARY_PYC, why: 'binary (NUL bytes) containing bigquery.Client(; excluded by --include="*.py"' },
      {
        path: LATEST_TRAP_PROCESSOR,
        why: 'real direct bigquery.Client( the Files 40-56 command drops: "latest" contains "test"',
      },
      { path: PROCESSOR_TEST_FILE, why: 'test under data_processors/ with bigquery.Client(; grep -v "test" drops it' },
      {
        path: 'tests/test_bigquery_pool.py',
        why: "top-level test mentioning bigquery.Client(; outside every command's dirs",
      },
      { path: 'backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py', why: 'file name with spaces (slot 66)' },
      {
        path: 'shared/clients/bigquery_pool.py',
        why: 'builds bigquery.Client( legitimately; outside data_processors/ and orchestration/',
      },
    ],
  };
}

/** Assembles the manifest for a generated repository. */
export function demoInfo(run: PlanRun, marks: Map<number, string>, root: string, version: string): DemoRepoInfo {
  const sha = (mark: number): string => {
    const value = marks.get(mark);
    if (!value) throw new Error(`demo: fast-import did not report mark :${mark}`);
    return value;
  };
  const head = run.main.at(-1);
  if (!head) throw new Error('demo plan: no commits on main');
  return {
    version,
    root,
    head: sha(head.mark),
    commits: run.commits.length,
    firstParentCommits: run.main.length,
    docPath: DOC_PATH,
    drift: driftCases(run, sha),
    expected: expected(run, sha),
  };
}
