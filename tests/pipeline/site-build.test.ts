/**
 * One real site build of the demo (buildSnapshot, then renderSite into a temp dir): a page per
 * tracked file and per item, the dashboard showing the snapshot's figures, and the JSON API
 * equal to the snapshot written to disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOTES_DIR, type ResolvedOptions } from '../../src/lib/config/index.js';
import { buildSnapshot, renderSite } from '../../src/lib/pipeline/index.js';
import { snapshotFileText } from '../../src/lib/pipeline/snapshot-file.js';
import { renderSite as renderAstroSite } from '../../src/lib/pipeline/render-site.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { itemSlug } from '../../src/lib/verify/index.js';
import { siteNouns } from './site-nouns.js';
import { buildOptions, freshDemo, quietLogger, removeTempDirs, tempDir } from './helpers.js';

let opts: ResolvedOptions;
let snapshot: Snapshot;
/** The snapshot on disk, for the tests that run Astro on it directly. */
let snapshotFile: string;
let dist: string;
let dashboard: string;

beforeAll(async () => {
  const work = tempDir();
  const info = await freshDemo(work);
  // As `npm run build` builds the demo: with the demo's own note.
  opts = buildOptions(work, info.root, info.docPath, { notes: DEMO_NOTES_DIR });
  const log = quietLogger(work);
  ({ snapshot } = await buildSnapshot(opts, log));
  snapshotFile = path.join(work, 'snapshot.json');
  writeFileSync(snapshotFile, snapshotFileText(snapshot));
  dist = (await renderSite(opts, snapshot, log)).outDir;
  dashboard = readFileSync(path.join(dist, 'index.html'), 'utf8');
}, 300_000);
afterAll(removeTempDirs);

/** Text of the first element carrying `data-value="<name>"` after `from` in `html`. */
function valueAfter(html: string, from: string, name: string): string | undefined {
  const at = html.indexOf(from);
  if (at < 0) return undefined;
  return new RegExp(`data-value="${name}"[^>]*>([^<]*)<`).exec(html.slice(at))?.[1]?.trim();
}

