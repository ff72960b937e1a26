/**
 * The planted drift cases, resolved to commits and dates from the plan's labels. Each names the
 * snapshot drift kind a verifier should report at HEAD.
 */
import { DOC_PATH, FILE_PATHS, RENAMED_FILE_7, SCOPE_GROWTH_SCRAPER, SCRAPERS, cloudFunctionPath } from './paths.js';
import type { PlanRun } from './runner.js';
import type { DemoDrift } from './types.js';

/** Drift cases of a plan run; `sha` maps a fast-import mark to its commit id. */
export function driftCases(run: PlanRun, sha: (mark: number) => string): DemoDrift[] {
  const at = (label: string): { commit: string; date: string } => {
    const hit = run.labels.get(label);
    if (!hit) throw new Error(`demo plan: missing label ${label}`);
    return { commit: sha(hit.mark), date: hit.date };
  };
  const open = (label: string) => ({ since: at(label).date, commit: at(label).commit, until: null, resolvedBy: null });
  const closed = (from: string, to: string) => ({
    since: at(from).date,
    commit: at(from).commit,
    until: at(to).date,
    resolvedBy: at(to).commit,
  });
  const summary = run.doc.summary;
  const tableDone = Object.values(summary).reduce((a, b) => a + b, 0);
  return [
    {
      kind: 'declared-before-code',
      snapshotKind: null,
      itemNumber: 9,
      path: FILE_PATHS[9]!,
      ...closed('file9-declared', 'file9-code'),
      description: 'Declared ✅ Complete on Jan 21; the SERIALIZATION_RETRY change only lands on Jan 26.',
      details: { pattern: 'SERIALIZATION_RETRY' },
    },
    {
      kind: 'declared-not-in-code',
      snapshotKind: 'declared-done-not-in-code',
      itemNumber: 19,
      path: FILE_PATHS[19]!,
      ...open('file19-declared'),
      description: 'Declared ✅ Complete (2 of 3 boxes ticked) on Jan 27; the code never gets SERIALIZATION_RETRY.',
      details: { pattern: 'SERIALIZATION_RETRY' },
    },
    {
      kind: 'code-not-declared',
      snapshotKind: 'done-in-code-not-declared',
      itemNumber: 13,
      path: FILE_PATHS[13]!,
      ...open('file13-code'),
      description: 'Migrated on Sat Jan 24 (SERIALIZATION_RETRY added); the doc still says ⚪ Not Started at HEAD.',
      details: { pattern: 'SERIALIZATION_RETRY' },
    },
    {
      kind: 'regression',
      snapshotKind: 'declared-done-not-in-code',
      itemNumber: 39,
      path: cloudFunctionPath('dlq_monitor'),
      ...open('dlq-regression'),
      description: 'bigquery.Client( removed on Jan 29, back on Feb 4 (EU hotfix); the doc still ticks it ✅.',
      details: {
        pattern: 'bigquery\\.Client(',
        removedOn: at('dlq-migrated').date,
        removedBy: at('dlq-migrated').commit,
        line: '    eu_client = bigquery.Client(project=PROJECT_ID, location="EU")',
      },
    },
    {
      kind: 'regression',
      snapshotKind: 'declared-done-not-in-code',
      itemNumber: 61,
      path: SCRAPERS[3],
      ...open('espn-regression'),
      description: 'requests.get( removed on Feb 2, back on Feb 5 (auth-token hotfix); the doc still ticks it ✅.',
      details: {
        pattern: 'requests\\.get',
        removedOn: at('espn-migrated').date,
        removedBy: at('espn-migrated').commit,
        line: '        return requests.get(f"{self.url}/token", timeout=10).json()["token"]',
      },
    },
    {
      kind: 'renamed',
      snapshotKind: 'path-missing',
      itemNumber: 7,
      path: FILE_PATHS[7]!,
      ...open('file7-rename'),
      description:
        'git mv to bdl_player_box_scores_processor.py on Jan 30 (content unchanged); the doc keeps the old path.',
      details: { newPath: RENAMED_FILE_7 },
    },
    {
      kind: 'deleted',
      snapshotKind: 'path-missing',
      itemNumber: 21,
      path: FILE_PATHS[21]!,
      ...open('file21-delete'),
      description: 'Deleted on Feb 2 (replaced by grading v2); the doc still says ⚠️ In Progress.',
      details: { declaredStatus: 'in-progress' },
    },
    {
      kind: 'summary-stale',
      snapshotKind: 'summary-disagrees',
      path: DOC_PATH,
      ...open('summary-diverges'),
      description: `The summary table was last refreshed on Feb 3 (${tableDone}/76); the entries say ${run.doc.declaredDone()}/76 at HEAD and the header ${run.doc.headerDone}/76.`,
      details: {
        tableDone,
        entriesDone: run.doc.declaredDone(),
        headerDone: run.doc.headerDone,
        lastRefreshed: at('summary-last').date,
      },
    },
    {
      kind: 'scope-growth',
      snapshotKind: 'scope-growth',
      path: SCOPE_GROWTH_SCRAPER,
      ...open('scope-growth'),
      description:
        "New scraper added Feb 3 calling requests.get(; the doc's Task 3.4 command finds it, no slot lists it.",
      details: {
        command:
          'grep -r "requests\\.get\\|requests\\.post\\|requests\\.Session" scrapers/ backfill_jobs/ --include="*.py" | cut -d: -f1 | sort -u',
      },
    },
  ];
}
