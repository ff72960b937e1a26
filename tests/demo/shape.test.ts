import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOUD_FUNCTIONS,
  DOC_PATH,
  FILE_PATHS,
  SCRAPERS,
  cloudFunctionPath,
  git,
  readSeedDoc,
  type DemoRepoInfo,
} from '../../src/lib/demo/index.js';
import { freshDemo, removeTempDirs, gitGrep, grepR, show } from './fixture.js';

let info: DemoRepoInfo;
let first: string;
let docAdded: string;

/** Paths the seed names: `Path:` fields, the cloud-function list and the expected scrapers. */
function seedPaths(seed: string): string[] {
  const paths = new Set<string>();
  for (const m of seed.matchAll(/^- \*\*Path:\*\* `([^`]+)`/gm)) paths.add(m[1]!);
  for (const m of seed.matchAll(/^\d+\. (\S+\/main\.py)$/gm)) paths.add(`orchestration/cloud_functions/${m[1]}`);
  for (const m of seed.matchAll(/^- ((?:scrapers|backfill_jobs)\/\S+\.py)$/gm)) paths.add(m[1]!);
  return [...paths];
}

beforeAll(async () => {
  info = await freshDemo();
  [first, docAdded] = (await git(info.root, ['rev-list', '--first-parent', '--reverse', 'main']))
    .trim()
    .split('\n') as [string, string];
});

afterAll(removeTempDirs);

describe('demo repo shape', () => {
  it('has every path the seed names at the first commit', async () => {
    const paths = seedPaths(readSeedDoc());
    // 30 Path fields naming 28 paths (1=27, 26=57), 10 listed functions (4 of them Files 22-25), 5 scrapers.
    expect(paths.length).toBe(28 + 10 - 4 + 5);
    for (const path of paths) expect(await show(info.root, first, path), path).not.toBeNull();
    for (const name of CLOUD_FUNCTIONS)
      expect(await show(info.root, first, cloudFunctionPath(name))).toContain('bigquery.Client(');
  });

  it('keeps every seed path at HEAD except the renamed and deleted ones', async () => {
    const gone = new Set(info.drift.filter((d) => d.kind === 'renamed' || d.kind === 'deleted').map((d) => d.path));
    expect(gone.size).toBe(2);
    for (const path of seedPaths(readSeedDoc())) {
      expect(await show(info.root, 'HEAD', path), path).toSatisfy((text: string | null) =>
        gone.has(path) ? text === null : text !== null,
      );
    }
  });

  it('adds the doc, byte-identical to the clean seed, in the second commit', async () => {
    expect(await show(info.root, first, DOC_PATH)).toBeNull();
    const seed = readFileSync(new URL('../../examples/JITTER-ADOPTION-TRACKING.md', import.meta.url), 'utf8');
    expect(await show(info.root, docAdded, DOC_PATH)).toBe(seed);
  });

  it('puts _is_serialization_conflict at lines 62-78 and the retry constants at 32-34, as the doc says', async () => {
    for (const n of [1, 2]) {
      const lines = (await show(info.root, first, FILE_PATHS[n]!))!.split('\n');
      expect(lines[61]).toBe('def _is_serialization_conflict(exc: Exception) -> bool:');
      expect(lines[77]).toBe('    return False');
      expect(lines[78]).toBe('');
    }
    const writer = (await show(info.root, first, FILE_PATHS[3]!))!.split('\n');
    expect(writer.slice(31, 34)).toEqual([
      '# Manual retry configuration',
      'MAX_RETRIES = 3',
      'RETRY_DELAY_SECONDS = 5',
    ]);
    const head = (await show(info.root, 'HEAD', FILE_PATHS[1]!))!;
    expect(head).not.toContain('_is_serialization_conflict');
    expect(head).toContain(
      'from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY',
    );
    expect(head).toContain('self.bq_client = get_bigquery_client(project_id=project_id)');
  });

  it('remaining bigquery.Client( calls fall from the first commit to HEAD', async () => {
    const before = await gitGrep(info.root, first, 'bigquery\\.Client(', ['data_processors', 'orchestration']);
    const after = await gitGrep(info.root, 'HEAD', 'bigquery\\.Client(', ['data_processors', 'orchestration']);
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(0); // the regression, the "latest" processor, the test file
    expect(after.length).toBeLessThan(before.length / 4);
  });

  it('the Files 40-56 command finds exactly 17 processors at the first commit and none at HEAD', async () => {
    // grep -r "bigquery\.Client(" data_processors/ --include="*.py" | grep -v "base.py" | grep -v "test"
    const command = (lines: string[]) => lines.filter((l) => !l.includes('base.py') && !l.includes('test'));
    const at = async (rev: string) =>
      command(
        (await gitGrep(info.root, rev, 'bigquery\\.Client(', ['data_processors/*.py'])).map((l) =>
          l.slice(rev.length + 1),
        ),
      );
    expect(await at(first)).toHaveLength(17);
    expect(await at('HEAD')).toHaveLength(0);
    // Same answer from real grep over the checked-out HEAD.
    expect(command(await grepR(info.root, 'bigquery\\.Client(', ['data_processors/']))).toHaveLength(0);
  });

  it('the Task 3.4 command finds the 19 scrapers at first, and the leftovers + scope growth at HEAD', async () => {
    const files = (lines: string[]) => [...new Set(lines.map((l) => l.split(':')[0]!))].sort();
    const pattern = 'requests\\.get\\|requests\\.post\\|requests\\.Session';
    const atFirst = files(
      (await gitGrep(info.root, first, pattern, ['scrapers/*.py', 'backfill_jobs/*.py'])).map((l) =>
        l.slice(first.length + 1),
      ),
    );
    expect(atFirst).toEqual([...SCRAPERS].sort());
    const atHead = files(await grepR(info.root, pattern, ['scrapers/', 'backfill_jobs/']));
    expect(atHead).toEqual(
      [
        'scrapers/bettingpros/bp_player_props_scraper.py',
        'scrapers/bigdataball/bigdataball_pbp_scraper.py',
        'scrapers/espn/espn_roster_scraper.py',
        'scrapers/nbacom/nbac_referee_assignments_scraper.py',
      ].sort(),
    );
  });

  it('contains the scanner traps: hidden, binary, spaces, executable', async () => {
    const hidden = await grepR(info.root, 'requests\\.get\\|requests\\.post', ['scrapers/', 'orchestration/']);
    expect(hidden.some((l) => l.startsWith('orchestration/.scratch/replay_failed.py:'))).toBe(true);
    const binary = await git(info.root, ['grep', '-c', 'bigquery\\.Client(', 'HEAD', '--', '*.pyc']);
    expect(binary).toContain('processor_base.cpython-311.pyc');
    expect(
      readFileSync(join(info.root, 'backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py'), 'utf8'),
    ).toContain('get_http_session');
    expect(await git(info.root, ['ls-files', '-s', 'bin/deploy_functions.sh'])).toMatch(/^100755 /);
    for (const trap of info.expected.traps) expect(await show(info.root, 'HEAD', trap.path), trap.path).not.toBeNull();
  });

  it('counts "✅ Complete" lines in the doc the way the doc\'s own command would', async () => {
    const count = async (rev: string) =>
      (await git(info.root, ['show', `${rev}:${DOC_PATH}`])).split('\n').filter((l) => l.includes('✅ Complete'))
        .length;
    expect(await count(docAdded)).toBe(2); // the grep -c command itself and the File Update Template
    expect(await count('HEAD')).toBeGreaterThan(20);
  });
});
