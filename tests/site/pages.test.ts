import { describe, expect, it } from 'vitest';
import { buildCategoryPage, categoryParams } from '../../src/lib/site/category-page.js';
import { buildChangesPage } from '../../src/lib/site/changes-page.js';
import { buildDiagnosticsPage } from '../../src/lib/site/diagnostics-page.js';
import { buildDriftPage } from '../../src/lib/site/drift-page.js';
import { buildFileList } from '../../src/lib/site/file-list.js';
import { buildMetricPage, metricParams } from '../../src/lib/site/metric-page.js';
import { buildMilestonesPage } from '../../src/lib/site/milestones-page.js';
import { buildNav, currentPath, isCurrentLink } from '../../src/lib/site/nav.js';
import { notesByPath, notesForPath } from '../../src/lib/site/notes.js';
import { HOSTILE_PATH, IMG } from './fixtures/hostile.js';
import { BASE_PATH } from './fixtures/snapshot.js';
import { ROOT, SUB, siteData } from './helpers.js';

describe('page view-models', () => {
  it('category page: counts, rows with drift flags, metrics, history chart', () => {
    const data = siteData();
    expect(categoryParams(data)).toEqual(['3.1.1', '3.3', '3.4']);
    const vm = buildCategoryPage(data, ROOT, '3.3');
    expect(vm.verified.pctText).toBe('0%');
    expect(vm.rows.map((r) => [r.title, r.drift, r.remaining])).toEqual([['File 27', true, 1], ['File 28', false, 2], ['File 29', true, 0]]);
    expect(vm.metrics).toEqual([{ label: 'BigQuery clients to pool', href: '/metrics/bq-client/' }]);
    expect(vm.chart!.datasets[1]!.data).toEqual([0, 0, 1, 0]);
  });

  it('metric page: by directory/file, links tracked files, finds calls that came back', () => {
    const data = siteData();
    expect(metricParams(data)).toEqual(['bq-client', 'requests', 'broken']);
    const vm = buildMetricPage(data, SUB, 'bq-client');
    expect(vm.byFile.map((f) => f.href)).toEqual([`/migration/files/${HOSTILE_PATH.split('/').map(encodeURIComponent).join('/')}/`, `/migration/files/${BASE_PATH}/`]);
    expect(vm.byDirectory[0]).toEqual({ path: `scrapers/${IMG}`, count: 2 });
    expect(vm.cameBack).toEqual([{ date: '2026-02-08', from: 2, to: 3 }]);
    expect([vm.byFileText, vm.matchesText, vm.cameBackMoreText]).toEqual([`By file (${vm.byFile.length} files)`, `${vm.matches.length} places in the code`, '']);
    expect(vm.matches.map((m) => `${m.path}:${m.line}`)).toEqual([`${BASE_PATH}:42`, `${HOSTILE_PATH}:7`, `${HOSTILE_PATH}:19`]);
    // One point per day (three weeks: daily), days without a record carrying the one before.
    const spec = vm.chart!.ranges.find((r) => r.id === 'all')!.spec;
    const rows = new Map(spec.table.rows.map((r) => [r.label, r.cells[0]]));
    expect([rows.get('2026-01-19'), rows.get('2026-01-24'), rows.get('2026-01-25'), rows.get('2026-02-03'), rows.get('2026-02-08')]).toEqual(['8', '8', '6', '2', '3']);
    expect(spec.labels.length).toBe(21);
  });

  it('milestones page: statuses and forecast', () => {
    const vm = buildMilestonesPage(siteData());
    expect(vm.milestones.map((m) => m.status.label)).toEqual(['Met', 'At risk', 'No target']);
    expect(vm.milestones[0]!.target).toBe('2 of 2 (of 2) files');
    expect(vm.forecast).toEqual({ message: 'At 0.1 files/day, done around 2026-03-01', range: 'between 2026-02-20 and 2026-03-20' });
  });

  it('drift page: grouped worst first, linking to the item on its file page', () => {
    const vm = buildDriftPage(siteData(), ROOT);
    expect(vm.groups.map((g) => g.kind)).toEqual(['declared-done-not-in-code', 'done-in-code-not-declared', 'path-missing', 'summary-disagrees']);
    expect(vm.groups[0]!.entries[0]!.href).toBe(`/files/${BASE_PATH}/#file-27`);
    expect(vm.groups[3]!.entries[0]!.href).toBeNull();
  });

  it('changes page: since the previous run and over the last 7 days', () => {
    const vm = buildChangesPage(siteData(), ROOT);
    expect(vm.previous).toEqual({ date: '2026-02-03', commit: 'ccccccc' });
    expect(vm.sincePrevious.regressed.map((e) => e.title)).toEqual([`File 27 ${BASE_PATH}`]);
    expect(vm.sincePrevious.docEdits.map((e) => `${e.title}: ${e.detail}`)).toEqual([`File 1 ${BASE_PATH}: doc: In progress → Done`, `File 27 ${BASE_PATH}: doc: Not started → Done`]);
    expect(vm.sincePrevious.newCalls.map((e) => e.detail)).toEqual(['2 → 3 matches']);
    expect(vm.windowStart).toBe('2026-02-01');
    expect(vm.lastWeek.completed.map((e) => e.title)).toEqual(['File 2 data_processors/raw/nbacom/nbac_gamebook_processor.py', `File 27 ${BASE_PATH}`]);
    expect(vm.lastWeek.regressed).toHaveLength(1);
    const none = buildChangesPage(siteData(false), ROOT);
    expect(none.previous).toBeNull();
    expect(none.lastWeek.empty).toBe(true);
  });

  it('file list: every item with filter data and ancestor directories', () => {
    const vm = buildFileList(siteData(), ROOT);
    expect(vm.rows).toHaveLength(7);
    expect(vm.rows.find((r) => r.id === 'file-41')).toMatchObject({ directory: '', href: '/items/41/' });
    expect(vm.directories.map((d) => d.value)).toEqual(['data_processors', 'data_processors/raw', 'data_processors/raw/nbacom', 'scrapers', `scrapers/${IMG}`, `scrapers/${IMG}/<script>alert(1)<`]);
    expect(vm.rows.filter((r) => r.drift).map((r) => r.id)).toEqual(['file-2', 'file-27', 'file-29']);
  });

  it('diagnostics sorted by severity; nav with notes; notes per path', () => {
    expect(buildDiagnosticsPage(siteData()).entries.map((d) => d.severity)).toEqual(['warning', 'info']);
    const nav = buildNav(SUB, [{ slug: 'b', title: 'B', order: 2 }, { slug: 'a', title: 'A', order: 2 }, { slug: 'z', title: 'Z', order: 1 }]);
    expect(nav.notes.map((n) => n.href)).toEqual(['/migration/notes/z/', '/migration/notes/a/', '/migration/notes/b/']);
    expect(nav.sections[0]).toEqual({ label: 'Dashboard', path: '', href: '/migration/' });
    expect(currentPath('/migration/files/a%20b/', '/migration/')).toBe('files/a b/');
    // The list of files is current on each of its pages, not on a file's page.
    const files = nav.sections.find((s) => s.label === 'Files')!;
    expect(['files/', 'file-list/2/', 'file-list/12/', 'files/a.py/', 'file-list/x/', ''].map((here) => isCurrentLink(files, here))).toEqual([true, true, true, false, false, false]);
    expect(isCurrentLink(nav.sections[0]!, '')).toBe(true);
    const notes = [{ id: 'n1', data: { title: 'x', order: 1, file: 'a.py' } }, { id: 'n2', data: { title: 'y', order: 1 } }];
    expect(notesForPath(notes, 'a.py').map((n) => n.id)).toEqual(['n1']);
    const more = [...notes, { id: 'n0', data: { title: 'w', order: 0, file: 'a.py' } }];
    expect([...notesByPath(more)].map(([path, list]) => [path, list.map((n) => n.id)])).toEqual([['a.py', ['n0', 'n1']]]);
  });
});
