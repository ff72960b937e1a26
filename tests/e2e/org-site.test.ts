/**
 * Issue 24 end to end: three generated repositories scanned into shards, merged into one site
 * under a base path, each repository's pages built as its own single-repository build would, and
 * the org dashboard driven in headless Chromium with JavaScript off.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Shard } from '../../src/lib/org/index.js';
import { run, tempDir } from '../cli/helpers.js';
import { makeOrgRepos, orgConfig, type OrgFixture } from '../org/fixture.js';
import { launchChromium } from './browser.js';
import { startServer, type StaticServer } from './server.js';

const ENV = { SOURCE_DATE_EPOCH: '1768392000', NO_COLOR: '1' };
const BASE = '/org/';

let dir: string;
let fixture: OrgFixture;
let server: StaticServer;
let browser: Browser;
const shards = new Map<string, Shard>();

function htmlFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

beforeAll(async () => {
  dir = tempDir();
  fixture = await makeOrgRepos(path.join(dir, 'repos'));
  writeFileSync(path.join(dir, 'migratrack.org.json'), JSON.stringify(orgConfig(fixture, [{ name: 'never-scanned', repository: 'acme/never-scanned' }])));
  mkdirSync(path.join(dir, 'shards'));
  for (const r of fixture.repos) {
    const out = path.join(dir, 'shards', `${r.name}.json`);
    const scanned = await run(['scan', '--shard', r.name, '--repo', '.', '--org-config', path.join(dir, 'migratrack.org.json'), '--out', out], { cwd: r.root, env: ENV });
    expect(scanned.code).toBe(0);
    shards.set(r.name, Shard.parse(JSON.parse(readFileSync(out, 'utf8'))));
  }
  writeFileSync(path.join(dir, 'shards', 'corrupt.json'), '{"format": "migratrack-shard"');
  const merged = await run(['build', '--merge', 'shards/*.json', '--org-config', 'migratrack.org.json', '--out', 'site', '--base', BASE], { cwd: dir, env: ENV });
  expect(merged.stderr).toContain('Org site written to site/ (3 repositories, 3 missing or failed)');
  expect(merged.code).toBe(0);
  server = await startServer();
  server.serve(path.join(dir, 'site'), BASE);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the merged site', () => {
  it("publishes each repository's snapshot and history as its shard holds them", () => {
    for (const r of fixture.repos) {
      const snapshot = JSON.parse(readFileSync(path.join(dir, 'site', r.name, 'api/snapshot.json'), 'utf8'));
      expect(snapshot).toEqual(shards.get(r.name)!.snapshot);
      const history = JSON.parse(readFileSync(path.join(dir, 'site', r.name, 'api/history.json'), 'utf8'));
      expect(history.records.length).toBe(shards.get(r.name)!.history.records.length);
    }
  });

  it("gives each repository the same pages its own build makes at the same base", async () => {
    for (const r of fixture.repos) {
      const single = path.join(dir, `own-${r.name}`);
      const own = await run(['build', '--repo', '.', '--out', single, '--base', `${BASE}${r.name}/`], { cwd: r.root, env: ENV });
      expect(own.code).toBe(0);
      const merged = path.join(dir, 'site', r.name);
      const pages = htmlFiles(single);
      expect(htmlFiles(merged)).toEqual(pages);
      expect(pages.length).toBeGreaterThan(15);
      // Byte for byte, once the two differences are undone: the merged site keeps one copy of the
      // stylesheet and scripts at its root, and each repository's pages link back to the org.
      const orgLink = `<a class="org-link" href="${BASE}">← All repositories</a> `;
      for (const page of pages) {
        const mergedHtml = readFileSync(path.join(merged, page), 'utf8');
        const singleHtml = readFileSync(path.join(single, page), 'utf8');
        const isRedirect = page.startsWith('items/');
        if (!isRedirect) expect(mergedHtml, page).toContain(orgLink);
        expect(mergedHtml.replaceAll(orgLink, '').replaceAll(`${BASE}_astro/`, `${BASE}${r.name}/_astro/`), page).toBe(singleHtml);
      }
      for (const file of ['api/snapshot.json', 'api/history.json', 'badge.svg', 'favicon.svg']) {
        expect(readFileSync(path.join(merged, file), 'utf8'), file).toBe(readFileSync(path.join(single, file), 'utf8'));
      }
      // The assets the pages name are there, once, at the org site's root.
      for (const asset of readdirSync(path.join(single, '_astro'))) expect(readdirSync(path.join(dir, 'site', '_astro'))).toContain(asset);
    }
  }, 600_000);

  it('links every repository page back to the org dashboard, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of [`${BASE}search/`, `${BASE}search/files/svc/mod_0.py/`, `${BASE}ledger/categories/files/`]) {
      const response = await page.goto(`${server.origin}${url}`);
      expect(response?.status(), url).toBe(200);
      // The repository's own stylesheet link works from the shared copy.
      const css = await page.locator('link[rel="stylesheet"]').getAttribute('href');
      expect((await page.request.get(`${server.origin}${css}`)).status()).toBe(200);
      await page.getByRole('link', { name: '← All repositories' }).click();
      await page.waitForURL(`${server.origin}${BASE}`);
      expect(await page.locator('[data-testid="org-repos"]').count()).toBe(1);
    }
    await context.close();
  });

  it('shows the per-repository table with working links, the failed and the missing shard, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}`);
    const rows = page.locator('[data-testid="org-repos"] tbody tr');
    expect(await rows.count()).toBe(6); // three repositories, the corrupt shard, legacy-jobs and never-scanned (not scanned here)
    expect(await page.locator('tr[data-repo="corrupt"]').innerText()).toMatch(/failed: not valid JSON/);
    expect(await page.locator('tr[data-repo="never-scanned"]').innerText()).toMatch(/missing: no shard named never-scanned/);
    const ledger = shards.get('ledger')!.snapshot.totals;
    expect(await page.locator('tr[data-repo="ledger"] [data-value="verified"]').innerText()).toBe(`${ledger.verifiedDone}/${ledger.slots} (100%)`);
    await page.getByRole('link', { name: 'billing-api' }).click();
    await page.waitForURL(`${server.origin}${BASE}billing-api/`);
    const billing = shards.get('billing-api')!.snapshot.totals;
    expect(await page.locator('[data-testid="verified"]').innerText()).toContain(`${billing.verifiedDone} of ${billing.slots} files`);
    // Its file pages, at the stable URL under the repository's base.
    const filePage = await page.goto(`${server.origin}${BASE}billing-api/files/svc/mod_0.py/`);
    expect(filePage?.status()).toBe(200);
    expect(await page.content()).toContain('svc/mod_0.py');
    await page.goto(`${server.origin}${BASE}`);
    // The burndown's numbers: a table inside <details>, which opens without a script.
    await page.locator('summary', { hasText: "The burndown's numbers" }).click();
    expect(await page.locator('[data-testid="org-burndown"] tbody tr').count()).toBeGreaterThan(3);
    await context.close();
  });
});
