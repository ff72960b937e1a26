import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/lib/site/dashboard.js';
import { categoryStacks } from '../../src/lib/site/charts.js';
import { ROOT, SUB, siteData } from './helpers.js';

describe('buildDashboard', () => {
  it('shows the snapshot totals, declared and verified side by side', () => {
    const vm = buildDashboard(siteData(), ROOT);
    expect(vm.declared).toMatchObject({ done: 2, total: 7, pctText: '28%' });
    expect(vm.verified).toMatchObject({ done: 2, total: 7, pctText: '28%' });
    expect(vm.drift).toEqual({ count: 4, errors: 2, href: '/drift/' });
    expect(vm.generatedAt).toBe('2026-02-08T12:00:00.000Z');
    expect(vm.repoCommit).toEqual({ label: '0123456', href: 'https://github.com/example/nba-stats/commit/0123456789abcdef0123456789abcdef01234567' });
  });

  it('gives each metric its change since the previous run (not the current run’s own record)', () => {
    const vm = buildDashboard(siteData(), ROOT);
    const bq = vm.metrics.find((m) => m.id === 'bq-client')!;
    expect(bq).toMatchObject({ valueText: '3', delta: '+1', deltaTone: 'bad', href: '/metrics/bq-client/' });
    expect(vm.metrics.find((m) => m.id === 'requests')).toMatchObject({ delta: '−1', deltaTone: 'good' });
    expect(vm.metrics.find((m) => m.id === 'broken')).toMatchObject({ valueText: 'n/a', delta: null, error: expect.stringContaining('pipes') });
    expect(vm.previousRun).toBe('2026-02-03T10:00:00Z');
  });

  it('puts each metric in the place of its role, arrows pointing the way that is better', () => {
    const data = siteData();
    const snapshot = { ...data.snapshot, metrics: [
      ...data.snapshot.metrics,
      { ...data.snapshot.metrics[0]!, id: 'done-lines', label: 'Count completed files', better: 'higher' as const, role: 'doc-check' as const, url: 'metrics/done-lines/' },
      { ...data.snapshot.metrics[0]!, id: 'pool', label: 'Verify pooling usage', better: 'higher' as const, role: undefined, url: 'metrics/pool/' },
    ] };
    const vm = buildDashboard({ ...data, snapshot }, ROOT);
    expect(vm.metricGroups.map((g) => [g.role, g.heading, g.tiles.map((t) => t.id)])).toEqual([
      ['remaining', 'Remaining in code', ['bq-client', 'requests', 'broken']],
      ['adoption', 'Adoption of the new code', ['pool']],
      ['doc-check', 'Counted in the doc', ['done-lines']],
    ]);
    expect(vm.metrics.find((m) => m.id === 'bq-client')).toMatchObject({ arrow: '↓', directionText: 'lower is better' });
    expect(vm.metrics.find((m) => m.id === 'pool')).toMatchObject({ arrow: '↑', directionText: 'higher is better' });
  });

  it('has no deltas without history', () => {
    const vm = buildDashboard(siteData(false), ROOT);
    expect(vm.metrics.every((m) => m.delta === null)).toBe(true);
    expect(vm.previousRun).toBeNull();
  });

  it('splits category slots into stacked parts that add up', () => {
    const data = siteData();
    const stacks = categoryStacks(data.snapshot);
    expect(stacks).toEqual([
      { id: '3.1.1', verified: 2, declaredOnly: 0, inProgress: 0, notStarted: 0 },
      { id: '3.3', verified: 0, declaredOnly: 1, inProgress: 1, notStarted: 1 },
      { id: '3.4', verified: 0, declaredOnly: 0, inProgress: 0, notStarted: 2 },
    ]);
    const chart = buildDashboard(data, ROOT).categoryChart;
    expect(chart.table.columns).toEqual(['Category', 'Verified done', 'Declared done only', 'In progress', 'Not started']);
    expect(chart.table.rows[1]).toEqual({ label: 'Task 3.3', cells: ['0', '1', '1', '1'] });
  });

  it('joins links with the base path', () => {
    const vm = buildDashboard(siteData(), SUB);
    expect(vm.categories[0]!.href).toBe('/migration/categories/3.1.1/');
    expect(vm.badgeHref).toBe('/migration/badge.svg');
  });

  it('extends the burndown to the forecast date', () => {
    const ranged = buildDashboard(siteData(), ROOT).burndown!;
    expect(ranged.ranges.map((r) => r.id)).toEqual(['all']); // three weeks of story: one range
    const burndown = ranged.ranges[0]!.spec;
    expect(burndown.labels).toEqual(['2026-01-19', '2026-01-25', '2026-02-03', '2026-02-08', '2026-03-01']);
    expect(burndown.datasets.map((d) => d.label)).toEqual(['Ideal', 'Declared remaining', 'Verified remaining', 'Forecast']);
    expect(burndown.datasets[3]!.data).toEqual([null, null, null, 5, 0]);
    expect(burndown.table.rows[4]).toEqual({ label: '2026-03-01', cells: ['—', '—', '—', '0', ''] });
  });
});
