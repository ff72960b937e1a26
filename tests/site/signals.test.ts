/**
 * Issue 18 items 1-3 on the long fixture: the signals state the right figures, each checked
 * against the generator's ground truth or real git, never against migratrack's own numbers.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCategoryPage, buildDashboard, buildItemPage, buildMetricPage, buildMilestonesPage } from '../../src/lib/site/index.js';
import type { Signal } from '../../src/lib/site/signals.js';
import { tempDir } from '../pipeline/helpers.js';
import { daysFrom, endOfDay, longFixture, type LongFixture } from './long-fixture.js';

let fx: LongFixture;
let work: string;
let signals: Map<string, Signal>;
let asOf: string;
const ctx = { base: '/', site: 'https://example.test/' };
const short = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

beforeAll(async () => {
  work = tempDir('mt-long-site-');
  fx = await longFixture(work);
  signals = new Map(buildDashboard(fx.data, ctx).signals.map((s) => [s.id, s]));
  asOf = fx.data.snapshot.burndown!.points.at(-1)!.date;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('signals on the long fixture', () => {
  it('names the overdue milestone and by how long', () => {
    const phase2 = fx.info.milestones.find((m) => m.title === 'Phase 2')!;
    const days = daysFrom(phase2.end, asOf);
    expect(signals.get('overdue')!.title).toBe(`Phase 2 is overdue by ${days} days (${Math.floor(days / 7)} weeks)`);
    expect(signals.get('overdue')!.evidence.href).toBe('/milestones/#phase-2');
  });

  it('says the doc is stale: days since its last edit, days the code changed, files whose status moved', () => {
    const { lastDocEdit } = fx.info;
    const s = signals.get('stale-doc')!;
    expect(s.title).toContain(`last edited ${daysFrom(lastDocEdit.day, asOf)} days`);
    const codeDays = new Set(fx.info.commits.filter((c) => c.day > lastDocEdit.day).map((c) => c.day)).size;
    expect(s.detail).toContain(`the code changed on ${codeDays} days`);
    expect(s.detail).toContain(`${lastDocEdit.itemsMovedSince.length} files changed verified status`);
  });

  it('lists the files that went back with the commits that did it, and the calls that came back', () => {
    const s = signals.get('regressions')!;
    expect(s.title).toBe(`${fx.info.regressions.length} files went back`);
    expect(s.lines.map((l) => [l.text, l.commit?.label])).toEqual(
      fx.info.regressions.map((r) => [`${r.path} went back on ${short(r.day)}`, fx.info.commits[r.mark - 1]!.sha.slice(0, 7)]),
    );
    const days = endOfDay(fx.info);
    const low = Math.min(...days.map((c) => c.remainingCalls));
    const lowDay = days.filter((c) => c.remainingCalls === low).at(-1)!.day;
    const now = fx.info.commits.at(-1)!.remainingCalls;
    expect(s.detail).toBe(`Find remaining LegacyClient calls: ${now}, up ${now - low} from ${low} on ${short(lowDay)}.`);
  });

  it('shows scope outside the doc: matches in untracked files (real git grep) and the jump', () => {
    const tracked = new Set(fx.data.snapshot.items.map((i) => i.path));
    const grep = spawnSync('git', ['grep', '-F', '-c', 'LegacyClient(', 'HEAD', '--', 'services/*.py', 'jobs/*.py'], { cwd: fx.info.root, encoding: 'utf8' }).stdout;
    const outside = grep.split('\n').filter(Boolean).map((l) => l.replace(/^HEAD:/, '').split(':')).filter(([path]) => !tracked.has(path!));
    const calls = outside.reduce((n, [, c]) => n + Number(c), 0);
    const s = signals.get('scope')!;
    expect(s.title).toBe(`Scope outside the doc: ${calls} of ${fx.info.commits.at(-1)!.remainingCalls} remaining matches are in ${outside.length} files it does not track`);
    const jump = fx.info.scopeJump;
    expect(s.detail).toContain(`Biggest jump: +${jump.callsAdded} on ${short(jump.day)}`);
  });

  it('gives no forecast, saying for how long nothing moved', () => {
    const weeks = Math.floor(daysFrom(fx.info.lastVerifiedProgress.day, asOf) / 7);
    expect(signals.get('forecast')!.title).toBe(`No forecast: no progress in the last ${weeks} weeks`);
    expect(signals.get('forecast')!.detail).toContain(`last fell on ${short(fx.info.lastVerifiedProgress.day)}`);
  });
});

describe('time charts on the long fixture', () => {
  it('has at most 60 points per series at every range, the default being all of it, weekly', () => {
    const burndown = buildDashboard(fx.data, ctx).burndown!;
    expect(burndown.defaultRange).toBe('all');
    expect(burndown.ranges.map((r) => r.id)).toEqual(['last-4-weeks', 'since-milestone', 'all']);
    for (const r of burndown.ranges) for (const d of r.spec.datasets) expect(d.data.length).toBeLessThanOrEqual(60);
    const all = burndown.ranges.find((r) => r.id === 'all')!.spec;
    expect(all.labels.length).toBe(Math.ceil((daysFrom(fx.info.start, asOf) + 1) / 7) + (fx.data.snapshot.burndown!.forecast.date ? 1 : 0));
    expect(burndown.ranges[0]!.spec.labels.length).toBe(28);
  });

  it('stops the ideal line at the last target and shows the plan as overdue after it', () => {
    const all = buildDashboard(fx.data, ctx).burndown!.ranges.find((r) => r.id === 'all')!.spec;
    const ideal = all.datasets.find((d) => d.label === 'Ideal')!;
    const overdue = all.datasets.find((d) => d.label.startsWith('Plan overdue'))!;
    const end = fx.info.milestones.at(-1)!.end;
    all.labels.forEach((label, i) => {
      if (label > end) expect(ideal.data[i]).toBeNull();
      if (label > end && label <= asOf) expect(overdue.data[i]).toBe(0);
    });
  });

  it('marks milestones, every doc edit, the scope jump and the clean-up on the metric chart', () => {
    const page = buildMetricPage(fx.data, ctx, 'find-remaining-legacyclient-calls');
    const all = page.chart!.ranges.find((r) => r.id === 'all')!.spec;
    const text = all.annotations!.map((a) => a.text).join('; ');
    for (const m of fx.info.milestones) expect(text).toContain(`${m.end}: ${m.title} due`);
    const edits = [...new Set(fx.info.commits.filter((c) => c.kind === 'doc').map((c) => c.day))];
    for (const day of edits) expect(text).toContain(`${day}: doc edited`);
    expect(text).toContain(`${fx.info.scopeJump.day}: Find remaining LegacyClient calls +${fx.info.scopeJump.callsAdded}`);
    expect(text).toContain(`${fx.info.cleanUp.day}: Find remaining LegacyClient calls −${fx.info.cleanUp.callsRemoved}`);
    expect(all.legend!.map((l) => l.legend)).toEqual(['milestone due', 'doc edited', 'scope grew or shrank', 'big drop']);
  });

  it('marks milestones and doc edits on a category’s history, weekly, with its deltas', () => {
    const page = buildCategoryPage(fx.data, ctx, '1');
    expect(page.chart!.labels.length).toBeLessThanOrEqual(60);
    const text = page.chart!.annotations!.map((a) => a.text).join('; ');
    for (const m of fx.info.milestones) expect(text).toContain(`${m.end}: ${m.title} due`);
    expect(page.verified.deltas.map((d) => d.windowId)).toEqual(['week', 'four-weeks', 'milestone']);
    expect(page.remainingText).toBe('2 `LegacyClient(` calls left in 2 files');
  });

  it('keeps the milestones page’s burndown in ranges too, and says how overdue each missed milestone is', () => {
    const vm = buildMilestonesPage(fx.data);
    expect(vm.burndown!.ranges.length).toBe(3);
    const days = daysFrom(fx.info.milestones[1]!.end, asOf);
    expect(vm.milestones.map((m) => [m.title, m.overdue])).toEqual([['Phase 1', null], ['Phase 2', `Overdue by ${days} days (${Math.floor(days / 7)} weeks)`]]);
  });
});

describe('deltas on the long fixture', () => {
  /** The story's figure at the end of `day` (the last commit on or before it). */
  const at = (day: string) => endOfDay(fx.info).filter((c) => c.day <= day).at(-1)!;
  const sign = (d: number) => (d === 0 ? '±0' : d > 0 ? `+${d}` : `−${-d}`);
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it('gives cards and category rows this week, last 4 weeks and since the last milestone', () => {
    const vm = buildDashboard(fx.data, ctx);
    const head = fx.info.commits.at(-1)!;
    const phase2 = fx.info.milestones.at(-1)!.end;
    const windows = { week: addDays(asOf, -7), 'four-weeks': addDays(asOf, -28), milestone: phase2 };
    for (const [id, day] of Object.entries(windows)) {
      expect(vm.verified.deltas.find((d) => d.windowId === id)?.text).toBe(sign(head.verifiedDone - at(day).verifiedDone));
      expect(vm.metrics.find((m) => m.role === 'remaining')!.deltas.find((d) => d.windowId === id)?.text).toBe(sign(head.remainingCalls - at(day).remainingCalls));
    }
    expect(vm.verified.deltas.find((d) => d.windowId === 'milestone')).toMatchObject({ label: `since Phase 2 (${phase2})`, tone: 'good' });
    const tile = vm.metrics.find((m) => m.role === 'remaining')!;
    expect(buildMetricPage(fx.data, ctx, tile.id).deltas).toEqual(tile.deltas);
    const services = vm.categories.find((c) => c.id === '1')!;
    expect(services.verified.deltas.map((d) => d.windowId)).toEqual(['week', 'four-weeks', 'milestone']);
  });

  it('gives a file page its calls left against each window: a file that went back shows it', () => {
    const [first] = fx.info.regressions;
    const item = fx.data.snapshot.items.find((i) => i.path === first!.path)!;
    const page = buildItemPage(fx.data, ctx, item);
    // Before it went back the file had no old call; now it has one.
    expect(page.section.deltas.find((d) => d.windowId === 'milestone')).toMatchObject({ text: '+1', tone: 'bad' });
    expect(page.section.deltas.find((d) => d.windowId === 'week')).toMatchObject({ text: '±0' });
  });
});
