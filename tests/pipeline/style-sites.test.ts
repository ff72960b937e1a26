/**
 * Issue 17: a doc in any of the styles the doc stage reads also builds a site whose dashboard,
 * category and file pages show what the doc says. A few of the project's own style fixtures
 * (tests/doc/styles/), each committed alone in a fresh repository and built for real; what the
 * pages must show comes from the fixture's hand-written expected.json, not from the parser.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, renderSite } from '../../src/lib/pipeline/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { siteNouns } from './site-nouns.js';
import { buildOptions, git, quietLogger, removeTempDirs, ROOT, tempDir } from './helpers.js';

interface Expected {
  categories: string[];
  items: Array<{ name: string; status: string; category: string; path: string | null }>;
}

// 02 is a checklist of tasks without a path: its pages count items, not files (issue 17).
const STYLES = ['01-checklist-bare-paths', '02-gfm-extra-marks', '11-nested-substeps'];
const LABELS: Record<string, string> = { done: 'Done', 'in-progress': 'In progress', 'not-started': 'Not started', blocked: 'Blocked', skipped: 'Skipped' };

const built = new Map<string, { dist: string; snapshot: Snapshot; expected: Expected }>();

beforeAll(async () => {
  for (const style of STYLES) {
    const work = tempDir('mt-style-site-');
    const repo = path.join(work, 'repo');
    mkdirSync(path.join(repo, 'docs'), { recursive: true });
    writeFileSync(path.join(repo, 'docs', 'TRACKING.md'), readFileSync(path.join(ROOT, 'tests/doc/styles', `${style}.md`)));
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['add', '.']);
    git(repo, ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'doc']);
    const opts = buildOptions(work, repo, path.join(repo, 'docs', 'TRACKING.md'));
    const log = quietLogger(work);
    const { snapshot } = await buildSnapshot(opts, log);
    const dist = (await renderSite(opts, snapshot, log)).outDir;
    const expected = JSON.parse(readFileSync(path.join(ROOT, 'tests/doc/styles', `${style}.expected.json`), 'utf8')) as Expected;
    built.set(style, { dist, snapshot, expected });
  }
}, 600_000);
afterAll(removeTempDirs);

/** The HTML-escaped form a page shows a text in. */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(dist: string, ...parts: string[]): string {
  return readFileSync(path.join(dist, ...parts, 'index.html'), 'utf8');
}

describe.each(STYLES)('the site of style %s', (style) => {
  it('dashboard: the doc’s done count over its items, and every category', () => {
    const { dist, expected } = built.get(style)!;
    const dashboard = page(dist);
    const counted = expected.items.filter((item) => item.status !== 'skipped');
    const done = counted.filter((item) => item.status === 'done').length;
    const declared = dashboard.slice(dashboard.indexOf('data-testid="declared"'));
    expect(/data-value="done"[^>]*>([^<]*)</.exec(declared)?.[1]?.trim()).toBe(String(done));
    expect(/data-value="total"[^>]*>([^<]*)</.exec(declared)?.[1]?.trim()).toBe(String(counted.length));
    for (const title of expected.categories) expect(dashboard).toContain(escaped(title));
  });

  it('category pages: each item under its category, with its status', () => {
    const { dist, snapshot, expected } = built.get(style)!;
    for (const title of expected.categories) {
      const category = snapshot.categories.find((entry) => entry.title === title);
      expect(category, title).toBeDefined();
      const html = page(dist, 'categories', category!.id);
      for (const item of expected.items.filter((entry) => entry.category === title)) {
        const at = html.indexOf(escaped(item.path ?? item.name));
        expect(at, `${item.name} on the page of ${title}`).toBeGreaterThan(-1);
        const row = html.slice(at, html.indexOf('</tr>', at));
        expect(row, item.name).toContain(`>${LABELS[item.status]}<`);
      }
    }
  });

  it('counts in files when every item has a path, in items otherwise (issue 17)', () => {
    const { dist, snapshot, expected } = built.get(style)!;
    // The noun of a set of the fixture's items, from its hand-written paths; skipped ones are not counted.
    const nounOf = (items: Expected['items']) => (items.every((item) => item.path !== null) ? 'file' : 'item');
    const card = (items: Expected['items'], noun: string) => {
      const counted = items.filter((item) => item.status !== 'skipped');
      const done = counted.filter((item) => item.status === 'done').length;
      return `${done} of ${counted.length} ${noun}${counted.length === 1 ? '' : 's'}`;
    };
    const all = expected.items.filter((item) => item.status !== 'skipped');
    const noun = nounOf(all);
    const nouns = siteNouns(dist, snapshot);
    expect(nouns.cards).toEqual([card(all, noun), expect.stringMatching(new RegExp(` of ${all.length} ${noun}`))]);
    expect([nouns.fileList.title.split(' ')[0], nouns.fileList.heading]).toEqual([`${noun === 'file' ? 'F' : 'I'}${noun.slice(1)}s`, `Tracked ${noun}s`]);
    expect([nouns.chartTitle.split(' ')[0], nouns.slotsColumn]).toEqual([`${noun === 'file' ? 'F' : 'I'}${noun.slice(1)}s`, `${noun === 'file' ? 'F' : 'I'}${noun.slice(1)}s`]);
    snapshot.categories.forEach((category, i) => {
      const items = expected.items.filter((item) => item.category === category.title);
      const own = nounOf(items.filter((item) => item.status !== 'skipped'));
      const slots = items.filter((item) => item.status !== 'skipped').length;
      expect(nouns.categories[i], category.title).toEqual({
        cards: [card(items, own), expect.stringMatching(new RegExp(` of ${slots} ${own}`))],
        caption: `Status counts (${slots} ${own}${slots === 1 ? '' : 's'})`,
        heading: own === 'file' ? 'Files' : 'Items',
      });
    });
  });

  it('file pages: one per item with a path, showing its declared status', () => {
    const { dist, expected } = built.get(style)!;
    for (const item of expected.items.filter((entry) => entry.path !== null)) {
      expect(existsSync(path.join(dist, 'files', item.path!, 'index.html')), item.path!).toBe(true);
      expect(page(dist, 'files', item.path!)).toContain(`>${LABELS[item.status]}<`);
    }
  });
});
