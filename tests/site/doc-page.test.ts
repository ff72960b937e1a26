import { describe, expect, it } from 'vitest';
import { buildDocPage, groupSections, renderDoc, splitSections } from '../../src/lib/site/doc-page.js';
import { ROOT, siteData } from './helpers.js';

describe('doc page', () => {
  it('renders GFM with a live badge after each item heading', () => {
    const vm = buildDocPage(siteData(), ROOT);
    const html = vm.html!;
    expect(html).toContain('<table>');
    expect(html).toContain('<h3 id="doc-L21">File 27: processor_base.py <a class="doc-badge status-in-progress" href="/files/data_processors/raw/processor_base.py/#file-27">File 27 in code: Partly done</a></h3>');
    // The group heading carries one badge per slot.
    expect(html).toMatch(/id="doc-L33">Files 41-42: scrapers \(each\) <a[^>]*>File 41 in code: Unknown<\/a> <a[^>]*>File 42 in code: Unknown<\/a>/);
  });

  // set:html is used on this string: it must contain no markup that came from the doc's text.
  it('escapes hostile text and drops raw HTML (safe for set:html)', () => {
    const html = buildDocPage(siteData(), ROOT).html!;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<div>');
    // Raw HTML is shown as the text the author wrote.
    expect(html).toContain('File 28: &#x3C;script>alert(1)&#x3C;/script>.py');
    expect(html).toContain('&#x3C;div>&#x3C;script>alert(1)&#x3C;/script>&#x3C;/div>');
    const evil = renderDoc('# T\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) `<b>`', siteData().snapshot, ROOT);
    expect(evil).not.toMatch(/<img|<b>/);
    expect(evil).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(evil).not.toContain('href="javascript:');
    expect(renderDoc('[a](https://x.io/a) [b](./b) [c](#c)', siteData().snapshot, ROOT)).toContain('href="https://x.io/a"');
  });

  it('parses section by section with the doc’s own line numbers, never splitting inside code', () => {
    expect(splitSections('intro\n# A\ntext\n```\n# not a heading\n```\n## B').map((x) => x.startLine)).toEqual([1, 2, 7]);
    const html = renderDoc('# A\n\n```\n# code\n```\n\n## B', siteData().snapshot, ROOT);
    expect(html).toContain('<h2 id="doc-L7">B</h2>');
    expect(html).toContain('<code># code\n</code>');
  });

  it('parses ~50 lines at a time, each heading keeping its own line number', () => {
    const sections = splitSections(Array.from({ length: 40 }, (_, i) => `## S${i + 1}\ntext`).join('\n'));
    const chunks = groupSections(sections);
    expect(chunks.map((c) => c.startLine)).toEqual([1, 51]);
    expect(chunks.map((c) => c.text).join('\n')).toBe(sections.map((s) => s.text).join('\n'));
    expect(groupSections([{ startLine: 1, text: 'a\n'.repeat(60) }, { startLine: 62, text: '# b' }]).map((c) => c.startLine)).toEqual([1, 62]);
    const html = renderDoc(sections.map((s) => s.text).join('\n'), siteData().snapshot, ROOT);
    expect(html).toContain('<h2 id="doc-L53">S27</h2>');
  });

  it('says when the snapshot has no doc text', () => {
    const data = siteData();
    delete data.snapshot.doc.text;
    expect(buildDocPage(data, ROOT).html).toBeNull();
  });
});
