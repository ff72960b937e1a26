import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotItem } from '../../src/lib/snapshot/schema.js';
import { buildDocPage, groupSections, renderDoc, splitSections } from '../../src/lib/site/doc-page.js';
import { ROOT, SUB, siteData } from './helpers.js';

/** The fixture snapshot with its items replaced by copies of the first one, changed by `changes`. */
function withItems(...changes: Partial<SnapshotItem>[]): Snapshot {
  const snapshot = siteData().snapshot;
  return { ...snapshot, items: changes.map((change) => ({ ...snapshot.items[0]!, ...change })) };
}

/** Every heading id in `html`, in order. */
const headingIds = (html: string): string[] => [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1]!);

describe('doc page', () => {
  it('renders GFM with a live badge after each item heading', () => {
    const vm = buildDocPage(siteData(), ROOT);
    const html = vm.html!;
    expect(html).toContain('<table>');
    expect(html).toContain('<h3 id="doc-L21">File 27: processor_base.py <a class="doc-badge status-in-progress" href="/files/data_processors/raw/processor_base.py/#file-27">File 27 in code: Partly done</a></h3>');
    // The group heading carries one badge per slot.
    expect(html).toMatch(/id="doc-L33">Files 41-42: scrapers \(each\) <a[^>]*>File 41 in code: Unknown<\/a> <a[^>]*>File 42 in code: Unknown<\/a><\/h3>/);
    expect(html.match(/class="doc-badge /g)).toHaveLength(siteData().snapshot.items.filter((i) => i.docLine !== null).length);
  });

  it('puts each item’s badge on its own heading line, under the base path, and none elsewhere', () => {
    const snapshot = withItems(
      { id: 'file-1', number: 1, docLine: 1, url: 'files/a.py/', detectedStatus: 'done' },
      { id: 'file-2', number: 2, docLine: 3, url: 'files/b.py/', detectedStatus: 'blocked' },
      { id: 'file-3', number: 3, docLine: 3, url: 'files/c.py/', detectedStatus: 'not-started' },
      { id: 'file-4', number: 4, docLine: 5, url: 'files/d.py/', detectedStatus: 'done' },
    );
    const html = renderDoc('# File 1\n\n## Files 2-3\n\nnot a heading: line 5\n', snapshot, SUB);
    expect(html).toContain('<h1 id="doc-L1">File 1 <a class="doc-badge status-done" href="/migration/files/a.py/#file-1">File 1 in code: Done</a></h1>');
    expect(html).toContain(
      '<h2 id="doc-L3">Files 2-3 <a class="doc-badge status-blocked" href="/migration/files/b.py/#file-2">File 2 in code: Blocked</a> ' +
        '<a class="doc-badge status-not-started" href="/migration/files/c.py/#file-3">File 3 in code: Not started</a></h2>',
    );
    // An item whose line is not a heading gets no badge (as before: badges live in headings only).
    expect(html).toContain('<p>not a heading: line 5</p>');
    expect(html).not.toContain('#file-4');
  });

  it('gives setext headings an id and badges at their first text line', () => {
    const snapshot = withItems({ id: 'file-7', number: 7, docLine: 3, url: 'files/s.py/', detectedStatus: 'done' });
    const html = renderDoc('intro\n\nFile 7\n======\n\nTwo *lines*\nof text\n---\n', snapshot, ROOT);
    expect(html).toContain('<h1 id="doc-L3">File 7 <a class="doc-badge status-done" href="/files/s.py/#file-7">File 7 in code: Done</a></h1>');
    expect(html).toContain('<h2 id="doc-L6">Two <em>lines</em>\nof text</h2>');
    // A closing `##` sequence is not a second heading.
    expect(renderDoc('## Closed ##', snapshot, ROOT)).toBe('<h2 id="doc-L1">Closed</h2>');
  });

  it('numbers headings with the doc’s own lines across chunks, and none inside fenced code', () => {
    const doc = Array.from({ length: 40 }, (_, i) => `## S${i + 1}\ntext`).join('\n');
    expect(groupSections(splitSections(doc)).length).toBeGreaterThan(1);
    expect(headingIds(renderDoc(doc, siteData().snapshot, ROOT))).toEqual(Array.from({ length: 40 }, (_, i) => `doc-L${2 * i + 1}`));
    const fenced = renderDoc('# A\n\n```\n# code\n```\n\n~~~\n## tilde\n~~~\n\n## B', siteData().snapshot, ROOT);
    expect(headingIds(fenced)).toEqual(['doc-L1', 'doc-L11']);
    expect(fenced).toContain('<code># code\n</code>');
  });

  it('renders GFM: tables, task lists, strikethrough, autolinks, footnotes', () => {
    const md = '| a | b |\n|:--|--:|\n| 1 | ~~two~~ |\n\n- [ ] open\n- [x] done\n\nSee www.example.com, https://x.io/a?b=1&c=2 and a@b.co.[^1]\n\n[^1]: Note.';
    const html = renderDoc(md, siteData().snapshot, ROOT);
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right"><del>two</del></td>');
    expect(html).toMatch(/<li><input type="checkbox" disabled="" \/> open<\/li>\s*<li><input type="checkbox" disabled="" checked="" \/> done<\/li>/);
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toContain('<a href="https://x.io/a?b=1&amp;c=2">https://x.io/a?b=1&amp;c=2</a>');
    expect(html).toContain('<a href="mailto:a@b.co">a@b.co</a>');
    expect(html).toContain('<li id="user-content-fn-1">');
  });

  // set:html is used on this string: it must contain no markup that came from the doc's text.
  it('escapes hostile text and drops raw HTML (safe for set:html)', () => {
    const html = buildDocPage(siteData(), ROOT).html!;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<div>');
    // Raw HTML is shown as the text the author wrote.
    expect(html).toContain('File 28: &lt;script&gt;alert(1)&lt;/script&gt;.py');
    expect(html).toContain('&lt;div&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/div&gt;');
    const evil = renderDoc('# T\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,<b>) ![z](data:image/png;base64,AA) <javascript:alert(2)> `<b>`', siteData().snapshot, ROOT);
    expect(evil).not.toMatch(/<img src=x|<b>/);
    expect(evil).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Dangerous URLs are emptied: the link stays, pointing nowhere.
    expect(evil).toContain('<a href="">x</a> <a href="">y</a> <img src="" alt="z" /> <a href="">javascript:alert(2)</a>');
    expect(evil).toContain('<code>&lt;b&gt;</code>');
    expect(renderDoc('[a](https://x.io/a) [b](./b) [c](#c) [d](mailto:a@b.co)', siteData().snapshot, ROOT)).toBe(
      '<p><a href="https://x.io/a">a</a> <a href="./b">b</a> <a href="#c">c</a> <a href="mailto:a@b.co">d</a></p>',
    );
  });

  it('a line of 10,000 nested list markers renders in well under a second, its line id kept (issue 20)', () => {
    const data = siteData();
    const text = `# T\n\n${'- '.repeat(10_000)}deep\n\n## After\n`;
    const started = process.cpuUsage();
    const html = buildDocPage({ ...data, snapshot: { ...data.snapshot, doc: { ...data.snapshot.doc, text } } }, ROOT).html!;
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1_000);
    expect(headingIds(html)).toEqual(['doc-L1', 'doc-L5']);
    expect(html).toContain('deep');
  });

  it('escapes the item title, url and id in badges', () => {
    const hostile = '"><img src=x onerror=alert(1)>&';
    const snapshot = withItems({ id: `x${hostile}`, number: null, name: `<script>${hostile}`, docLine: 1, url: `files/${hostile}/`, detectedStatus: 'unknown' });
    const html = renderDoc('# Item', snapshot, ROOT);
    expect(html).toBe(
      '<h1 id="doc-L1">Item <a class="doc-badge status-unknown" href="/files/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;/#x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;">' +
        '&lt;script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp; in code: Unknown</a></h1>',
    );
  });

  it('parses section by section, never splitting inside code or HTML', () => {
    expect(splitSections('intro\n# A\ntext\n```\n# not a heading\n```\n## B').map((x) => x.startLine)).toEqual([1, 2, 7]);
    expect(splitSections('# A\n<div>\n# not a heading\n</div>\n\n# B').map((x) => x.startLine)).toEqual([1, 6]);
  });

  // The oracle: the same doc through micromark in one piece. Cutting it must not change a byte.
  describe('renders a cut doc exactly as the whole doc', () => {
    const { snapshot } = siteData();
    const whole = (md: string) => renderDoc(md, snapshot, ROOT, [{ startLine: 1, text: md }]);
    const sections = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => `## S${i + 1}\n\n${body(i)}`).join('\n\n');
    it.each([
      ['a link to a definition in a later section', `${sections(30, (i) => (i === 2 ? 'See [the guide][g].' : 'text'))}\n\n[g]: https://example.com/guide "Guide"`, '<a href="https://example.com/guide" title="Guide">the guide</a>'],
      ['a footnote defined in a later section', `${sections(30, (i) => (i === 1 ? 'Done.[^why]' : 'text'))}\n\n[^why]: Because.`, '<li id="user-content-fn-why">'],
      // In every section, of varying length, so that a cut between chunks would fall inside one.
      ['headings inside HTML blocks', sections(30, (i) => `<div>\n# not a heading\n${'text\n'.repeat(i % 4)}## nor this\n</div>`), '&lt;div&gt;\n# not a heading'],
      ['headings inside fenced code', sections(30, (i) => `\`\`\`sh\n# a comment\n${'x\n'.repeat(i % 4)}## another\n\`\`\``), '<code class="language-sh"># a comment\n'],
    ])('%s', (_name, md, expected) => {
      expect(groupSections(splitSections(md.replace(/\[\^?\w+\]:.*/, ''))).length).toBeGreaterThan(1);
      const html = renderDoc(md, snapshot, ROOT);
      expect(html).toBe(whole(md));
      expect(html).toContain(expected);
    });
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

  // A merged build renders one doc for many repositories, once, with the base put back (issue 24).
  it('renders the same doc at another base, or with other badges, as renderDoc does', () => {
    const data = siteData();
    const text = data.snapshot.doc.text!;
    const odd: typeof ROOT = { base: '/a&b"<x>/', site: null };
    for (const ctx of [ROOT, SUB, odd, SUB]) expect(buildDocPage(data, ctx).html).toBe(renderDoc(text, data.snapshot, ctx));
    expect(buildDocPage(data, odd).html).toContain('href="/a&amp;b&quot;&lt;x&gt;/files/');
    const other = { ...data, snapshot: { ...data.snapshot, items: data.snapshot.items.map((i) => ({ ...i, detectedStatus: 'done' as const })) } };
    expect(buildDocPage(other, SUB).html).toBe(renderDoc(text, other.snapshot, SUB));
    expect(buildDocPage(other, SUB).html).not.toBe(buildDocPage(data, SUB).html);
    const edited = { ...data, snapshot: { ...data.snapshot, doc: { ...data.snapshot.doc, text: `${text}\n\nMore.` } } };
    expect(buildDocPage(edited, SUB).html).toBe(renderDoc(`${text}\n\nMore.`, data.snapshot, SUB));
  });

  it('is deterministic', () => {
    const data = siteData();
    expect(renderDoc(data.snapshot.doc.text!, data.snapshot, ROOT)).toBe(renderDoc(data.snapshot.doc.text!, data.snapshot, ROOT));
  });

  it('says when the snapshot has no doc text', () => {
    const data = siteData();
    delete data.snapshot.doc.text;
    expect(buildDocPage(data, ROOT).html).toBeNull();
  });
});
