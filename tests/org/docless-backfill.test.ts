/**
 * Issue 24: a repository without a tracking doc, tracked by the org config's patterns, gets its
 * history backfilled from git like a repository with a doc: one record per day of its first-parent
 * history, each counting what `git grep` counts at that day's last commit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Shard } from '../../src/lib/org/index.js';
import { run, tempDir } from '../cli/helpers.js';
import { makeTestRepo, type TestCommit } from '../helpers/git-repo.js';
import { ORG_METRIC } from './fixture.js';

const ENV = { SOURCE_DATE_EPOCH: '1768392000', NO_COLOR: '1' }; // 2026-01-14T12:00:00Z
const OLD = 'client = bigquery.Client()\n';
const NEW = 'client = pool.get()\n';

// Calls added, moved, removed and a file deleted over six days, two commits on one of them.
const STORY: TestCommit[] = [
  { date: '2026-01-05', message: 'jobs', files: { 'jobs/a.py': OLD + OLD, 'jobs/b.py': OLD } },
  { date: '2026-01-06', message: 'more jobs', files: { 'jobs/c.py': OLD + NEW + OLD, 'lib/d.py': OLD } },
  { date: '2026-01-07', message: 'migrate a', files: { 'jobs/a.py': NEW + NEW } },
  { date: '2026-01-07', message: 'migrate b (same day)', files: { 'jobs/b.py': NEW } },
  { date: '2026-01-09', message: 'drop d', files: { 'lib/d.py': null } },
  { date: '2026-01-12', message: 'a call comes back', files: { 'jobs/e.py': OLD } },
];

let dir: string;
let repo: string;
let shard: Shard;

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
}

/** What `git grep -c` counts at a commit: the matching lines, summed over files. */
function gitGrepCount(commit: string): number {
  let out = '';
  try {
    out = execFileSync('git', ['grep', '-F', '-c', ORG_METRIC.pattern, commit], { cwd: repo, encoding: 'utf8' });
  } catch {
    return 0; // no match: exit 1
  }
  return out.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
}

beforeAll(async () => {
  dir = tempDir();
  repo = path.join(dir, 'legacy-jobs');
  await makeTestRepo(repo, STORY);
  const config = path.join(dir, 'migratrack.org.json');
  writeFileSync(config, JSON.stringify({ title: 'Pool migration', repos: [{ name: 'legacy-jobs', repository: 'acme/legacy-jobs' }], metrics: [ORG_METRIC] }));
  const out = path.join(dir, 'legacy-jobs.json');
  const result = await run(['scan', '--shard', 'legacy-jobs', '--repo', '.', '--org-config', config, '--out', out], { cwd: repo, env: ENV });
  expect(result.stderr).toContain('Shard legacy-jobs written');
  expect(result.code).toBe(0);
  shard = Shard.parse(JSON.parse(readFileSync(out, 'utf8')));
}, 120_000);

describe('a repository without a doc', () => {
  it('has one backfilled record per commit day, at its last commit', () => {
    expect(shard.metricsOnly).toBe(true);
    const lastOfDay = new Map<string, string>();
    for (const line of git(['log', '--first-parent', '--reverse', '--format=%H %cI']).trim().split('\n')) {
      const [sha, at] = line.split(' ') as [string, string];
      lastOfDay.set(at.slice(0, 10), sha);
    }
    // The backfill's record of the last day is this run's (same commit), as for a repository with a doc.
    const records = shard.history.records;
    expect(records.map((r) => r.at.slice(0, 10))).toEqual([...lastOfDay.keys()]);
    expect(records.map((r) => r.commit)).toEqual([...lastOfDay.values()]);
    expect(records.map((r) => r.source)).toEqual(['backfill', 'backfill', 'backfill', 'backfill', 'run']);
  });

  it('counts what git grep counts at each of those commits', () => {
    const records = shard.history.records;
    const counts = records.map((r) => r.metrics[ORG_METRIC.id]);
    expect(counts).toEqual(records.map((r) => gitGrepCount(r.commit!)));
    // The story moves both ways, so a constant or a copy of HEAD's figure would not pass.
    expect(new Set(counts).size).toBeGreaterThan(2);
    // And this run's own record, at HEAD, agrees with the snapshot.
    const head = git(['rev-parse', 'HEAD']).trim();
    expect(shard.snapshot.metrics.find((m) => m.id === ORG_METRIC.id)?.value).toBe(gitGrepCount(head));
  });

  it('has no backfill with --no-backfill', async () => {
    const out = path.join(dir, 'no-backfill.json');
    const result = await run(['scan', '--shard', 'legacy-jobs', '--repo', '.', '--org-config', path.join(dir, 'migratrack.org.json'), '--out', out, '--no-backfill'], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    const plain = Shard.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(plain.history.records.filter((r) => r.source === 'backfill')).toEqual([]);
    expect(plain.history.records.length).toBe(1);
  });
});
