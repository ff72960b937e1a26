/**
 * Reproducible builds (issue 20, item 16): two builds of the same input give the same bytes in every
 * output file, and SOURCE_DATE_EPOCH (reproducible-builds.org) is the time they say they were made.
 * Without it the snapshot is "as of" the scanned commit, not the clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BufferStream, runCli } from '../../src/lib/cli/index.js';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { expectOneLineError, git, initRepo, trackingDoc, workspace, writeFiles, commitAll } from '../security/fixtures/workspace.js';

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const stdout = new BufferStream(false);
  const stderr = new BufferStream(false);
  const code = await runCli(argv, { stdout, stderr, env: { NO_COLOR: '1', CI: 'true', ...env }, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), readFileSync(full));
  }
  return files;
}

function target() {
  const ws = workspace();
  initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" . | wc -l']) });
  writeFiles(ws.repo, { 'src/b.py': 'pool()\n' });
  commitAll(ws.repo, 'second');
  return ws;
}

describe('reproducible builds', { timeout: 300_000 }, () => {
  it('two builds of the same input: identical bytes in every file; SOURCE_DATE_EPOCH is the time they show', async () => {
    const ws = target();
    const epoch = '1771502400'; // 2026-02-19T12:00:00Z
    const build = (name: string) =>
      run(['build', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', path.join(ws.dir, `${name}.json`), '--out', path.join(ws.dir, name)], ws.dir, { SOURCE_DATE_EPOCH: epoch });
    const first = await build('one');
    expect(first.code, first.stderr).toBe(0);
    const second = await build('two');
    expect(second.code, second.stderr).toBe(0);
    const [a, b] = [tree(path.join(ws.dir, 'one')), tree(path.join(ws.dir, 'two'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a.keys()].filter((file) => !a.get(file)!.equals(b.get(file)!))).toEqual([]);
    expect(readFileSync(path.join(ws.dir, 'one.json')).equals(readFileSync(path.join(ws.dir, 'two.json')))).toBe(true);
    const snapshot = Snapshot.parse(JSON.parse(a.get(path.join('api', 'snapshot.json'))!.toString()));
    expect(snapshot.generatedAt).toBe('2026-02-19T12:00:00.000Z');
    // "Today" for the burndown is that day too, not the clock's.
    expect(snapshot.burndown?.points.at(-1)?.date).toBe('2026-02-19');
    expect(a.get('index.html')!.toString()).toContain('2026-02-19T12:00:00.000Z');
  });

  it('without SOURCE_DATE_EPOCH the snapshot is as of the scanned commit: two runs print the same JSON', async () => {
    const ws = target();
    const scan = () => run(['scan', '--format', 'json', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir);
    const [one, two] = [await scan(), await scan()];
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const committed = new Date(git(ws.repo, 'log', '-1', '--format=%cI').trim()).toISOString();
    expect(Snapshot.parse(JSON.parse(one.stdout)).generatedAt).toBe(committed);
  });

  it('a SOURCE_DATE_EPOCH that is not whole seconds: exit 2, one line', async () => {
    const ws = target();
    for (const value of ['yesterday', '1.5', '-1', '99999999999999']) {
      const r = await run(['scan', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir, { SOURCE_DATE_EPOCH: value });
      expectOneLineError(r, /^migratrack: SOURCE_DATE_EPOCH: ".*" is not a Unix time \(expected whole seconds since 1970/);
    }
  });
});
