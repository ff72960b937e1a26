/**
 * The history half of a build on real git: builds on the same commit keep one run record, a new
 * commit adds one, and the snapshot's burndown and milestone verdicts match the demo's plan.
 * Runs on a temp clone of a fresh demo repository, so the new commit touches nothing shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedOptions } from '../../src/lib/config/index.js';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import type { HistoryRecord } from '../../src/lib/history/index.js';
import { buildSnapshot } from '../../src/lib/pipeline/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { section } from './doc-oracle.js';
import { ORACLE_ENV, buildOptions, daysBetween, freshDemo, git, quietLogger, removeTempDirs, tempDir } from './helpers.js';

const NEW_COMMIT_DATE = '2026-02-09T12:00:00Z';

let info: DemoRepoInfo;
let clone: string;
let opts: ResolvedOptions;
let first: { snapshot: Snapshot; history: HistoryRecord[]; onDisk: HistoryRecord[]; before: string; after: string };
let second: { history: HistoryRecord[]; onDisk: HistoryRecord[] };
let third: { history: HistoryRecord[]; onDisk: HistoryRecord[]; sha: string };

function onDisk(): HistoryRecord[] {
  return (JSON.parse(readFileSync(opts.history.file, 'utf8')) as { records: HistoryRecord[] }).records;
}

const key = (r: HistoryRecord): string => `${r.source}:${r.commit}`;

beforeAll(async () => {
  const work = tempDir();
  info = await freshDemo(work);
  clone = path.join(work, 'clone');
  git(work, ['clone', '-q', info.root, clone]);
  opts = buildOptions(work, clone, info.docPath);
  const log = quietLogger(work);

  const before = new Date().toISOString().slice(0, 10);
  const a = await buildSnapshot(opts, log);
  first = { ...a, onDisk: onDisk(), before, after: new Date().toISOString().slice(0, 10) };
  const b = await buildSnapshot(opts, log);
  second = { history: b.history, onDisk: onDisk() };

  const file = path.join(clone, 'README.md');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more line.\n`);
  const env = { ...ORACLE_ENV, GIT_AUTHOR_DATE: NEW_COMMIT_DATE, GIT_COMMITTER_DATE: NEW_COMMIT_DATE };
  git(clone, ['add', 'README.md'], env);
  git(clone, ['-c', 'user.name=Test', '-c', 'user.email=test@migratrack.invalid', 'commit', '-q', '-m', 'A commit after the demo'], env);
  const sha = git(clone, ['rev-parse', 'HEAD']).trim();
  const c = await buildSnapshot(opts, log);
  third = { history: c.history, onDisk: onDisk(), sha };
});
afterAll(removeTempDirs);

describe('history across builds', () => {
  it('records the first build as one run on HEAD, after the backfill', () => {
    expect(first.history.filter((r) => r.source === 'run').map((r) => r.commit)).toEqual([info.head]);
    expect(first.onDisk.map(key)).toEqual(first.history.map(key));
  });

  it('does not duplicate the run record when the commit has not changed', () => {
    expect(second.history.map(key)).toEqual(first.history.map(key));
    expect(second.onDisk.map(key)).toEqual(first.onDisk.map(key));
    expect(second.onDisk.filter((r) => r.source === 'run' && r.commit === info.head)).toHaveLength(1);
  });

  it('appends exactly one record after a new commit', () => {
    const old = new Set(second.onDisk.map(key));
    const added = third.onDisk.filter((r) => !old.has(key(r)));
    expect(third.onDisk).toHaveLength(second.onDisk.length + 1);
    expect(added.map((r) => r.commit)).toEqual([third.sha]);
  });
});

describe('the snapshot’s view of the past', () => {
  it('has a burndown point per day from the doc’s start date to the day of the build', () => {
    const points = first.snapshot.burndown?.points ?? [];
    expect(first.snapshot.doc.startDate).toBe(info.expected.startDate);
    const last = points.at(-1)?.date ?? '';
    expect([first.before, first.after]).toContain(last);
    expect(points.map((p) => p.date)).toEqual(daysBetween(info.expected.startDate, last));
  });

  it('ends the burndown on what the doc declares at HEAD', () => {
    const last = first.snapshot.burndown!.points.at(-1)!;
    expect(last.scope).toBe(info.expected.totalSlots);
    expect(last.declaredRemaining).toBe(info.expected.totalSlots - info.expected.days.at(-1)!.declaredDone);
  });

  it('judges each milestone as the plan expects', () => {
    const doc = git(info.root, ['show', `HEAD:${info.docPath}`]);
    const milestones = first.snapshot.milestones;
    expect(milestones.length).toBeGreaterThan(info.expected.milestones.length);
    for (const m of milestones) {
      const planned = info.expected.milestones.find((e) => e.id === m.id);
      if (planned) {
        const status = planned.metOn === null ? 'missed' : planned.metOn <= planned.endDate ? 'met' : 'met-late';
        expect({ id: m.id, status: m.status, metOn: m.metOn, endDate: m.endDate, target: m.targetDone }).toEqual({
          id: planned.id,
          status,
          metOn: planned.metOn,
          endDate: planned.endDate,
          target: planned.target,
        });
        continue;
      }
      // A week the doc gives no target (Week 3): nothing to judge.
      expect(targetLines(doc, m.title), `${m.title} has no target in the doc`).toEqual([]);
      expect({ id: m.id, status: m.status }).toEqual({ id: m.id, status: 'no-target' });
    }
    expect(milestones.map((m) => [m.id, m.status])).toEqual([
      ['week-1', 'met-late'],
      ['week-2', 'missed'],
      ['week-3', 'no-target'],
    ]);
  });

  it('reports what the doc declared at each milestone’s end, as the plan recorded it', () => {
    const actual = first.snapshot.milestones.filter((m) => info.expected.milestones.some((e) => e.id === m.id));
    expect(actual.map((m) => ({ id: m.id, actualDone: m.actualDone }))).toEqual(
      info.expected.milestones.map((e) => ({ id: e.id, actualDone: e.declaredDoneAtEnd })),
    );
  });
});

/** "**Target:**" lines under the doc's "### <title>" milestone heading. */
function targetLines(doc: string, title: string): string[] {
  const lines = section(doc, /Weekly Milestones/);
  const start = lines.findIndex((l) => l.startsWith(`### ${title}`));
  if (start < 0) throw new Error(`no milestone heading "${title}" in the doc`);
  const end = lines.slice(start + 1).findIndex((l) => /^###? /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : start + 1 + end).filter((l) => /\*\*Target:\*\*/.test(l));
}
