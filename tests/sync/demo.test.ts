/**
 * `migratrack sync` on the demo repository (issue 19): the diff touches only the status lines of
 * the items the demo plants as drifted and the summaries, the planted "declared done, code not"
 * items are left alone without --demote, `--write` leaves a doc a second sync does not change,
 * and `--check` fails before and passes after.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { freshDemo, removeTempDirs } from '../demo/fixture.js';
import { run } from '../cli/helpers.js';
import { changedLines } from './helpers.js';

let demo: DemoRepoInfo;
let docFile: string;
let original: Buffer;
const sync = (...flags: string[]) => run(['sync', '--repo', demo.root, '--doc', demo.docPath, ...flags], { cwd: demo.root, env: { NO_COLOR: '1' } });

beforeAll(async () => {
  demo = await freshDemo();
  docFile = path.join(demo.root, demo.docPath);
  original = readFileSync(docFile);
});
afterAll(removeTempDirs);

/** Doc lines of the planted items with the given snapshot drift kind (their Status line or their slot line). */
function plantedLines(kind: string): number[] {
  const doc = parseTrackingDoc(original, demo.docPath);
  const numbers = demo.drift.filter((drift) => drift.snapshotKind === kind).map((drift) => drift.itemNumber);
  return doc.items.filter((item) => numbers.includes(item.number ?? -1)).map((item) => {
    const status = item.fields.find((field) => field.key === 'Status');
    return status?.source.startLine ?? item.source.startLine;
  });
}

describe('sync on the demo repository', () => {
  it('prints a diff touching only the planted items\' status lines and the summaries, writing nothing', async () => {
    const result = await sync();
    expect(result.code).toBe(0);
    expect(readFileSync(docFile).equals(original)).toBe(true);
    const doc = parseTrackingDoc(original, demo.docPath);
    const summaryLines = new Set([...doc.summary.map((row) => row.source.startLine), doc.header.fieldSources?.['Progress']?.startLine]);
    const changed = diffLines(result.stdout);
    const statusChanged = changed.filter((line) => !summaryLines.has(line));
    expect(statusChanged).toEqual(plantedLines('done-in-code-not-declared'));
    expect(changed.some((line) => summaryLines.has(line))).toBe(true);
    for (const line of plantedLines('declared-done-not-in-code')) {
      expect(result.stderr).toMatch(new RegExp(`${demo.docPath}:${line}: .* left as done \\(code: (not-started|in-progress)\\).*--demote`));
    }
  });

  it('--check fails while the doc is behind, --write fixes it, and a second sync is a no-op', async () => {
    expect((await sync('--check')).code).toBe(1);
    const written = await sync('--write');
    expect(written.code).toBe(0);
    const after = readFileSync(docFile);
    expect(changedLines(original, after).filter((line) => plantedLines('done-in-code-not-declared').includes(line))).toEqual(plantedLines('done-in-code-not-declared'));
    const again = await sync('--check');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    await sync('--write');
    expect(readFileSync(docFile).equals(after)).toBe(true);
  });

  it('--demote also lowers the planted items the code shows not done', async () => {
    writeFileSync(docFile, original);
    const result = await sync('--demote');
    const changed = diffLines(result.stdout);
    for (const line of [...plantedLines('declared-done-not-in-code'), ...plantedLines('done-in-code-not-declared')]) expect(changed).toContain(line);
  });

  it('refuses --write together with --check', async () => {
    const result = await sync('--write', '--check');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--write and --check');
  });
});

/** Old-side line numbers of the lines a unified diff removes or replaces. */
function diffLines(diff: string): number[] {
  const lines: number[] = [];
  let old = 0;
  for (const line of diff.split('\n')) {
    const hunk = /^@@ -(\d+)/.exec(line);
    if (hunk) old = Number(hunk[1]);
    else if (line.startsWith('---') || line.startsWith('+++') || line.startsWith('=')) continue;
    else if (line.startsWith('-')) lines.push(old++);
    else if (line.startsWith(' ')) old++;
  }
  return lines;
}
