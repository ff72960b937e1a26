import { describe, expect, it } from 'vitest';
import { layoutView } from '../../src/lib/site/layout.js';
import { footerHtml, headerHtml, headHtml } from '../../src/lib/site/markup/index.js';
import { buildNav } from '../../src/lib/site/nav.js';
import { SUB, siteData } from './helpers.js';

const HOSTILE = '"><script>alert(1)</script>&';

describe('the layout chrome', () => {
  const { snapshot } = siteData();
  const links = buildNav(SUB, [{ title: HOSTILE, slug: 'x', order: 0 }]);
  const view = layoutView({ ...snapshot, doc: { ...snapshot.doc, project: HOSTILE } }, SUB.base, [...links.sections, ...links.notes]);

  it('escapes the page and site titles in <head>, under the base path', () => {
    expect(headHtml(view, `a <b> & "c"`).value).toBe(
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>a &lt;b&gt; &amp; &quot;c&quot; · &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;</title>' +
        '<link rel="icon" href="/migration/favicon.svg" type="image/svg+xml">',
    );
  });

  it('marks the current page in the navigation and escapes every label', () => {
    const header = headerHtml(view, 'files/').value;
    expect(header).toContain('<a class="brand" href="/migration/">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp; progress</a>');
    expect(header).toContain('<li><a href="/migration/files/" aria-current="page">Files</a></li>');
    expect(header.match(/aria-current/g)).toHaveLength(1);
    expect(header).not.toContain('<script>');
  });

  it('names the doc and the commit in the footer, or no commit outside git', () => {
    expect(footerHtml(view).value).toBe(
      `<footer> <p class="generated">Generated at ${snapshot.generatedAt} from <code>${snapshot.doc.path}</code> at commit <code>${snapshot.repo.commit!.slice(0, 7)}</code> by migratrack.</p> </footer>`,
    );
    expect(footerHtml({ ...view, commit: null }).value).not.toContain('at commit');
  });
});
