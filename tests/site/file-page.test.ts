import { describe, expect, it } from 'vitest';
import { buildFilePage, buildItemPage, filePageFiles, filePageParam, filePages } from '../../src/lib/site/file-page.js';
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
    expect(f27.copyLink).toBe(`https://example.github.io/migration/files/${BASE_PATH}/#file-27`);
    expect(vm.copyLink).toBe(`https://example.github.io/migration/files/${BASE_PATH}/`);
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
    expect(vm.sections[1]!.doneOn).toBeNull();
  });

  it('plots the file’s remaining calls, with gaps (not zeros) before the history counted them', () => {
    const [f1, f27] = buildFilePage(siteData(), ROOT, BASE_PATH).sections;
    const spark = f27!.sparkline!;
    expect(spark.labels).toEqual(['2026-01-19', '2026-01-25', '2026-02-03', '2026-02-08']);
    expect([spark.dataset.label, spark.dataset.data]).toEqual(['Calls left', [null, null, 0, 1]]);
    // Gaps stay gaps: the line starts at the first counted day.
    expect(spark.path).toBe('M66.67 23L100 1');
    expect(spark.title).toBe('File 27: call sites left in code over time');
    expect(f1!.sparkline!.title).toBe('File 1: call sites left in code over time, done on 2026-01-25');
    // The table lists the days the count changed (and the last one), gaps as "—".
    // Each row names the commit of that day's record: the commits that changed the count.
    expect(spark.table.columns).toEqual(['Date', 'Calls left', 'Commit']);
    expect(spark.table.rows).toEqual([
      { label: '2026-01-19', cells: ['—', 'aaaaaaa'] },
      { label: '2026-02-03', cells: ['0', 'ccccccc'] },
      { label: '2026-02-08', cells: ['1', '0123456'] },
    ]);
    expect(spark.table.caption).toContain('(— : not counted yet)');
  });

  it('has no sparkline when the history never counted the file’s calls', () => {
    const data = siteData();
    const f41 = buildItemPage(data, ROOT, data.snapshot.items.find((i) => i.id === 'file-41')!);
    expect(f41.section.sparkline).toBeNull();
    expect(f41.section.events.length).toBeGreaterThan(0);
  });

  it('item pages exist only for items without a file page; the others redirect to theirs', () => {
    const data = siteData();
    const f41 = buildItemPage(data, ROOT, data.snapshot.items.find((i) => i.id === 'file-41')!);
    expect(f41.title).toBe('File 41: unresolved slot');
    expect(f41.section.copyLink).toBe('/items/41/#file-41');
  });
});

describe('the file pages a build writes itself', () => {
  it('one file per path at files/<path>/index.html, the real name; each page made only when it is written', () => {
    const pages = filePages(siteData());
    const made: string[] = [];
    const files = filePageFiles(pages, (p) => (made.push(p.path), `<p>${p.path}</p>`));
    expect(made).toEqual([]);
    const first = files.next();
    expect(first.value).toEqual({ file: `files/${pages[0]!.path}/index.html`, html: `<p>${pages[0]!.path}</p>` });
    expect(made).toEqual([pages[0]!.path]);
    const rest = [...files];
    expect(rest.map((f) => f.file)).toEqual(pages.slice(1).map((p) => `files/${p.path}/index.html`));
    expect(rest.map((f) => f.file)).toContain(`files/${HOSTILE_PATH}/index.html`);
  });
});
