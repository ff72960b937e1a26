/**
 * Tracked paths with `#`, `?` and `%` in them (issue 21 item 5, the direct file pages): each gets
 * its file page under its real name, and the links to it — the list of files, the `/items/<n>/`
 * redirect, the URL in the snapshot — reach that page through a static server that decodes the
 * request as GitHub Pages does. Fetched over HTTP from the built site, and one link followed in
 * the browser, where a raw `#` or `?` would be cut off as a fragment or a query.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotFileText } from '../../src/lib/pipeline/snapshot-file.js';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { itemUrl } from '../../src/lib/verify/urls.js';
import { syntheticSnapshot } from '../site/fixtures/synthetic.js';
import type { Browser } from './browser.js';
import { workDir } from './build.js';
import { closeSite, serveSite, type ServedSite } from './served-site.js';
import type { StaticServer } from './server.js';

const BASE = '/migration/';
/** A literal "%20" and a lone "%" too: neither may be decoded into another name on the way. */
const ODD = ['odd/a#b.py', 'odd/what?.py', 'odd/100%.py', 'odd/e%20f.py', 'odd/x?y#z%41.py'];

let snapshot: Snapshot;
let site: ServedSite | undefined;
let server: StaticServer;
let browser: Browser;
let work: string;
let dist: string;

beforeAll(async () => {
  work = workDir();
  const base = syntheticSnapshot(ODD.length);
  const items = base.items.map((item, i) => {
    const path = ODD[i]!;
    const moved = (m: (typeof item.remaining)[number]) => ({ ...m, path });
    return { ...item, path, name: path.slice(4), url: itemUrl({ ...item, path }), remaining: item.remaining.map(moved), checks: item.checks.map((c) => ({ ...c, matches: c.matches.map(moved) })) };
  });
  const metrics = base.metrics.map((m) => ({ ...m, byFile: [], matches: items.flatMap((i) => i.remaining) }));
  snapshot = Snapshot.parse({ ...base, items, metrics, drift: [] });
  mkdirSync(join(work, 'input'), { recursive: true });
  const snapshotFile = join(work, 'input/snapshot.json');
  writeFileSync(snapshotFile, snapshotFileText(snapshot));
  site = await serveSite(work, { snapshotFile, historyFile: null }, BASE);
  ({ server, browser, dist } = site);
}, 600_000);

afterAll(() => closeSite(site, work));

async function get(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(new URL(url, server.origin));
  return { status: response.status, html: await response.text() };
}

/** The `<h1>` of a file page: the path, HTML-escaped. */
function heading(html: string): string | undefined {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();
}

describe('file paths with #, ? and %', () => {
  it('get a file page each, written under the real name and reached by the snapshot’s URL', async () => {
    for (const item of snapshot.items) {
      expect(existsSync(join(dist, 'files', item.path!, 'index.html')), item.path!).toBe(true);
      const page = await get(`${BASE}${item.url}`);
      expect(page.status, item.url).toBe(200);
      expect(heading(page.html), item.url).toBe(item.path!.replace(/&/g, '&amp;'));
    }
  });

  it('are linked from the list of files and from their /items/<n>/ page, and the links work', async () => {
    const list = await get(`${BASE}files/`);
    const hrefs = [...list.html.matchAll(/<a href="([^"]*\/files\/odd\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.sort()).toEqual(snapshot.items.map((i) => `${BASE}${i.url}`).sort());
    for (const item of snapshot.items) {
      const redirect = await get(`${BASE}items/${item.number}/`);
      expect(redirect.status).toBe(200);
      const target = /<a href="([^"]+)"/.exec(redirect.html)?.[1]?.replace(/&amp;/g, '&');
      expect(target, item.path!).toBeDefined();
      expect(new URL(target!, server.origin).pathname).toBe(`${BASE}${item.url}`);
      expect((await get(target!)).status).toBe(200);
    }
  });

  it('open in the browser from the list, fragment and query characters included', async () => {
    const page = await browser.context.newPage();
    for (const item of snapshot.items) {
      await page.goto(`${server.origin}${BASE}files/`);
      await page.locator(`#file-list a[href="${BASE}${item.url}"]`).first().click();
      await page.waitForURL(`${server.origin}${BASE}${item.url}`);
      expect(await page.locator('h1').first().textContent(), item.path!).toContain(item.path!);
    }
    await page.close();
  });
});
