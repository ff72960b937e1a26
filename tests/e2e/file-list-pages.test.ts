/**
 * The paged list of tracked files (issue 21): a site of 2,345 files lists them in pages of 1,000
 * rows, `/files/` and `/file-list/<n>/`, each linking every page, which works without JavaScript;
 * the filter, once it runs, filters every page's rows, and `?dir=` links (the file pages'
 * breadcrumbs) filter across pages too. Every count is checked against the snapshot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIST_PAGE_SIZE } from '../../src/lib/site/file-list.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { historyFileText } from '../../src/lib/history/write.js';
import { snapshotFileText } from '../../src/lib/pipeline/snapshot-file.js';
import { syntheticHistory, syntheticSnapshot } from '../site/fixtures/synthetic.js';
import type { Browser } from './browser.js';
import { workDir } from './build.js';
import { closeSite, serveSite, type ServedSite } from './served-site.js';
import type { StaticServer } from './server.js';

const FILES = 2345;
let snapshot: Snapshot;
let site: ServedSite | undefined;
let server: StaticServer;
let browser: Browser;
let work: string;

beforeAll(async () => {
  work = workDir();
  snapshot = syntheticSnapshot(FILES);
  mkdirSync(join(work, 'input'), { recursive: true });
  const snapshotFile = join(work, 'input/snapshot.json');
  const historyFile = join(work, 'input/history.json');
  writeFileSync(snapshotFile, snapshotFileText(snapshot));
  writeFileSync(historyFile, historyFileText(syntheticHistory(snapshot)));
  site = await serveSite(work, { snapshotFile, historyFile }, '/migration/');
  ({ server, browser } = site);
}, 600_000);

afterAll(() => closeSite(site, work));

const visibleRows = (page: import('playwright-core').Page) => page.locator('#file-list > li:visible');
const pages = Math.ceil(FILES / FILE_LIST_PAGE_SIZE);
/** How long a poll waits for the filter, which first fetches the other pages: vitest's 1 s default failed at load 11. */
const POLL = { timeout: 30_000 };

describe('the paged file list', () => {
  it('without JavaScript: pages of 1,000 rows, each linking every page, every file on one of them', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    const seen: string[] = [];
    let url = `${server.origin}/migration/files/`;
    for (let n = 1; n <= pages; n++) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      const links = page.locator('#file-pages a');
      expect(await links.count()).toBe(pages);
      expect(await page.locator('#file-pages a[aria-current=page]').textContent()).toBe(String(n));
      // The site's navigation marks Files current on every page of the list.
      expect(await page.locator('nav[aria-label=Site] a[aria-current=page]').allTextContents()).toEqual(['Files']);
      const first = (n - 1) * FILE_LIST_PAGE_SIZE + 1;
      const last = Math.min(n * FILE_LIST_PAGE_SIZE, FILES);
      expect(await page.locator('#file-count').textContent()).toBe(`Items ${first}–${last} of ${FILES}`);
      seen.push(...(await page.locator('#file-list > li code').allTextContents()));
      if (n < pages) url = new URL((await links.nth(n).getAttribute('href'))!, server.origin).href;
    }
    expect(url).toBe(`${server.origin}/migration/file-list/${pages}/`);
    expect(seen).toEqual(snapshot.items.map((i) => i.path));
    await page.close();
  });

  it('with JavaScript: a page shows its own rows; a filter narrows all pages’ rows, and clearing it comes back', async () => {
    const page = await browser.open(`${server.origin}/migration/file-list/2/`);
    expect(await visibleRows(page).count()).toBe(FILE_LIST_PAGE_SIZE);
    await page.selectOption('select[name=detected]', 'done');
    const done = snapshot.items.filter((i) => i.detectedStatus === 'done').length;
    await expect.poll(() => visibleRows(page).count(), POLL).toBe(done);
    expect(await page.locator('#file-count').textContent()).toBe(`${done} of ${FILES} items`);
    expect(await page.locator('#file-pages').isHidden()).toBe(true);
    await page.selectOption('select[name=detected]', '');
    await expect.poll(() => visibleRows(page).count(), POLL).toBe(FILE_LIST_PAGE_SIZE);
    expect(await page.locator('#file-count').textContent()).toBe(`Items 1001–2000 of ${FILES}`);
    expect(await visibleRows(page).first().locator('code').textContent()).toBe(snapshot.items[FILE_LIST_PAGE_SIZE]!.path);
  });

  it('a ?dir= link (the file pages’ breadcrumbs) filters across every page', async () => {
    const page = await browser.open(`${server.origin}/migration/files/?dir=pkg7`);
    const inDir = snapshot.items.filter((i) => i.path?.startsWith('pkg7/'));
    await expect.poll(() => visibleRows(page).count(), POLL).toBe(inDir.length);
    expect(await visibleRows(page).locator('code').allTextContents()).toEqual(inDir.map((i) => i.path));
  });

  it('logged no console errors', () => {
    expect(browser.problems.consoleErrors).toEqual([]);
  });
});
