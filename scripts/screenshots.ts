/**
 * Screenshots of the long-history demo's site for a reviewer (issue 18 "Measure"): the dashboard,
 * the milestones page and the remaining-calls metric page, at desktop (1400×900) and phone
 * (390×844) widths, full page, into a git-ignored folder.
 *
 *   npm run screenshots [-- --out DIR]      (default .cache/screenshots)
 *
 * Needs Debian's chromium (MIGRATRACK_CHROMIUM overrides the path).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLongDemoRepo } from '../src/lib/demo/long/index.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { startServer } from '../tests/e2e/server.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1]! : join(ROOT, '.cache/screenshots'));
mkdirSync(out, { recursive: true });

const repo = await generateLongDemoRepo(join(ROOT, '.cache/long-demo-repo'), { months: 10 });
const site = join(out, 'site');
const build = spawnSync(process.execPath, [join(ROOT, 'bin/migratrack.mjs'), 'build', '--repo', repo.root, '--doc', repo.docPath, '--out', site, '--history', join(out, 'history.json'), '--quiet'], {
  cwd: out,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 2);

const snapshot = JSON.parse(readFileSync(join(site, 'api/snapshot.json'), 'utf8')) as { metrics: { role?: string; url: string }[] };
const metric = snapshot.metrics.find((m) => m.role === 'remaining') ?? snapshot.metrics[0];
const pages: [string, string][] = [['dashboard', ''], ['milestones', 'milestones/'], ...(metric ? [['metric', metric.url] as [string, string]] : [])];
const widths = [['desktop', 1400, 900], ['phone', 390, 844]] as const;

const server = await startServer();
server.serve(site, '/');
const browser = await launchChromium();
try {
  for (const [name, width, height] of widths) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const [what, path] of pages) {
      await page.goto(`${server.origin}/${path}`, { waitUntil: 'networkidle' });
      const file = join(out, `${what}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
