/**
 * The closing line CI reads: a file whose beforeAll throws leaves its tests skipped, and the line
 * must still count a failure (session 10's red CI printed "1547 passed, 0 failed, 5 skipped").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function runFixtures(files: string[]): { status: number | null; lastLine: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mt-reporter-'));
  try {
    const config = path.join(dir, 'vitest.config.mjs');
    const reporter = path.join(ROOT, 'tests/support/plain-summary-reporter.ts');
    writeFileSync(config, `import Reporter from ${JSON.stringify(reporter)};\nexport default { test: { root: ${JSON.stringify(ROOT)}, include: ${JSON.stringify(files)}, reporters: [new Reporter()] } };\n`);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const lines = run.stdout.trim().split('\n');
    return { status: run.status, lastLine: lines[lines.length - 1] ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('counts a file whose set-up failed as a failure, its tests as skipped', { timeout: 120_000 }, () => {
  const run = runFixtures(['tests/support/fixtures/failing-set-up.fixture.ts', 'tests/support/fixtures/passing.fixture.ts']);
  expect(run.status).not.toBe(0);
  expect(run.lastLine).toBe('1 passed, 1 failed, 2 skipped');
});

it('says 0 failed of a green run', { timeout: 120_000 }, () => {
  const run = runFixtures(['tests/support/fixtures/passing.fixture.ts']);
  expect(run.status).toBe(0);
  expect(run.lastLine).toBe('1 passed, 0 failed, 0 skipped');
});
