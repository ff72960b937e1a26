/**
 * The site is public (issue 8, "Site"): paths, notes, code lines and doc prose from the untrusted
 * doc and repo are rendered as text. One real build (astro) of a repo carrying every injection,
 * then the built HTML is inspected: no tag from the input survives unescaped, the problems are on
 * the diagnostics page, nothing ran, and nothing from outside the repository was published.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET, allText, cli, initRepo, trackingDoc, workspace, type CliResult, type Workspace } from './fixtures/workspace.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const HOSTILE_DIR = `scrapers/${IMG}`;
const HOSTILE_PATH = `${HOSTILE_DIR}/x${SCRIPT.replace(/\//g, '')}.py`; // a "/" would split the name
const RAW_HTML = '<div onmouseover="alert(1)">raw div</div>\n\n<iframe src="javascript:alert(1)"></iframe>\n\n<svg onload=alert(1)></svg>\n';

let ws: Workspace;
let result: CliResult;
let html: string;
let everything: string;
const dist = () => path.join(ws.dir, 'dist');

beforeAll(async () => {
  ws = workspace();
  const doc = trackingDoc(
    [
      { path: HOSTILE_PATH, name: `${IMG}.py`, notes: `${SCRIPT} and ${IMG}` },
      { path: 'src/a.py', notes: '`<script>alert(2)</script>` in code, <b onclick="alert(3)">bold</b>' },
      { path: '../secret.txt', name: 'dotdot.py' },
      { path: 'leak.py' },
    ],
    ['grep -rn "bigquery\\.Client(" . | wc -l', `grep -r foo . ; touch ${ws.marker}`],
    `\n## Notes\n\n${RAW_HTML}`,
  );
  initRepo(ws.repo, {
    [HOSTILE_PATH]: `bigquery.Client()  # ${SCRIPT} ${IMG}\n`,
    'src/a.py': `x = bigquery.Client("${IMG}")  # </code></pre>${SCRIPT}\n`,
    'TRACKING.md': doc,
  });
  symlinkSync(ws.secret, path.join(ws.repo, 'leak.py'));
  result = await cli(['build', '--repo', ws.repo, '--doc', 'TRACKING.md', '--out', dist(), '--history', path.join(ws.dir, 'history.json')], ws.dir);
  html = allText(dist(), '.html');
  everything = allText(dist());
}, 300_000);

describe('hostile content on the public site', () => {
  it('builds a site (exit 0)', () => {
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dist(), 'index.html'))).toBe(true);
  });

  it('no tag from the input reaches a page unescaped', () => {
    expect(html.length).toBeGreaterThan(0);
    // HTML only: the JSON API (api/*.json) carries the strings as JSON data, which is not markup.
    for (const needle of ['<script>alert(', '</script>alert', '</code></pre><script', '<img src=x onerror', '<iframe src="javascript', '<svg onload', '<div onmouseover', '<b onclick']) {
      expect(html, needle).not.toContain(needle);
    }
    expect(html).toMatch(/&lt;script&gt;alert\(1\)/);
  });

  it('notes and names carrying markup are shown as text', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b onclick=&quot;alert(3)&quot;&gt;bold&lt;/b&gt;');
  });

  it('the problems are on the diagnostics page', () => {
    const page = readFileSync(path.join(dist(), 'diagnostics/index.html'), 'utf8');
    expect(page).toMatch(/\.\.\/secret\.txt|contains &quot;\.\.&quot;|contains "\.\."/);
    expect(page).toMatch(/never run|not counted|unsupported/i);
  });

  it('nothing ran and nothing from outside the repository was published', () => {
    expect(existsSync(ws.marker)).toBe(false);
    expect(everything).not.toContain(SECRET);
    // The snapshot Astro read was a private temp file; the build left none in the working folder.
    expect(existsSync(path.join(ws.dir, '.migratrack/snapshot.json'))).toBe(false);
  });
});
