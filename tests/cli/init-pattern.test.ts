/**
 * `migratrack init --pattern` (issue 19) on the demo repository: the doc lists exactly the files
 * `git grep --untracked -l -E` lists, with `git grep -c` counts (real git as the oracle), reads back exactly
 * (items, categories by directory, milestones, start date, the count command), and `sync` keeps
 * it current once a file is migrated.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import { parseTrackingDoc, type TrackingDoc } from '../../src/lib/doc/index.js';
import { freshDemo, removeTempDirs } from '../demo/fixture.js';
import { run } from './helpers.js';

const PATTERN = String.raw`bigquery\.Client\(|requests\.(get|post)`;
let demo: DemoRepoInfo;
let doc: TrackingDoc;
let gitCounts: Map<string, number>;

const gitGrep = (...args: string[]): string[] => {
  try {
    return execFileSync('git', ['grep', ...args], { cwd: demo.root, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

beforeAll(async () => {
  demo = await freshDemo();
  // An untracked file counts (as `git grep --untracked` and every scan see the work tree); an ignored one does not.
  writeFileSync(path.join(demo.root, 'scrapers/new_untracked_scraper.py'), 'import requests\nrequests.get("https://x")\n');
  writeFileSync(path.join(demo.root, '.gitignore'), `${existsSync(path.join(demo.root, '.gitignore')) ? readFileSync(path.join(demo.root, '.gitignore'), 'utf8') : ''}\nbuild-cache/\n`);
  mkdirSync(path.join(demo.root, 'build-cache'), { recursive: true });
  writeFileSync(path.join(demo.root, 'build-cache/copy.py'), 'requests.get("y")\n');
  const result = await run(['init', '--pattern', PATTERN, '--include', '*.py', '--weeks', '3', '--start', '2026-12-03', '--doc', 'docs/MIGRATION.md'], { cwd: demo.root });
  expect(result.code, result.stderr).toBe(0);
  doc = parseTrackingDoc(readFileSync(path.join(demo.root, 'docs/MIGRATION.md')), 'docs/MIGRATION.md');
  gitCounts = new Map(gitGrep('--untracked', '-c', '-E', PATTERN, '--', '*.py').map((line) => {
    const at = line.lastIndexOf(':');
    return [line.slice(0, at), Number(line.slice(at + 1))];
  }));
});
afterAll(removeTempDirs);

describe('init --pattern', () => {
  it('lists exactly the files git grep -l lists, with git grep -c counts', () => {
    const listed = gitGrep('--untracked', '-l', '-E', PATTERN, '--', '*.py');
    expect(listed).toContain('scrapers/new_untracked_scraper.py');
    expect(listed).not.toContain('build-cache/copy.py');
    expect(listed.length).toBeGreaterThan(5);
    expect(doc.items.map((item) => item.path).sort()).toEqual([...listed].sort());
    for (const item of doc.items) {
      const count = Number(/\((\d+) match(?:es)?\)$/.exec(item.name)?.[1]);
      expect([item.path, count]).toEqual([item.path, gitCounts.get(item.path ?? '')]);
    }
  });

  it('reads back exactly: open boxes grouped by directory, the start date, the count command, the milestones', () => {
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(doc.items.every((item) => item.status.status === 'not-started' && item.reading?.reader === 'task-line')).toBe(true);
    const titles = new Map(doc.categories.map((category) => [category.id, category.title]));
    for (const item of doc.items) expect(titles.get(item.categoryId)).toBe(`${path.posix.dirname(item.path ?? '')}/`);
    expect(new Set(doc.items.map((item) => item.categoryId)).size).toBe(new Set([...gitCounts.keys()].map((file) => path.posix.dirname(file))).size);
    expect(doc.header.startDate).toBe('2026-12-03');
    expect(doc.header.progress).toEqual({ done: 0, total: doc.items.length, percent: 0 });
    expect(doc.commands.map((command) => command.command)).toEqual([`grep -rE -e '${PATTERN}' --include='*.py' . | wc -l`]);
    const total = doc.items.length;
    expect(doc.milestones.map((m) => [m.title, m.startDate, m.endDate, m.target?.done, m.target?.total])).toEqual([
      ['Week 1', '2026-12-03', '2026-12-09', Math.floor(total / 3), total],
      ['Week 2', '2026-12-10', '2026-12-16', Math.floor((2 * total) / 3), total],
      ['Week 3', '2026-12-17', '2026-12-23', total, total],
    ]);
    const planned = doc.milestones.flatMap((m) => m.tasks.map((task) => task.text.replace(/`/g, '')));
    expect(planned.sort()).toEqual(doc.items.map((item) => item.path).sort());
  });

  it('counts what is left with the command it writes, as grep on the same tree does', async () => {
    const result = await run(['scan', '--repo', demo.root, '--doc', 'docs/MIGRATION.md', '--no-backfill', '--format', 'json'], { cwd: demo.root });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(result.stdout) as { metrics: Array<{ command: string | null; value: number | null }> };
    const lines = gitGrep('--untracked', '-E', PATTERN, '--', '*.py').length;
    expect(snapshot.metrics.find((metric) => metric.command?.startsWith('grep -rE'))?.value).toBe(lines);
  });

  it('is kept current by sync: a migrated file is ticked, the progress follows, a second sync is a no-op', async () => {
    const file = doc.items[0]?.path ?? '';
    const source = path.join(demo.root, file);
    writeFileSync(source, readFileSync(source, 'utf8').replace(/bigquery\.Client\(|requests\.(get|post)/g, 'pooled_call('));
    const sync = (...flags: string[]) => run(['sync', ...flags], { cwd: demo.root });
    expect((await sync('--write')).code).toBe(0);
    const after = parseTrackingDoc(readFileSync(path.join(demo.root, 'docs/MIGRATION.md')), 'docs/MIGRATION.md');
    expect(after.items.filter((item) => item.status.status === 'done').map((item) => item.path)).toEqual([file]);
    expect(after.header.progress?.done).toBe(1);
    expect((await sync('--check')).code).toBe(0);
  });

  it('never overwrites a doc, and checks its flags before writing anything', async () => {
    const again = await run(['init', '--force', '--pattern', PATTERN, '--doc', 'docs/MIGRATION.md'], { cwd: demo.root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('docs/MIGRATION.md already exists');
    for (const [flags, message] of [
      [['--weeks', '0', '--pattern', 'x'], '--weeks: "0" is not a number of weeks'],
      [['--include', '*.py'], '--include only goes with --pattern'],
      [['--pattern', 'a(', '--doc', 'docs/NEW.md'], '--pattern:'],
      [['--pattern', 'x', '--start', '2026-13-45', '--doc', 'docs/NEW.md'], '--start: "2026-13-45" is not a date'],
    ] as const) {
      const result = await run(['init', '--force', ...flags], { cwd: demo.root });
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
    }
    expect(existsSync(path.join(demo.root, 'docs/NEW.md'))).toBe(false);
  });
});
