/**
 * Three generated repositories of one org migration (each its own doc, files and dates) and one
 * without a doc, as real git repositories with fixed dates (tests/helpers/git-repo.ts).
 */
import path from 'node:path';
import { makeTestRepo, type TestCommit } from '../helpers/git-repo.js';

export const ORG_METRIC = { id: 'old-client', name: 'Direct bigquery.Client( calls', pattern: 'bigquery.Client(', flavour: 'fixed' as const };

const CONFIG = `${JSON.stringify({ doc: 'docs/MIGRATION.md', metrics: [{ ...ORG_METRIC, id: 'bq-client' }] })}\n`;
const OLD = 'client = bigquery.Client()\n';
const NEW = 'client = pool.get()\n';

function doc(paths: readonly string[], done: ReadonlySet<string>): string {
  const lines = paths.map((p) => `- [${done.has(p) ? 'x' : ' '}] \`${p}\``);
  return ['# Pool migration', '', '**Start Date:** 2026-01-05', '', '## Files', '', ...lines, '', '```bash', "grep -rn 'bigquery.Client(' --include='*.py' . | wc -l", '```', ''].join('\n');
}

/** A repository of `files` Python files, migrated `perStep` a day from `start`, the doc following a day late. */
function story(files: number, steps: number, start: string): TestCommit[] {
  const paths = Array.from({ length: files }, (_, i) => `svc/mod_${i}.py`);
  const day = (n: number) => new Date(Date.parse(`${start}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const commits: TestCommit[] = [
    {
      date: day(0),
      message: 'start',
      // The config's metric verifies each item's file (checkbox items name no check of their own).
      files: { 'migratrack.config.json': CONFIG, 'docs/MIGRATION.md': doc(paths, new Set()), ...Object.fromEntries(paths.map((p) => [p, OLD])) },
    },
  ];
  const migrated = new Set<string>();
  for (let s = 0; s < steps; s += 1) {
    const p = paths[s]!;
    const declared = new Set(migrated);
    migrated.add(p);
    commits.push({ date: day(1 + s), message: `migrate ${p}`, files: { [p]: NEW, 'docs/MIGRATION.md': doc(paths, declared) } });
  }
  return commits;
}

export interface OrgFixture {
  repos: { name: string; root: string; files: number; migrated: number }[];
  docless: { name: string; root: string; oldCalls: number };
}

export async function makeOrgRepos(dir: string): Promise<OrgFixture> {
  const specs = [
    { name: 'billing-api', files: 6, steps: 4, start: '2026-01-05' },
    { name: 'search', files: 4, steps: 1, start: '2026-01-07' },
    { name: 'ledger', files: 5, steps: 5, start: '2026-01-06' },
  ];
  const repos = [];
  for (const spec of specs) {
    const root = path.join(dir, spec.name);
    await makeTestRepo(root, story(spec.files, spec.steps, spec.start));
    repos.push({ name: spec.name, root, files: spec.files, migrated: spec.steps });
  }
  const docless = path.join(dir, 'legacy-jobs');
  await makeTestRepo(docless, [
    { date: '2026-01-08', message: 'jobs', files: { 'jobs/a.py': OLD + OLD, 'jobs/b.py': NEW, 'jobs/c.py': OLD } },
  ]);
  return { repos, docless: { name: 'legacy-jobs', root: docless, oldCalls: 3 } };
}

/** The org config naming them all. */
export function orgConfig(fixture: OrgFixture, extra: { name: string; repository: string }[] = []): object {
  return {
    title: 'Pool migration',
    repos: [
      ...fixture.repos.map((r) => ({ name: r.name, repository: `acme/${r.name}`, doc: 'docs/MIGRATION.md' })),
      { name: fixture.docless.name, repository: `acme/${fixture.docless.name}` },
      ...extra,
    ],
    metrics: [ORG_METRIC],
  };
}
