/**
 * The backfill with the real parser, scanner and verifier on the demo repo's three weeks of history
 * (issue 5 "Done when"): day-by-day metric values equal `git grep` at those commits, declared
 * completion equals the doc at each commit, incremental equals a fresh scan, and each milestone's
 * judged status is the plan's.
 */
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateDemoRepo, type DemoRepoInfo } from '../../src/lib/demo/index.js';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import {
  backfillHistory,
  buildBurndown,
  createHistoryStages,
  docMetrics,
  forecastCompletion,
  judgeMilestones,
  type BackfillResult,
} from '../../src/lib/history/index.js';
import { gitTree } from '../../src/lib/scan/index.js';
import { declaredDoneAt, gitGrepCount, gitGrepMetric } from './oracle.js';
import { git } from './fixture-repo.js';

let demo: DemoRepoInfo;
let result: BackfillResult;
let metrics: ReturnType<typeof docMetrics>;
beforeAll(async () => {
  demo = await generateDemoRepo();
  const head = parseTrackingDoc(git(demo.root, ['show', `HEAD:${demo.docPath}`]), demo.docPath);
  metrics = docMetrics(head);
  result = await backfillHistory({ root: demo.root, docPath: demo.docPath, metrics, stages: createHistoryStages() });
});

describe('backfill on the demo repo', () => {
  it('has one point per day of the migration, on the first-parent line', () => {
    // The repo's first commit is on the start date, so there is no earlier state to record.
    expect(result.records.map((r) => r.at.slice(0, 10))).toEqual(demo.expected.days.map((d) => d.date));
    expect(result.records.map((r) => r.commit)).toEqual(demo.expected.days.map((d) => d.commit));
  });

  it('gives metric values equal to real git grep at every sampled commit', () => {
    const checked = new Set<string>();
    for (const record of result.records) {
      for (const metric of metrics) {
        const expected = gitGrepMetric(demo.root, record.commit!, metric.command);
        if (expected === null) continue;
        checked.add(metric.id);
        expect({ day: record.at.slice(0, 10), metric: metric.command, value: record.metrics[metric.id] })
          .toEqual({ day: record.at.slice(0, 10), metric: metric.command, value: expected });
      }
    }
    expect(checked.size).toBeGreaterThanOrEqual(4);
  });

  it('gives declared completion equal to the doc at each commit', () => {
    const mismatches: string[] = [];
    for (const record of result.records) {
      if (record.declaredDone !== declaredDoneAt(demo.root, record.commit!, demo.docPath)) mismatches.push(record.at.slice(0, 10));
    }
    expect(mismatches).toEqual([]);
    expect(result.records.every((r) => r.slots === demo.expected.totalSlots)).toBe(true);
  });

  it('equals a fresh scan (new tree, no caches) at sampled commits', async () => {
    const fresh = createHistoryStages();
    for (const record of result.records.filter((_, i) => i % 5 === 0 || i === result.records.length - 1)) {
      const tree = await gitTree(demo.root, record.commit!);
      onTestFinished(() => tree.close?.());
      for (const metric of metrics) expect(await fresh.evaluateMetric(metric, tree)).toBe(record.metrics[metric.id]);
      const doc = parseTrackingDoc((await tree.read(demo.docPath))!, demo.docPath);
      const renames = new Map(result.renames.filter((r) => r.at <= record.at).map((r) => [r.from, r.to]));
      const verification = await createHistoryStages().verify(doc, tree, { renames });
      expect(Object.fromEntries(verification.items.map((i) => [i.itemId, [i.detectedStatus, i.remaining?.length]])))
        .toEqual(Object.fromEntries(Object.entries(record.items).map(([id, s]) => [id, [s.detected, s.remaining]])));
    }
  });

  it("counts each file's remaining calls at least as often as git grep finds its category's pattern there", () => {
    const last = result.records.at(-1)!;
    const doc = parseTrackingDoc(git(demo.root, ['show', `${last.commit}:${demo.docPath}`]), demo.docPath);
    let compared = 0;
    let nonZero = 0;
    for (const command of doc.commands) {
      const pattern = /^grep -r "([^"]+)"/.exec(command.command)?.[1];
      if (command.categoryId === null || pattern === undefined) continue;
      for (const item of doc.items.filter((i) => i.categoryId === command.categoryId && i.path !== null)) {
        const found = gitGrepCount(demo.root, last.commit!, pattern, item.path!);
        if (found === null) continue;
        compared++;
        if (found > 0) nonZero++;
        expect({ path: item.path, remaining: last.items[item.id]?.remaining }).toEqual({ path: item.path, remaining: expect.toSatisfy((n: number) => n >= found) });
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(nonZero).toBeGreaterThan(0);
  });

  it('sees the rename and the regressions of the plan', () => {
    const renamed = demo.drift.find((d) => d.kind === 'renamed');
    expect(result.renames.map((r) => r.from)).toContain(renamed?.path);
    const regression = demo.drift.find((d) => d.kind === 'regression' && d.path.includes('dlq_monitor'));
    expect(regression).toBeDefined();
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('judges each demo milestone as the plan says', () => {
    const head = parseTrackingDoc(git(demo.root, ['show', `HEAD:${demo.docPath}`]), demo.docPath);
    const today = demo.expected.endDate;
    const forecast = forecastCompletion(result.records, { windowDays: 7 }, today);
    const judged = judgeMilestones(head.milestones, result.records, forecast, today);
    const [week1, week2, week3] = judged;
    const plan = demo.expected.milestones;
    expect(week1).toMatchObject({ status: 'met-late', metOn: plan[0]?.metOn, actualDone: plan[0]?.declaredDoneAtEnd });
    expect(week2).toMatchObject({ status: 'missed', metOn: null, actualDone: plan[1]?.declaredDoneAtEnd });
    expect(week2?.explanation).toMatch(/^Missed by \d+: \d+ of 76 done on Feb 1; 72 done now\.$/);
    expect(week3?.status).toBe('no-target');
    const burndown = buildBurndown(result.records, head, today);
    expect(burndown[0]).toMatchObject({ date: '2026-01-19', scope: 76, declaredRemaining: 74, ideal: 76 });
    expect(burndown.find((p) => p.date === '2026-01-25')?.ideal).toBe(50);
    expect(burndown.at(-1)).toMatchObject({ date: today, declaredRemaining: 4, ideal: 0 });
  });
});
