import { describe, expect, it } from 'vitest';
import { buildFileList, FILE_LIST_PAGE_SIZE, fileListPage, fileListPageCount, fileListPageUrl } from '../../src/lib/site/file-list.js';
import type { SiteData } from '../../src/lib/site/load.js';
import { syntheticSnapshot } from './fixtures/synthetic.js';
import { ROOT, SUB, siteData } from './helpers.js';

const big = (n: number): SiteData => ({ snapshot: syntheticSnapshot(n), snapshotFile: 'snapshot.json', history: [], historyFile: null });

describe('the pages of /files/', () => {
  it('a list of up to 1,000 rows is one page, with no pager', () => {
    const list = buildFileList(siteData(), ROOT);
    expect(fileListPageCount(list)).toBe(1);
    expect(fileListPage(list, ROOT, 1)).toEqual({ ...list, title: 'Files', countText: '7 items', pager: null });
    const full = buildFileList(big(FILE_LIST_PAGE_SIZE), ROOT);
    expect(fileListPageCount(full)).toBe(1);
  });

  it('a longer list: pages of 1,000 rows in snapshot order, each linking every page under the base', () => {
    const data = big(2 * FILE_LIST_PAGE_SIZE + 7);
    const list = buildFileList(data, SUB);
    expect(fileListPageCount(list)).toBe(3);
    const pages = [1, 2, 3].map((n) => fileListPage(list, SUB, n));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(data.snapshot.items.map((i) => i.id));
    expect(pages.map((p) => [p.pager!.first, p.pager!.last, p.pager!.total])).toEqual([[1, 1000, 2007], [1001, 2000, 2007], [2001, 2007, 2007]]);
    expect(pages.map((p) => [p.title, p.countText])).toEqual([['Files', 'Items 1–1000 of 2007'], ['Files 1001–2000', 'Items 1001–2000 of 2007'], ['Files 2001–2007', 'Items 2001–2007 of 2007']]);
    expect(pages[1]!.pager!.links).toEqual([
      { label: '1', href: '/migration/files/', current: false },
      { label: '2', href: '/migration/file-list/2/', current: true },
      { label: '3', href: '/migration/file-list/3/', current: false },
    ]);
    // The filter options cover the whole list on every page.
    expect(pages[2]!.directories).toEqual(list.directories);
  });

  it('page URLs stay out of files/, where any name may be a tracked file', () => {
    expect([1, 2, 20].map(fileListPageUrl)).toEqual(['files/', 'file-list/2/', 'file-list/20/']);
  });

  it('refuses a page the list does not have', () => {
    const list = buildFileList(big(1500), ROOT);
    for (const n of [0, 3, 1.5]) expect(() => fileListPage(list, ROOT, n)).toThrow(/has no page/);
  });
});
