/** snapshot/figures.ts: the words and numbers the site and the summaries share (issue 18 item 7). */
import { describe, expect, it } from 'vitest';
import { callsLeftText, callsWhat, categoryFigures, categoryNoun, nounOf, nounText, plural, snapshotNoun, totalsFigures } from '../../src/lib/snapshot/figures.js';
import type { SnapshotItem } from '../../src/lib/snapshot/schema.js';
import { buildCategoryPage } from '../../src/lib/site/category-page.js';
import { buildDashboard } from '../../src/lib/site/dashboard.js';
import { buildMilestonesPage } from '../../src/lib/site/milestones-page.js';
import { buildChangesPage } from '../../src/lib/site/changes-page.js';
import { buildFileList, fileListPage } from '../../src/lib/site/file-list.js';
import { renderMarkdownSummary } from '../../src/lib/cli/index.js';
import { ROOT, siteData } from './helpers.js';

describe('shared figures', () => {
  it('puts nouns in the number of their count', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file'), plural(1, 'match', 'matches'), plural(3, 'match', 'matches')]).toEqual(['0 files', '1 file', '2 files', '1 match', '3 matches']);
    expect(callsWhat('`bigquery.Client(`', 1)).toBe('`bigquery.Client(` call');
    expect(callsWhat('`bigquery.Client(` calls', 1)).toBe('`bigquery.Client(` call');
    expect(callsWhat('`a(`, `b(`', 2)).toBe('`a(`, `b(` calls');
    expect(callsWhat('', 1)).toBe('call');
    expect(callsLeftText({ calls: 1, callFiles: 1, what: callsWhat('`x(`', 1) })).toBe('1 `x(` call in 1 file');
  });

  it('counts each category’s files left from its items’ remaining lines, most first', () => {
    const { snapshot } = siteData();
    for (const c of snapshot.categories) {
      const f = categoryFigures(snapshot, c);
      const lines = new Set(snapshot.items.filter((i) => i.category === c.id).flatMap((i) => i.remaining.map((m) => `${m.path}:${m.line}`)));
      expect(f.filesLeft.reduce((n, x) => n + x.count, 0)).toBe(lines.size);
      expect(f.filesLeft.map((x) => x.count)).toEqual([...f.filesLeft.map((x) => x.count)].sort((a, b) => b - a));
      expect(f.filesRemaining).toBe(c.slots - c.verified.done);
    }
  });
});

/** An item for the noun rule: only its path, group and declared status matter. */
function entry(path: string | null, groupId: string | null = null, declaredStatus: SnapshotItem['declaredStatus'] = 'not-started') {
  return { path, groupId, declaredStatus };
}

