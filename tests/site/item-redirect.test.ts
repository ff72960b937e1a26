import { describe, expect, it } from 'vitest';
import { itemRedirect, itemRedirectHtml, itemRoutes, redirectFiles } from '../../src/lib/site/item-redirect.js';
import { BASE_PATH } from './fixtures/snapshot.js';
import { HOSTILE_PATH } from './fixtures/hostile.js';
import { ROOT, SUB, siteData } from './helpers.js';

const item = (id: string) => siteData().snapshot.items.find((i) => i.id === id)!;

describe('/items/<n>/ of an item with a file page', () => {
  it('sends the browser to the file page at the item’s anchor, under the base path', () => {
    expect(itemRedirect(SUB, item('file-27'))).toEqual({
      slug: '27',
      title: 'File 27: processor_base.py',
      href: `/migration/files/${BASE_PATH}/#file-27`,
      canonical: `https://example.github.io/migration/files/${BASE_PATH}/`,
      path: BASE_PATH,
      icon: '/migration/favicon.svg',
    });
    expect(itemRedirect(ROOT, item('file-27'))!.canonical).toBe(`/files/${BASE_PATH}/`);
    expect(itemRedirect(ROOT, item('file-41'))).toBeNull();
  });

  it('works without JavaScript: meta refresh, canonical link and a visible link', () => {
    const html = itemRedirectHtml(itemRedirect(SUB, item('file-27'))!);
    const href = `/migration/files/${BASE_PATH}/#file-27`;
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${href}">`);
    expect(html).toContain(`<link rel="canonical" href="https://example.github.io/migration/files/${BASE_PATH}/">`);
    expect(html).toContain(`<a href="${href}"><code>${BASE_PATH}</code></a>`);
    expect(html).not.toContain('<script');
  });

  it('escapes hostile paths and names', () => {
    const hostile = siteData().snapshot.items.find((i) => i.path === HOSTILE_PATH)!;
    const html = itemRedirectHtml(itemRedirect(ROOT, hostile)!);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.py');
  });

  it('a build writes redirects as files and renders full pages only for items without a path', () => {
    const build = itemRoutes(siteData(), ROOT, true);
    expect(build.paths.map((p) => [p.slug, p.item?.id, p.redirect])).toEqual([['41', 'file-41', null], ['42', 'file-42', null]]);
    const files = [...build.files()];
    expect(files.map((f) => f.file)).toEqual(['items/1/index.html', 'items/2/index.html', 'items/27/index.html', 'items/28/index.html', 'items/29/index.html']);
    expect(files[2]).toEqual({ file: 'items/27/index.html', html: itemRedirectHtml(itemRedirect(ROOT, item('file-27'))!) });
    // The dev server renders the redirects through the route instead.
    const dev = itemRoutes(siteData(), ROOT, false);
    expect([...dev.files()]).toEqual([]);
    expect(dev.paths.map((p) => p.slug).sort()).toEqual(['1', '2', '27', '28', '29', '41', '42']);
  });

  it('refuses a slug that would not name one folder under items/', () => {
    const r = itemRedirect(ROOT, item('file-27'))!;
    for (const slug of ['', '.', '..', 'a/b', 'a\\b']) expect(() => [...redirectFiles([{ ...r, slug }])]).toThrow(/cannot name a folder/);
  });
});
