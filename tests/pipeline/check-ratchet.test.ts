/**
 * `migratrack check` as CI runs it, on the real pipeline (issue 7): a baseline recorded from the
 * demo, a call re-introduced in a tracked file → exit 1 naming the file and line, the fix → exit 0.
 * The oracle for the metric is GNU grep on the same tree.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDemo, git, ROOT, removeTempDirs, tempDir, tool } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'migratrack.mjs');
const FILE = 'data_processors/raw/processor_base.py';

let repo = '';
let doc = '';
let baseline = '';

function check(...extra: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'check', '--repo', repo, '--doc', doc, '--baseline', baseline, '--no-backfill', ...extra], {
    cwd: path.dirname(baseline),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

function grepCount(): number {
  return tool('grep', ['-r', 'bigquery\\.Client(', 'data_processors/', 'orchestration/', '--include=*.py'], repo).split('\n').filter(Boolean).length;
}

beforeAll(async () => {
  const work = tempDir('mt-check-');
  const demo = await freshDemo(work);
  repo = demo.root;
  doc = demo.docPath;
  baseline = path.join(work, 'baseline.json');
  expect(check('--update').code).toBe(0);
}, 300_000);

afterAll(removeTempDirs);

describe('migratrack check on the demo', () => {
  it('fails when a remaining call comes back, naming the file and line', () => {
    const before = grepCount();
    appendFileSync(path.join(repo, FILE), '    client = bigquery.Client(project=project_id)\n');
    const lines = tool('grep', ['-n', 'bigquery\\.Client(', FILE], repo).trim().split('\n');
    const added = lines[lines.length - 1]!.split(':')[0];
    const result = check();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`rose ${before} → ${grepCount()}`);
    expect(result.out).toContain(`${FILE}:${added}`);
  }, 120_000);

  it('passes again once the call is removed', () => {
    git(repo, ['checkout', '--', FILE]);
    const result = check();
    expect(result.code).toBe(0);
    expect(result.out).toContain('Check passed');
  }, 120_000);
});
