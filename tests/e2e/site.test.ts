/**
 * Browser tests of the built site (issue 6 "Done when"): the site is built once per base path
 * from the fixture snapshot (or MIGRATRACK_E2E_SNAPSHOT) and driven in Debian's chromium.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { itemTitle, standupLine } from '../../src/lib/site/standup.js';
import { absoluteUrl, itemSlug, joinBase } from '../../src/lib/site/urls.js';
import { axeViolations, canvasInk, launch, type Browser } from './browser.js';
import { buildSite, ROOT, siteInput, workDir, type SiteInput } from './build.js';
import { compareTrees } from './compare.js';
import { brokenLinks } from './links.js';
import { startServer, type StaticServer } from './server.js';
import { startPreviewServer } from '../../src/lib/preview/index.js';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
let input: SiteInput;
let snapshot: Snapshot;
let root: StaticServer;
let sub: StaticServer;
let browser: Browser;
let dirs: { root: string; sub: string; again: string };

let work: string;

beforeAll(async () => {
  work = workDir();
  input = siteInput(work);
  snapshot = Snapshot.parse(JSON.parse(readFileSync(input.snapshotFile, 'utf8')));
  dirs = { root: join(work, 'dist'), sub: join(work, 'dist-sub'), again: join(work, 'dist-again') };
  [root, sub] = await Promise.all([startServer(), startServer()]);
  await buildSite(input, dirs.root, '/', `${root.origin}/`);
  await buildSite(input, dirs.sub, '/migration/', `${sub.origin}/migration/`);
  await buildSite(input, dirs.again, '/', `${root.origin}/`);
  root.serve(dirs.root, '/');
  sub.serve(dirs.sub, '/migration/');
  browser = await launch(root.origin);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), sub?.close()]);
  if (work && !process.env.MIGRATRACK_E2E_KEEP) rmSync(work, { recursive: true, force: true });
});

const rootCtx = () => ({ base: '/', site: `${root.origin}/` });
const withRemaining = () => snapshot.items.find((i) => i.path !== null && i.remaining.length > 0 && i.url.startsWith('files/'));
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the built site', () => {
  it('shows the snapshot’s numbers on the dashboard', async () => {
    const page = await browser.open(`${root.origin}/`);
    expect(await page.textContent('[data-testid=declared] [data-value=done]')).toBe(String(snapshot.totals.declaredDone));
    expect(await page.textContent('[data-testid=verified] [data-value=done]')).toBe(String(snapshot.totals.verifiedDone));
    expect(await page.textContent('[data-testid=verified] [data-value=total]')).toBe(String(snapshot.totals.slots));
    for (const c of snapshot.categories) {
      const row = page.locator(`tr[data-category="${c.id}"]`);
      expect(await row.locator('[data-value=slots]').textContent()).toBe(String(c.slots));
      expect(await row.locator('[data-value=declared]').textContent()).toBe(String(c.declared.done));
      expect(await row.locator('[data-value=verified]').textContent()).toBe(String(c.verified.done));
    }
    for (const m of snapshot.metrics) {
      expect(await page.locator(`[data-metric="${m.id}"] [data-value=value]`).textContent()).toBe(m.value === null ? 'n/a' : String(m.value));
    }
    expect(await page.textContent('[data-testid=generated-at]')).toBe(snapshot.generatedAt);
  });

  it('shows a file’s remaining lines, the match line highlighted', async () => {
    const item = withRemaining();
    if (!item) return;
    const page = await browser.open(root.origin + joinBase('/', item.url));
    const hits = await page.locator(`#${item.id} li.hit`).evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-line')), e.querySelector('.src')?.textContent ?? '']));
    const expected = [...item.remaining].sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1)).map((m) => [m.line, m.text]);
    expect(hits).toEqual(expected);
  });

  it('copy buttons put the link and the standup line on the clipboard', async () => {
    const item = withRemaining() ?? snapshot.items[0]!;
    const page = await browser.open(root.origin + joinBase('/', item.url));
    const section = page.locator(`#${item.id}`);
    await section.getByRole('button', { name: 'Copy for standup' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(standupLine(item, absoluteUrl(rootCtx(), item.url)));
    await section.getByRole('button', { name: `Copy link to ${itemTitle(item)}` }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${absoluteUrl(rootCtx(), item.url)}#${item.id}`);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(absoluteUrl(rootCtx(), item.url));
  });

  it('draws the charts, and their tables hold the same numbers', async () => {
    const page = await browser.open(`${root.origin}/`);
    // Charts in a range that is not shown (display: none) are not drawn until chosen.
    const ids = await page.locator('figure.chart').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));
    expect(ids).toContain('chart-categories');
    for (const id of ids) {
      expect(await canvasInk(page, `#${id} canvas`)).toBeGreaterThan(0.005);
      const spec = JSON.parse((await page.locator(`#${id} canvas`).getAttribute('data-chart')) ?? '{}') as { labels: string[]; datasets: { data: (number | null)[] }[] };
      // The table's cells hold the datasets' numbers, then (on a time chart) an Events column.
      const rows = await page.locator(`#${id} tbody tr`).evaluateAll((trs, n) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, n).map((td) => td.textContent)), spec.datasets.length);
      expect(rows).toEqual(spec.labels.map((_, i) => spec.datasets.map((d) => (d.data[i] === null ? '—' : String(d.data[i])))));
    }
    const verified = await page.locator('#chart-categories tbody tr td:nth-child(2)').allTextContents();
    expect(verified).toEqual(snapshot.categories.map((c) => String(c.verified.done)));
  });

  it('the filter narrows the file list', async () => {
    const page = await browser.open(`${root.origin}/files/`);
    const visible = () => page.locator('#file-list > li:visible').count();
    expect(await visible()).toBe(snapshot.items.length);
    await page.selectOption('select[name=detected]', 'done');
    expect(await visible()).toBe(snapshot.items.filter((i) => i.detectedStatus === 'done').length);
    await page.selectOption('select[name=detected]', '');
    await page.selectOption('select[name=drift]', 'yes');
    const ids = new Set(snapshot.items.map((i) => i.id));
    expect(await visible()).toBe(new Set(snapshot.drift.flatMap((d) => (d.itemId && ids.has(d.itemId) ? [d.itemId] : []))).size);
    const dir = snapshot.items.find((i) => i.path?.includes('/'))?.path?.split('/')[0];
    if (!dir) return;
    const byDir = await browser.open(`${root.origin}/files/?dir=${encodeURIComponent(dir)}`);
    expect(await byDir.locator('#file-list > li:visible').count()).toBe(snapshot.items.filter((i) => i.path?.startsWith(`${dir}/`)).length);
  });

  it('has no serious or critical axe violations on the dashboard, a file page and milestones', async () => {
    const item = withRemaining() ?? snapshot.items[0]!;
    for (const url of ['/', joinBase('/', item.url), '/milestones/']) {
      const page = await browser.open(root.origin + url);
      expect(await axeViolations(page, AXE), url).toEqual([]);
    }
  });

  it('renders hostile strings from paths, notes and code as text', async () => {
    if (!input.isFixture) return;
    const hostile = snapshot.items.find((i) => i.id === 'file-28')!;
    for (const url of [joinBase('/', hostile.url), '/', '/files/', '/doc/', '/drift/', '/metrics/bq-client/', '/diagnostics/', '/milestones/']) {
      const page = await browser.open(root.origin + url);
      expect(await page.locator('img[src="x"], [onerror]').count(), url).toBe(0);
      const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      expect(scripts.some((s) => s.includes('alert(1)')), url).toBe(false);
    }
    const page = await browser.open(root.origin + joinBase('/', hostile.url));
    expect(text(await page.textContent('h1'))).toBe(hostile.path);
    expect(await page.locator('li.hit .src').allTextContents()).toEqual(hostile.remaining.map((m) => m.text));
    expect(browser.problems.dialogs).toEqual([]);
  });

  it('has no horizontal scroll on a 375-px phone', async () => {
    const item = withRemaining() ?? snapshot.items[0]!;
    for (const url of ['/', '/files/', joinBase('/', item.url), '/doc/', '/milestones/', '/drift/', joinBase('/', snapshot.metrics[0]?.url ?? '')]) {
      const page = await browser.open(root.origin + url, { width: 375, height: 800 });
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, url).toBeLessThanOrEqual(client!);
    }
  });

  it('breaks no word letter by letter in a table on a 390-px phone: tables scroll in their box instead', async () => {
    const category = snapshot.categories[0];
    const pages = ['/', '/files/', joinBase('/', snapshot.metrics[0]?.url ?? ''), '/milestones/', ...(category ? [joinBase('/', category.url)] : [])];
    for (const url of pages) {
      const page = await browser.open(root.origin + url, { width: 390, height: 844 });
      // A word (a run of letters and digits) whose text spans more than one line box was broken inside.
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        for (const cell of document.querySelectorAll('main th, main td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]{2,}/gu)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) found.push(word[0]);
            }
          }
        }
        return found;
      });
      expect(broken, url).toEqual([]);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, url).toBeLessThanOrEqual(client!);
    }
  });

  it('answers a missing file page with where the file went, or that it is no longer tracked, under the base path', async () => {
    const preview = await startPreviewServer(dirs.sub, '/migration/', 0);
    try {
      const tracked = snapshot.items.find((i) => i.path !== null && i.path.includes('/'))!;
      const name = tracked.path!.slice(tracked.path!.lastIndexOf('/') + 1);
      const moved = await browser.open(`http://127.0.0.1:${preview.port}/migration/files/somewhere-else/${encodeURIComponent(name)}/`);
      expect(await moved.locator('main h1').textContent()).toBe('Page not found');
      expect(text(await moved.locator('#not-found-answer').textContent())).toContain('has moved');
      expect(await moved.locator('#not-found-answer a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain(joinBase('/migration/', tracked.url));
      const gone = await browser.open(`http://127.0.0.1:${preview.port}/migration/files/no/such_file_zzz.py/`);
      expect(text(await gone.locator('#not-found-answer').textContent())).toBe('no/such_file_zzz.py is no longer tracked.');
      // Without JavaScript the page still leads somewhere: the list of files and the dashboard.
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      const response = await page.goto(`http://127.0.0.1:${preview.port}/migration/files/gone.py/`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('link', { name: 'all tracked files' }).getAttribute('href')).toBe('/migration/files/');
      expect(await axeViolations(moved, AXE)).toEqual([]);
    } finally {
      await preview.close();
      // Chromium logs each 404 response as a console error: expected here, and only here.
      const expected = `127.0.0.1:${preview.port}/migration/files/`;
      browser.problems.consoleErrors = browser.problems.consoleErrors.filter((e) => !(e.includes(expected) && e.endsWith('status of 404 (Not Found)')));
    }
  }, 180_000);

  it('has no broken internal links, at the root and under a base path', () => {
    expect(brokenLinks(dirs.root, '/', root.origin)).toEqual([]);
    expect(brokenLinks(dirs.sub, '/migration/', sub.origin)).toEqual([]);
  });

  it('works under the base path /migration/', async () => {
    const page = await browser.open(`${sub.origin}/migration/`);
    expect(await page.textContent('[data-testid=verified] [data-value=done]')).toBe(String(snapshot.totals.verifiedDone));
    expect(await canvasInk(page, '#chart-categories canvas')).toBeGreaterThan(0.005);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.cards')!).display)).toBe('grid');
    await Promise.all([page.waitForURL(`${sub.origin}/migration/files/`), page.getByRole('link', { name: 'Files', exact: true }).click()]);
    const first = page.locator('#file-list > li a').first();
    await first.click();
    await page.waitForLoadState('networkidle');
    expect(page.url().startsWith(`${sub.origin}/migration/`)).toBe(true);
    expect(await page.locator('main h1').count()).toBe(1);
  });

  it('/items/<n>/ of a file leads to its file page, without JavaScript and under the base path', async () => {
    const item = snapshot.items.find((i) => i.path !== null && i.url.startsWith('files/'));
    if (!item) return;
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${sub.origin}/migration/items/${encodeURIComponent(itemSlug(item))}/`);
    await page.waitForURL(`${sub.origin}${joinBase('/migration/', item.url)}#${item.id}`);
    expect(await page.locator(`[id="${item.id}"]`).count()).toBe(1);
  });

  it('builds byte-identical output from identical input', () => {
    expect(compareTrees(dirs.root, dirs.again)).toEqual([]);
  });

  it('logged no console errors and opened no dialogs', () => {
    expect(browser.problems.consoleErrors).toEqual([]);
    expect(browser.problems.dialogs).toEqual([]);
  });
});
