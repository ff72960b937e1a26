/**
 * The scan's one pass (issue 21 item 3) against what it replaced: the same pipeline given twice is
 * evaluated once but each caller gets a result of its own, equal to evaluating it alone; the
 * lent buffers of `peekSync` give what copied reads give; and the build's tree view (config
 * `ignore`) keeps `git grep`'s tracked-only rule, held to real `git grep`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTree } from '../../src/lib/pipeline/tree.js';
import type { RepoInfo } from '../../src/lib/pipeline/repo-info.js';
import { evaluatePipeline, evaluatePipelines, gitTree, type RepoTree } from '../../src/lib/scan/index.js';
import { gitInit, grepPipeline, makeFixture, type Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(() => {
  fx = makeFixture();
  gitInit(fx.root);
  // Untracked files: git grep without --untracked does not search them.
  fs.writeFileSync(path.join(fx.root, 'src/untracked.py'), 'bigquery.Client(untracked)\n');
  fs.writeFileSync(path.join(fx.root, 'lib/skipped.py'), 'bigquery.Client(ignored by config)\n');
});
afterAll(() => fs.rmSync(path.dirname(fx.root), { recursive: true, force: true }));

const pipeline = grepPipeline;

const COMMANDS = [
  'grep -r "bigquery\\.Client(" src/ lib/ --include="*.py" | wc -l',
  'grep -rn "requests\\.get\\|requests\\.post" src/ | grep -v "http_pool"',
  'grep -rc "bigquery" . --include="*.py"',
  'git grep -n "bigquery\\.Client("',
];

describe('one pass for all pipelines', () => {
  it('gives a pipeline listed twice the result it has alone, as separate objects', async () => {
    const tree = await gitTree(fx.root);
    const pipelines = [...COMMANDS, COMMANDS[0] as string, COMMANDS[1] as string].map(pipeline);
    const together = await evaluatePipelines(pipelines, tree);
    for (const [k, p] of pipelines.entries()) expect(together[k]).toEqual(await evaluatePipeline(p, tree));
    expect(together[4]).not.toBe(together[0]);
    together[4]?.byFile.push({ path: 'x', count: 1 });
    expect(together[0]?.byFile.some((f) => f.path === 'x')).toBe(false);
    tree.close?.();
  });

  it('gives pipelines over some of the same files, in the same order or not, what each has alone', async () => {
    const tree = await gitTree(fx.root);
    // Their file lists start alike (src/ then lib/), are the same, or hold the same files later.
    const pipelines = ['grep -rn "bigquery" src/', 'grep -rc "requests" src/ lib/', 'grep -rn "Client" src/ lib/', 'grep -rl "import" lib/ src/', 'grep -rn "x" src/'].map(pipeline);
    const together = await evaluatePipelines(pipelines, tree);
    for (const [k, p] of pipelines.entries()) expect(together[k]).toEqual(await evaluatePipeline(p, tree));
    expect(together.every((r) => r.filesSearched > 0)).toBe(true);
    tree.close?.();
  });

  it('scans lent buffers (peekSync) exactly as copied ones (readSync)', async () => {
    const tree = await gitTree(fx.root);
    expect(tree.peekSync).toBeDefined();
    const copying: RepoTree = { ...tree, peekSync: undefined };
    const pipelines = COMMANDS.map(pipeline);
    expect(await evaluatePipelines(pipelines, tree)).toEqual(await evaluatePipelines(pipelines, copying));
    tree.close?.();
  });
});

describe('the build tree with config ignore', () => {
  it('still searches only tracked files for git grep, as git grep does', async () => {
    const repo = { root: fx.root, isGit: true } as RepoInfo;
    const tree = await openTree(repo, ['lib/skipped.py'], []);
    expect(tree.paths).toContain('src/untracked.py');
    expect(tree.paths).not.toContain('lib/skipped.py');
    const result = await evaluatePipeline(pipeline('git grep -c "bigquery\\.Client(" -- "*.py"'), tree);
    // The real tool on the same repository (lib/skipped.py is untracked, so git grep skips it too).
    const real = execFileSync('git', ['grep', '-c', 'bigquery\\.Client(', '--', '*.py'], { cwd: fx.root }).toString('latin1').trim().split('\n');
    expect(result.output.length).toBe(real.length);
    expect(result.output.some((line) => line.startsWith('src/untracked.py'))).toBe(false);
    expect(result.value).toBe(real.reduce((n, line) => n + Number(line.slice(line.lastIndexOf(':') + 1)), 0));
    tree.close?.();
  });
});
