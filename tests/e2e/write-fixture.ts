/**
 * Writes the fixture snapshot and history as JSON files, the inputs `astro build` reads through
 * MIGRATRACK_SNAPSHOT / MIGRATRACK_HISTORY. Also runnable: `tsx tests/e2e/write-fixture.ts <dir>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeHistory } from '../site/fixtures/history.js';
import { makeSnapshot } from '../site/fixtures/snapshot.js';

/** Writes snapshot.json and history.json into `dir`; returns their paths. */
export function writeFixture(dir: string): { snapshotFile: string; historyFile: string } {
  mkdirSync(dir, { recursive: true });
  const snapshotFile = join(dir, 'snapshot.json');
  const historyFile = join(dir, 'history.json');
  writeFileSync(snapshotFile, `${JSON.stringify(makeSnapshot(), null, 2)}\n`);
  writeFileSync(historyFile, `${JSON.stringify(makeHistory(), null, 2)}\n`);
  return { snapshotFile, historyFile };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(writeFixture(resolve(process.argv[2] ?? '.tmp/site-fixture')));
}
