/**
 * A group's "Command to find" is a metric of its own (issue 22 item 5): planned like the doc's
 * progress commands, followed through the backfill, and at every recorded commit of the demo repo
 * equal to `git grep` run by the test on that commit's tree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoRepo, type DemoRepoInfo } from '../../src/lib/demo/index.js';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { backfillHistory, createHistoryStages, type BackfillResult } from '../../src/lib/history/index.js';
import { planMetrics, type MetricPlan } from '../../src/lib/pipeline/metrics.js';
import { git } from './fixture-repo.js';
import { gitGrepMetric } from './oracle.js';

let demo: DemoRepoInfo;
let groupPlans: MetricPlan[];
let result: BackfillResult;
beforeAll(async () => {
  demo = await generateDemoRepo();
  const doc = parseTrackingDoc(git(demo.root, ['show', `HEAD:${demo.docPath}`]), demo.docPath);
  const groupCommands = new Set(doc.commands.filter((c) => c.groupId !== null).map((c) => c.command));
  groupPlans = planMetrics(doc, [], []).filter((p) => groupCommands.has(p.command));
  result = await backfillHistory({ root: demo.root, docPath: demo.docPath, metrics: groupPlans, stages: createHistoryStages() });
}, 300_000);

describe("groups' Command to find as metrics", () => {
  it('plans one metric per group command, named after its group, where lower is better', () => {
    expect(groupPlans.map((p) => p.label)).toEqual(['Files 40-56: Individual processor files', 'Files 58-76: Scraper HTTP calls']);
    expect(groupPlans.every((p) => p.better === 'lower' && p.role === 'remaining')).toBe(true);
  });

  it('records, at every commit, the value git grep gives on that tree', () => {
    for (const plan of groupPlans) {
      const values = result.records.map((r) => [r.at.slice(0, 10), r.metrics[plan.id]]);
      const expected = result.records.map((r) => [r.at.slice(0, 10), gitGrepMetric(demo.root, r.commit!, plan.command)]);
      expect(expected.filter(([, v]) => typeof v !== "number")).toEqual([]);
      expect(values, plan.label).toEqual(expected);
    }
    // The migration shows: what each group command finds falls over the weeks.
    for (const plan of groupPlans) expect(result.records.at(-1)!.metrics[plan.id]!).toBeLessThan(result.records[0]!.metrics[plan.id]!);
  });
});
