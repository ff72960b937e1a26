/**
 * Issue 18 "Measure", in Chromium: the long-history fixture (ten months made by the demo
 * generator, built by the real pipeline) as a site. The signals appear with the right figures,
 * every series has at most 60 points at the default range, the range control works without
 * JavaScript, and no page is taller than 6 viewport heights at 1400×900.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './browser.js';
import { workDir } from './build.js';
import { closeSite, serveSite, type ServedSite } from './served-site.js';
import type { StaticServer } from './server.js';
import { daysFrom, endOfDay, longFixture, type LongFixture } from '../site/long-fixture.js';

let work: string;
let fx: LongFixture;
let site: ServedSite | undefined;
let server: StaticServer;
let browser: Browser;
let asOf: string;
const VIEWPORT = { width: 1400, height: 900 };
const short = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  work = workDir();
  fx = await longFixture(work);
  asOf = fx.data.snapshot.burndown!.points.at(-1)!.date;
  site = await serveSite(work, { snapshotFile: fx.snapshotFile, historyFile: fx.historyFile }, '/');
  ({ server, browser } = site);
}, 600_000);

afterAll(() => closeSite(site, work));

describe('the long story, in the browser', () => {
  it('leads with the signals, with the right figures and links to their evidence', async () => {
    const page = await browser.open(`${server.origin}/`, VIEWPORT);
    const signal = async (id: string) => text(await page.locator(`[data-signal="${id}"]`).textContent());
    const phase2 = fx.info.milestones.at(-1)!;
    expect(await signal('overdue')).toContain(`${phase2.title} is overdue by ${daysFrom(phase2.end, asOf)} days`);
    expect(await signal('stale-doc')).toContain(`last edited ${daysFrom(fx.info.lastDocEdit.day, asOf)} days`);
    expect(await signal('stale-doc')).toContain(`${fx.info.lastDocEdit.itemsMovedSince.length} files changed verified status`);
    const back = await signal('regressions');
    for (const r of fx.info.regressions) expect(back).toContain(`${r.path} went back on ${short(r.day)} in ${fx.info.commits[r.mark - 1]!.sha.slice(0, 7)}`);
    expect(await signal('scope')).toContain(`Biggest jump: +${fx.info.scopeJump.callsAdded} on ${short(fx.info.scopeJump.day)}`);
    expect(await signal('forecast')).toContain(`no progress in the last ${Math.floor(daysFrom(fx.info.lastVerifiedProgress.day, asOf) / 7)} weeks`);
    // The signals come first: above the completion cards.
    const [signalsTop, cardsTop] = await page.evaluate(() => [document.querySelector('[data-testid=signals]')!.getBoundingClientRect().top, document.querySelector('[data-testid=declared]')!.getBoundingClientRect().top]);
    expect(signalsTop).toBeLessThan(cardsTop!);
    await page.locator('[data-signal="overdue"] a.signal-evidence').click();
    await page.waitForURL(`${server.origin}/milestones/#phase-2`);
    expect(await page.locator('#phase-2').count()).toBe(1);
  });

  it('draws at most 60 points per series at the default range, weekly over the whole story', async () => {
    for (const url of ['/', '/milestones/', `/${fx.data.snapshot.metrics.find((m) => m.role === 'remaining')!.url}`]) {
      const page = await browser.open(server.origin + url, VIEWPORT);
      const specs = await page.locator('figure.chart canvas').evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => JSON.parse(e.getAttribute('data-chart') ?? '{}') as { id: string; labels: string[]; datasets: { data: unknown[] }[] }));
      expect(specs.length, url).toBeGreaterThan(0);
      for (const spec of specs) {
        expect(spec.labels.length, `${url} ${spec.id}`).toBeLessThanOrEqual(60);
        for (const d of spec.datasets) expect(d.data.length, `${url} ${spec.id}`).toBeLessThanOrEqual(60);
      }
    }
    const page = await browser.open(`${server.origin}/`, VIEWPORT);
    const all = JSON.parse((await page.locator('#chart-burndown-all canvas').getAttribute('data-chart'))!) as { labels: string[] };
    // Weekly: each point is the last day of a week, the first one in the doc's first week.
    expect(daysFrom(fx.info.start, all.labels[0]!)).toBe(6);
    expect(daysFrom(all.labels[0]!, all.labels[1]!)).toBe(7);
  });

  it('switches the range without JavaScript', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${server.origin}/`);
    const visible = () => page.locator('#burndown .range-view').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-range')));
    expect(await visible()).toEqual(['all']);
    await page.locator('#burndown label', { hasText: 'Last 4 weeks' }).click();
    expect(await visible()).toEqual(['last-4-weeks']);
    const days = await page.locator('#chart-burndown-last-4-weeks tbody tr').count();
    expect(days).toBe(28);
    await page.locator('#burndown label', { hasText: 'Since the last milestone' }).click();
    expect(await visible()).toEqual(['since-milestone']);
    await page.close();
  });

  it('keeps every page under 6 viewport heights at 1400×900, tables collapsed', async () => {
    const item = fx.data.snapshot.items.find((i) => i.path === fx.info.regressions[0]!.path)!;
    const urls = ['/', '/milestones/', '/files/', '/drift/', '/changes/', '/categories/1/', `/${item.url}`, ...fx.data.snapshot.metrics.map((m) => `/${m.url}`)];
    for (const url of urls) {
      const page = await browser.open(server.origin + url, VIEWPORT);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, url).toBeLessThanOrEqual(6 * VIEWPORT.height);
      expect(await page.locator('details.chart-data[open]').count(), url).toBe(0);
      await page.close();
    }
  });

  it('shows a long-lived file’s own timeline: sparkline and the commits that changed its count', async () => {
    const r = fx.info.regressions[0]!;
    const item = fx.data.snapshot.items.find((i) => i.path === r.path)!;
    const page = await browser.open(`${server.origin}/${item.url}`, VIEWPORT);
    expect(await page.locator(`#${item.id} figure.sparkline svg path`).getAttribute('d')).toMatch(/^M/);
    const rows = await page.locator(`#${item.id} figure.sparkline tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
    // The story: the file's calls at the start, 0 once migrated, 1 once it went back (in that commit).
    const days = endOfDay(fx.info);
    const migrated = fx.info.commits.find((c) => c.kind === 'migrate' && c.item === item.number)!;
    expect(rows).toContainEqual([migrated.day, '0', migrated.sha.slice(0, 7)]);
    expect(rows).toContainEqual([r.day, '1', fx.info.commits[r.mark - 1]!.sha.slice(0, 7)]);
    expect(days.length).toBeGreaterThan(rows.length);
    await page.close();
  });

  it('logged no console errors', () => {
    expect(browser.problems.consoleErrors).toEqual([]);
  });
});
