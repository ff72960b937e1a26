/**
 * The count-only path (`grep … | wc -l`, evaluate.ts countLines) against the general one: the same
 * pipeline with a `grep ''` stage before `wc -l`, which passes every line and so makes the scanner
 * build each output line, must give the same value, per-file and per-directory counts, matches
 * and stderr, on the hostile fixture (a name with a newline, binary and Latin-1 files, links).
 * The values themselves are held to GNU grep in pipeline-oracle.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePipeline, fsTree, parseGrepCommand, type RepoTree } from '../../src/lib/scan/index.js';
import { makeFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let tree: RepoTree;
beforeAll(() => {
  fx = makeFixture();
  tree = fsTree(fx.root);
});
afterAll(() => fs.rmSync(path.dirname(fx.root), { recursive: true, force: true }));

async function run(command: string) {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new Error(parsed.reason);
  const { value, byFile, byDirectory, matches, stderr, unit } = await evaluatePipeline(parsed.pipeline, tree);
  return { value, byFile, byDirectory, matches, stderr, unit };
}

describe('count-only path', () => {
  it.each([
    'grep -r "bigquery\\.Client(" . | wc -l',
    'grep -rn "bigquery\\.Client(" src | wc -l',
    'grep -rh "requests\\." . | wc -l',
    'grep -r "Client" src/new*line.py src/a.py | wc -l',
    'grep -rI "bigquery" . | wc -l',
    'grep -r "bigquery" bin | wc -l',
    'grep -rv "bigquery" src --include="*.py" | wc -l',
    'grep -R "Client" . | wc -l',
    'grep "caf" src/latin1.py | wc -l',
  ])('%s', async (command) => {
    const counted = await run(command);
    const general = await run(command.replace(/ \| wc -l$/, " | grep '' | wc -l"));
    expect(counted).toEqual(general);
    // Not vacuous: something counted, or grep said why not (a binary file, an encoding error).
    expect(counted.value > 0 || counted.stderr.some((line) => line.endsWith('binary file matches'))).toBe(true);
  });
});