describe('the demo site', () => {
  it('is written where --out says, with a dashboard', () => {
    expect(dist).toBe(opts.outDir);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
  });

  it('has a page per tracked file path and per item', () => {
    const withPath = snapshot.items.filter((i) => i.path !== null);
    expect(withPath.length).toBeGreaterThan(0);
    const missing = [
      ...withPath.map((i) => `files/${i.path}/index.html`),
      ...snapshot.items.map((i) => `items/${itemSlug(i)}/index.html`),
    ].filter((page) => !existsSync(path.join(dist, page)));
    expect(missing).toEqual([]);
  });

  it('publishes the authors’ note: in the navigation, on its own page and on the page of its file', () => {
    // examples/notes/how-to-migrate-a-processor.mdx, about data_processors/raw/processor_base.py.
    expect(dashboard).toContain('<a href="/notes/how-to-migrate-a-processor/">How to migrate a processor</a>');
    const page = readFileSync(path.join(dist, 'notes/how-to-migrate-a-processor/index.html'), 'utf8');
    expect(page).toContain('<h1>How to migrate a processor</h1>');
    expect(page).toContain('<strong>Use the pooled client</strong>');
    expect(page).toContain('<a href="/files/data_processors/raw/processor_base.py/"><code>data_processors/raw/processor_base.py</code></a>');
    const filePage = readFileSync(path.join(dist, 'files/data_processors/raw/processor_base.py/index.html'), 'utf8');
    expect(filePage).toContain('<h2 id="note-how-to-migrate-a-processor">Note: How to migrate a processor</h2>');
    expect(filePage).toContain('<strong>Use the pooled client</strong>');
  });

  it('prints the same chrome on file pages, with or without a note, as on the others', () => {
    // A file page with an author's note goes through Astro's template; one without is returned as
    // one string (src/pages/files/[...path].astro). The demo's processor_base.py has the note.
    const withNote = readFileSync(path.join(dist, 'files/data_processors/raw/processor_base.py/index.html'), 'utf8');
    const plainItem = snapshot.items.find((i) => i.path !== null && !i.path.endsWith('processor_base.py'))!;
    const plain = readFileSync(path.join(dist, 'files', plainItem.path!, 'index.html'), 'utf8');
    expect(withNote).toContain('Note: How to migrate a processor');
    // Around <main>: the head (but for the title) and the header (no link is current on either page).
    const chrome = (page: string) => [page.replace(/<title>[^<]*<\/title>/, '').replace(/ aria-current="page"/, '').split('<main id="main">')[0], page.slice(page.indexOf('</main>'))];
    const drift = readFileSync(path.join(dist, 'drift', 'index.html'), 'utf8');
    for (const page of [withNote, plain]) {
      expect(chrome(page)).toEqual(chrome(drift));
      expect(page).toMatch(/^<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8">.*<link rel="stylesheet" href="\/_astro\/site\.[\w-]{8}\.css"><\/head>/);
      expect(page.match(/<!DOCTYPE/gi)).toHaveLength(1);
      // The copy script, once, at the end of <main>.
      expect(page.match(/<script\b/g)).toHaveLength(1);
      expect(page).toMatch(/<script type="module">[^<]+<\/script><\/main>/);
    }
  });

  it('ships the stylesheet as one asset made from src/styles/site.css, linked by every page', () => {
    const sheets = readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.css'));
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatch(/^site\.[\w-]{8}\.css$/);
    const css = readFileSync(path.join(dist, '_astro', sheets[0]!), 'utf8');
    // Minified, with every class and custom property of the source.
    const source = readFileSync('src/styles/site.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const names = (text: string) => new Set(text.match(/(?<![\w-])(?:\.|--)[a-z][\w-]*/g));
    expect(css.length).toBeLessThan(source.length);
    expect(names(css)).toEqual(names(source));
    for (const page of ['index.html', 'files/index.html', 'doc/index.html', 'milestones/index.html']) {
      expect(readFileSync(path.join(dist, page), 'utf8'), page).toContain(`<link rel="stylesheet" href="/_astro/${sheets[0]}">`);
    }
  });

  it('shows the snapshot’s totals on the dashboard', () => {
    const t = snapshot.totals;
    expect(valueAfter(dashboard, 'data-testid="declared"', 'done')).toBe(String(t.declaredDone));
    expect(valueAfter(dashboard, 'data-testid="declared"', 'total')).toBe(String(t.slots));
    expect(valueAfter(dashboard, 'data-testid="verified"', 'done')).toBe(String(t.verifiedDone));
    expect(valueAfter(dashboard, 'data-testid="verified"', 'total')).toBe(String(t.slots));
  });

  it('counts the seed doc’s slots in files, as it always did (issue 17: only docs of tasks say items)', () => {
    const t = snapshot.totals;
    const nouns = siteNouns(dist, snapshot);
    expect(nouns.cards).toEqual([`${t.declaredDone} of ${t.slots} files`, `${t.verifiedDone} of ${t.slots} files`]);
    expect([nouns.chartTitle, nouns.slotsColumn]).toEqual(['Files per category: verified done, declared done only, in progress, not started', 'Files']);
    expect([nouns.fileList.title.split(' ')[0], nouns.fileList.heading]).toEqual(['Files', 'Tracked files']);
    snapshot.categories.forEach((c, i) => {
      // In the number of the count: Task 3.1.2 tracks one file.
      const files = c.slots === 1 ? 'file' : 'files';
      expect(nouns.categories[i], c.id).toEqual({
        cards: [`${c.declared.done} of ${c.slots} ${files}`, `${c.verified.done} of ${c.slots} ${files}`],
        caption: `Status counts (${c.slots} ${files})`,
        heading: 'Files',
      });
    });
    const milestones = readFileSync(path.join(dist, 'milestones', 'index.html'), 'utf8');
    expect(milestones).toMatch(/\d+ of \d+ \(of \d+\) files/);
    expect(milestones).toContain('<figcaption>Burndown: files remaining');
    expect(milestones).not.toMatch(/\d+ of \d+ (\(of \d+\) )?items|items remaining/);
    expect(snapshot.totals.noun).toBe('file');
  });

  it('shows each category’s figures in the dashboard table', () => {
    for (const c of snapshot.categories) {
      const row = `data-category="${c.id}"`;
      expect(dashboard, `row of ${c.id}`).toContain(row);
      expect({
        id: c.id,
        slots: valueAfter(dashboard, row, 'slots'),
        declared: valueAfter(dashboard, row, 'declared'),
        verified: valueAfter(dashboard, row, 'verified'),
      }).toEqual({ id: c.id, slots: String(c.slots), declared: String(c.declared.done), verified: String(c.verified.done) });
      if (c.remaining.calls > 0) {
        const rowHtml = dashboard.slice(dashboard.indexOf(row), dashboard.indexOf('</tr>', dashboard.indexOf(row)));
        expect(rowHtml).toContain(`${c.remaining.calls} `);
      }
    }
  });

  it('publishes api/snapshot.json byte for byte as the snapshot file Astro read', () => {
    const api = readFileSync(path.join(dist, 'api', 'snapshot.json'), 'utf8');
    expect(api).toBe(snapshotFileText(snapshot));
    expect(JSON.parse(api)).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  it('writes nothing but the history and the site: no snapshot file in the working folder (issue 20)', () => {
    expect(existsSync(path.join(opts.cwd, '.migratrack', 'snapshot.json'))).toBe(false);
    expect(existsSync(opts.history.file)).toBe(true);
  });

  it('ships chart.js as one prebundled asset with only the parts the charts register', () => {
    const assets = readdirSync(path.join(dist, '_astro'));
    const bundles = assets.filter((f) => /^chart-client\.[\w-]{8}\.js$/.test(f));
    expect(bundles).toHaveLength(1);
    // The only script file (src/integrations/site-assets.mjs); the others are inline, and Astro
    // had none to bundle. The dashboard loads it once, by its URL under the base.
    expect(assets.filter((f) => f.endsWith('.js'))).toEqual(bundles);
    expect(dashboard.split(`<script type="module" src="/_astro/${bundles[0]}"></script>`)).toHaveLength(2);
    expect(dashboard.match(/<script\b/g)).toHaveLength(1);
    const code = readFileSync(path.join(dist, '_astro', bundles[0]!), 'utf8');
    for (const used of ['"bar"', '"line"', '"category"', '"linear"']) expect(code).toContain(used);
    // chart.js/auto would bring these along; the site draws no such chart.
    for (const unused of ['"doughnut"', '"pie"', '"radar"', '"polarArea"', '"bubble"', '"scatter"']) expect(code).not.toContain(unused);
  });
});

describe('a site with the notes of another folder (--notes, `notes`, MIGRATRACK_NOTES_DIR)', () => {
  it('publishes the folder that --notes or the config names (ResolvedOptions.notesDir)', async () => {
    const notes = tempDir();
    writeFileSync(path.join(notes, 'rollout.md'), '---\ntitle: Rollout plan\n---\n\nTwo waves.\n');
    const out = path.join(tempDir(), 'site');
    await renderSite({ ...opts, notesDir: notes, outDir: out }, snapshot, quietLogger(tempDir()));
    expect(readFileSync(path.join(out, 'notes/rollout/index.html'), 'utf8')).toContain('<p>Two waves.</p>');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<a href="/notes/rollout/">Rollout plan</a>');
    expect(existsSync(path.join(out, 'notes/how-to-migrate-a-processor'))).toBe(false);
  }, 300_000);

  it('publishes those notes, named as the content collection names them, and not the example', async () => {
    const notes = path.join(tempDir(), 'team notes');
    mkdirSync(path.join(notes, 'Guides'), { recursive: true });
    writeFileSync(path.join(notes, 'Guides', 'Retry Rules.md'), '---\ntitle: "Retry <rules> & jitter"\nfile: data_processors/raw/processor_base.py\norder: 1\n---\n\nBack off **with jitter**.\n');
    const out = path.join(tempDir(), 'site');
    // As a user sets it for `migratrack build`, relative to where they run it: the pipeline passes
    // no folder of its own, and Astro itself runs elsewhere.
    const cwd = process.cwd();
    process.chdir(path.dirname(notes));
    process.env.MIGRATRACK_NOTES_DIR = path.basename(notes);
    try {
      await renderAstroSite({ snapshotFile, historyFile: null, notesDir: null, outDir: out, base: '/', site: null, verbose: false });
    } finally {
      delete process.env.MIGRATRACK_NOTES_DIR;
      process.chdir(cwd);
    }
    expect(existsSync(path.join(out, 'notes/how-to-migrate-a-processor'))).toBe(false);
    // Built without a history file: the API says so with an empty series (docs/SNAPSHOT.md).
    expect(JSON.parse(readFileSync(path.join(out, 'api/history.json'), 'utf8'))).toEqual({ schemaVersion: 2, repo: null, records: [] });
    const page = readFileSync(path.join(out, 'notes/guides/retry-rules/index.html'), 'utf8');
    expect(page).toContain('<h1>Retry &lt;rules&gt; &amp; jitter</h1>');
    expect(page).toContain('<strong>with jitter</strong>');
    const filePage = readFileSync(path.join(out, 'files/data_processors/raw/processor_base.py/index.html'), 'utf8');
    expect(filePage).toContain('Note: Retry &lt;rules&gt; &amp; jitter</h2>');
    expect(filePage).toContain('<a href="/notes/guides/retry-rules/">Retry &lt;rules&gt; &amp; jitter</a>');
  }, 300_000);

  it('stops at a note without a title, naming the file, and leaves no site behind', async () => {
    const notes = tempDir();
    writeFileSync(path.join(notes, 'untitled.md'), '---\norder: 2\n---\n\nNo title.\n');
    const out = path.join(tempDir(), 'site');
    const build = renderAstroSite({ snapshotFile, historyFile: null, notesDir: notes, outDir: out, base: '/', site: null, verbose: false });
    await expect(build).rejects.toThrow(`could not render the site: The note ${path.join(notes, 'untitled.md')} has invalid frontmatter: title: required (expected string) (the previous site and the history are unchanged)`);
    expect(existsSync(out)).toBe(false);
  }, 300_000);
});
