/**
 * Debian's chromium driven by playwright-core, with one set of flags for every test and script:
 * `launch` gives a fresh profile per run with console errors and dialogs recorded so tests can
 * assert there were none; `launchChromium` the bare browser, for contexts of their own (JavaScript
 * off, other viewports).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser as Chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.MIGRATRACK_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** What went wrong in pages while the tests drove them. */
export interface Problems {
  consoleErrors: string[];
  dialogs: string[];
}

export interface Browser {
  context: BrowserContext;
  problems: Problems;
  /** Opens a page at `url` and waits for the network to settle. */
  open(url: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches chromium with a throwaway profile of playwright's, for `browser.newContext()`. */
export function launchChromium(): Promise<Chromium> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Launches chromium in a fresh user-data-dir, with clipboard permissions for `origin`. */
export async function launch(origin: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mt-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const problems: Problems = { consoleErrors: [], dialogs: [] };
  context.on('page', (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context,
    problems,
    async open(url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'networkidle' });
      return page;
    },
    close: () => context.close(),
  };
}

function watch(page: Page, problems: Problems): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Serious and critical axe violations on a page ("id: help (n nodes)"). */
export async function axeViolations(page: Page, axePath: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))})`);
}

/** Share of non-transparent pixels on a canvas (0 when nothing was drawn). */
export async function canvasInk(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
    return ink / (data.length / 4);
  });
}
