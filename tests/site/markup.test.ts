/**
 * The template functions that print the item sections of file pages (src/lib/site/markup): every
 * value is escaped like Astro's `{}`, nested markup is kept, and the section prints what its
 * view-model says.
 */
import { describe, expect, it } from 'vitest';
import { buildFileList } from '../../src/lib/site/file-list.js';
import { buildFilePage } from '../../src/lib/site/file-page.js';
import { attr, codeBlockHtml, fileListRowsHtml, html, Html, itemSectionHtml, itemTableRowsHtml, sparklineHtml } from '../../src/lib/site/markup/index.js';
import { BASE_PATH } from './fixtures/snapshot.js';
import { HOSTILE_PATH, IMG, SCRIPT } from './fixtures/hostile.js';
import { SUB, siteData } from './helpers.js';

describe('the html template tag', () => {
  it('escapes every string and number it is given, in text and in attributes', () => {
    expect(html`<a href="${IMG}" title='${"it's"}'>${SCRIPT} ${'&'} ${1}</a>`.value).toBe(
      '<a href="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" title=\'it&#39;s\'>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 1</a>',
    );
  });

  it('keeps markup it made, joins arrays, prints nothing for null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[inner, ' ', 'x<y']}${null}${undefined}${false}</p>`.value).toBe('<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b> x&lt;y</p>');
    // A string that looks like markup is still a string: only Html is trusted.
    expect(html`${new Html('<br>').toString()}`.value).toBe('&lt;br&gt;');
  });

  it('drops an attribute without a value and escapes one with a value', () => {
    expect(html`<li${attr('class', null)}${attr('data-x', undefined)}>`.value).toBe('<li>');
    expect(html`<li${attr('class', '"on"')}${attr('data-n', 3)}>`.value).toBe('<li class="&quot;on&quot;" data-n="3">');
  });
});

describe('an item section', () => {
  it('prints its statuses, checks, remaining lines and copy buttons', () => {
    const [, f27] = buildFilePage(siteData(), SUB, BASE_PATH).sections;
    const out = itemSectionHtml(f27!).value;
    expect(out).toMatch(/^<section class="item" id="file-27" aria-labelledby="file-27-title"><h2 id="file-27-title">File 27: /);
    expect(out).toContain('<dt>Code says</dt><dd><span class="badge status-in-progress">Partly done</span>');
    expect(out).toContain('<h3>Remaining in code (1)</h3>');
    expect(out).toContain('<li class="hit" data-line="42"><span class="ln">42</span><span class="src">    client = bigquery.Client(project=PROJECT)</span></li>');
    expect(out).toContain(`<li data-line="43"><span class="ln">43</span><span class="src">    return &lt;script&gt;alert(1)&lt;/script&gt;</span></li>`);
    expect(out).toContain(`<button type="button" data-copy="${f27!.copyLink}" hidden>Copy link to File 27</button>`);
    expect(out.match(/<button /g)).toHaveLength(2);
    expect(out).toContain(`<a href="/migration/files/${BASE_PATH}/#file-1">File 1 (Task 3.1.1)</a>`);
  });

  it('keeps a hostile path, code line and standup text inert', () => {
    const data = siteData();
    const page = buildFilePage(data, SUB, HOSTILE_PATH);
    const out = page.sections.map((s) => itemSectionHtml(s).value).join('');
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toContain(SCRIPT);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
  });

  it('prints a code block with its path when asked, and a sparkline with its table', () => {
    const [, f27] = buildFilePage(siteData(), SUB, BASE_PATH).sections;
    const block = f27!.remaining[0]!;
    expect(codeBlockHtml(block).value).not.toContain(`<code>${BASE_PATH}</code>`);
    expect(codeBlockHtml(block, true).value).toContain(`<div class="code-head"><code>${BASE_PATH}</code> line 42 · <a href="${block.href}">view on the repository</a></div>`);
    const spark = f27!.sparkline!;
    const out = sparklineHtml(spark).value;
    expect(out).toContain(`<path d="${spark.path}"`);
    expect(out.match(/<tr><th scope="row">/g)).toHaveLength(spark.table.rows.length);
  });
});

describe('the long lists', () => {
  it('print one row per item with the filter attributes, a hostile path inert', () => {
    const { rows } = buildFileList(siteData(), SUB);
    const list = fileListRowsHtml(rows).value;
    expect(list.match(/<li class="file-row"/g)).toHaveLength(rows.length);
    const f27 = rows.find((r) => r.id === 'file-27')!;
    expect(list).toContain(`<li class="file-row" data-detected="in-progress" data-declared="${f27.declared.status}" data-category="${f27.categoryId}" data-dir="${f27.directory}" data-drift="${f27.drift ? 'yes' : 'no'}" data-text="file 27 ${BASE_PATH}">`);
    const table = itemTableRowsHtml(rows).value;
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(rows.length);
    expect(table).toContain(`<a href="${f27.href}">File 27</a><br><code>${BASE_PATH}</code>`);
    for (const out of [list, table]) {
      expect(out).not.toContain(SCRIPT);
      expect(out).not.toContain('<img');
    }
  });
});
