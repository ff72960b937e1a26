import { describe, expect, it } from 'vitest';
import { buildFilePage, buildItemPage, filePageParam, filePages } from '../../src/lib/site/file-page.js';
import { BASE_PATH } from './fixtures/snapshot.js';
import { HOSTILE_PATH, SCRIPT } from './fixtures/hostile.js';
import { ROOT, SUB, siteData } from './helpers.js';

describe('file pages', () => {
  it('exist for every files/ URL in the snapshot, a path tracked twice once', () => {
    const pages = filePages(siteData());
    expect(pages.map((p) => p.path)).toEqual([BASE_PATH, 'data_processors/raw/nbacom/nbac_gamebook_processor.py', HOSTILE_PATH, 'scrapers/old_name.py']);
    expect(pages[0]!.items.map((i) => i.id)).toEqual(['file-1', 'file-27']);
    expect(filePageParam('items/file-41/')).toBeNull();
  });

  it('shows both items of a shared path with their remaining lines', () => {
    const vm = buildFilePage(siteData(), SUB, BASE_PATH);
    expect(vm.sections.map((s) => s.title)).toEqual(['File 1', 'File 27']);
    const f27 = vm.sections[1]!;
    expect(f27.detected.label).toBe('Partly done');
    expect(f27.remaining).toHaveLength(1);
    expect(f27.remaining[0]!.lines).toEqual([
      { number: 41, text: '# line 41', isMatch: false },
      { number: 42, text: '    client = bigquery.Client(project=PROJECT)', isMatch: true },
      { number: 43, text: `    return ${SCRIPT}`, isMatch: false },
    ]);
    expect(f27.remaining[0]!.href).toBe(`https://github.com/example/nba-stats/blob/0123456789abcdef0123456789abcdef01234567/${BASE_PATH}#L42`);
    expect(f27.docHref).toBe(`https://github.com/example/nba-stats/blob/fedcba9876543210fedcba9876543210fedcba98/docs/JITTER-ADOPTION-TRACKING.md#L21`);
    expect(f27.copyLink).toBe(`https://example.github.io/migration/files/${BASE_PATH}/`);
    expect(f27.standup).toContain('1 `bigquery.Client(` call left · https://example.github.io/migration/files/');
    expect(f27.sameFile).toEqual([{ label: 'File 1 (Task 3.1.1)', href: `/migration/files/${BASE_PATH}/#file-1` }]);
    expect(vm.crumbs.map((c) => c.href)).toEqual(['/migration/files/?dir=data_processors', '/migration/files/?dir=data_processors%2Fraw', null]);
  });

  it('tells the item’s own history: when it was done and what changed', () => {
    const vm = buildFilePage(siteData(), ROOT, BASE_PATH);
    const f1 = vm.sections[0]!;
    expect(f1.doneOn).toBe('2026-01-25');
    expect(f1.events.map((e) => `${e.date} ${e.what}`)).toEqual([
      '2026-02-08 doc: done',
      '2026-01-25 doc: in progress, code: done',
      '2026-01-19 doc: not started, code: not started',
    ]);
    expect(f1.sparkline!.datasets[0]!.data).toEqual([0, 2, 2, 2]);
    expect(vm.sections[1]!.doneOn).toBeNull();
  });

  it('item pages point at the file page, or show an unresolved slot in full', () => {
    const data = siteData();
    const f27 = buildItemPage(data, ROOT, data.snapshot.items.find((i) => i.id === 'file-27')!);
    expect(f27.filePage).toEqual({ href: `/files/${BASE_PATH}/#file-27`, path: BASE_PATH });
    const f41 = buildItemPage(data, ROOT, data.snapshot.items.find((i) => i.id === 'file-41')!);
    expect(f27.section).toBeNull();
    expect(f41.filePage).toBeNull();
    expect(f41.section!.copyLink).toBe('/items/41/');
  });
});