describe('what a count of items is a count of (issue 17)', () => {
  it('says files when every counted item is a file, items otherwise', () => {
    expect(nounOf([entry('a.py'), entry('b/c.ts')])).toBe('file');
    // A seed family group slot has no path yet but stands for a file.
    expect(nounOf([entry('a.py'), entry(null, 'files-40-56')])).toBe('file');
    expect(nounOf([entry('a.py'), entry(null)])).toBe('item');
    expect(nounOf([entry(null), entry(null)])).toBe('item');
    // A skipped task is out of the slots, so it does not turn files into items; all skipped still count.
    expect(nounOf([entry('a.py'), entry(null, null, 'skipped')])).toBe('file');
    expect(nounOf([entry(null, null, 'skipped')])).toBe('item');
    expect(nounOf([])).toBe('file');
    expect([nounText('file', 1), nounText('file', 0), nounText('item', 1), nounText('item', 2)]).toEqual(['file', 'files', 'item', 'items']);
  });

  it('reads the noun verify wrote, and derives it from the items in an older snapshot', () => {
    const { snapshot } = siteData();
    expect(snapshotNoun(snapshot)).toBe('file');
    const tasks = { ...snapshot, items: snapshot.items.map((i) => (i.category === '3.3' ? { ...i, path: null } : i)) };
    expect(snapshot.categories.map((c) => categoryNoun(tasks, c))).toEqual(['file', 'item', 'file']);
    expect(snapshotNoun(tasks)).toBe('item');
    const written = { ...tasks, totals: { ...tasks.totals, noun: 'file' as const }, categories: tasks.categories.map((c) => ({ ...c, noun: 'file' as const })) };
    expect([snapshotNoun(written), categoryNoun(written, written.categories[1]!)]).toEqual(['file', 'file']);
    expect([totalsFigures(tasks).noun, categoryFigures(tasks, tasks.categories[1]!).noun]).toEqual(['item', 'item']);
  });

  it('the site and the summary count tasks in items and files in files', () => {
    const data = siteData();
    const tasks = { ...data, snapshot: { ...data.snapshot, items: data.snapshot.items.map((i) => (i.category === '3.3' ? { ...i, path: null } : i)) } };
    const files = buildDashboard(data, ROOT);
    expect([files.declared.noun, files.slotsHeading, files.categoryChart.valueAxis, files.categoryChart.title]).toEqual(['files', 'Files', 'files', expect.stringMatching(/^Files per category/)]);
    const items = buildDashboard(tasks, ROOT);
    expect([items.declared.noun, items.slotsHeading, items.categoryChart.valueAxis, items.categoryChart.title]).toEqual(['items', 'Items', 'items', expect.stringMatching(/^Items per category/)]);
    expect(items.categories.map((c) => c.verified.noun)).toEqual(['files', 'items', 'files']);
    const page = buildCategoryPage(tasks, ROOT, '3.3');
    expect([page.countsCaption, page.itemsHeading, page.declared.noun, page.chart?.valueAxis]).toEqual(['Status counts (3 items)', 'Items', 'items', 'items done']);
    expect(buildCategoryPage(data, ROOT, '3.3').countsCaption).toBe('Status counts (3 files)');
    expect(buildMilestonesPage(tasks).milestones[0]!.target).toBe('2 of 2 (of 2) items');
    const burndown = items.burndown!.ranges[0]!.spec;
    expect([burndown.valueAxis, burndown.title]).toEqual(['items remaining', expect.stringMatching(/^Burndown: items remaining/)]);
    expect(renderMarkdownSummary(tasks.snapshot)).toMatch(new RegExp(`\\*\\*${tasks.snapshot.totals.declaredDone}/${tasks.snapshot.totals.slots} items done`));
    expect(renderMarkdownSummary(data.snapshot)).toMatch(new RegExp(`\\*\\*${data.snapshot.totals.declaredDone}/${data.snapshot.totals.slots} files done`));
  });

  it('the changes list, the file list and the signals say what the doc counts (a checklist of tasks completes items)', () => {
    const data = siteData();
    const tasks = { ...data, snapshot: { ...data.snapshot, items: data.snapshot.items.map((i) => (i.category === '3.3' ? { ...i, path: null } : i)) } };
    const titles = (d: typeof data) => buildChangesPage(d, ROOT).lastWeek.sections.map((s) => `${s.title} (${s.entries.length})`);
    expect(titles(data)).toEqual(['Files completed in code (2)', 'Regressions (1)', 'Calls that came back (1)', 'Doc edits (2)']);
    expect(titles(tasks)).toEqual(['Items completed in code (2)', 'Regressions (1)', 'Calls that came back (1)', 'Doc edits (2)']);
    // Each section is its group, and a span where nothing moved has none.
    const week = buildChangesPage(data, ROOT).lastWeek;
    expect(week.sections.map((s) => s.entries)).toEqual([week.completed, week.regressed, week.newCalls, week.docEdits]);
    expect(buildChangesPage(siteData(false), ROOT).lastWeek.sections).toEqual([]);
    const list = (d: typeof data) => fileListPage(buildFileList(d, ROOT), ROOT, 1);
    expect([list(data).heading, list(data).title, list(data).countText]).toEqual(['Tracked files', 'Files', '7 items']);
    expect([list(tasks).heading, list(tasks).title, list(tasks).countText]).toEqual(['Tracked items', 'Items', '7 items']);
    const signals = (d: typeof data) => new Map(buildDashboard(d, ROOT).signals.map((s) => [s.id, s]));
    expect([signals(data).get('regressions')!.title, signals(data).get('stale-doc')!.detail]).toEqual(['1 file went back', expect.stringContaining(', and 3 files changed verified status')]);
    expect([signals(tasks).get('regressions')!.title, signals(tasks).get('stale-doc')!.detail]).toEqual(['1 item went back', expect.stringContaining(', and 3 items changed verified status')]);
    // No forecast when the verified remaining last fell weeks ago: what is left is in the doc's noun too.
    const stalled = (d: typeof data) => {
      const burndown = d.snapshot.burndown!;
      const points = [...burndown.points, { ...burndown.points.at(-1)!, date: '2026-03-20' }].map((p, i) => ({ ...p, verifiedRemaining: i === 0 ? 6 : 5 }));
      return signals({ ...d, history: [], snapshot: { ...d.snapshot, burndown: { ...burndown, points } } }).get('forecast')!.detail;
    };
    const left = data.snapshot.totals.slots - data.snapshot.totals.verifiedDone;
    expect([stalled(data), stalled(tasks)]).toEqual([expect.stringContaining(`; ${left} files remaining in the code.`), expect.stringContaining(`; ${left} items remaining in the code.`)]);
  });
});
