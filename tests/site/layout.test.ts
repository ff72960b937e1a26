import { describe, expect, it } from 'vitest';
import { layoutView } from '../../src/lib/site/layout.js';
import { chartScriptHtml, copyScriptHtml, filterScriptHtml, footerHtml, headerHtml, headHtml, html, pageHtml, pageShell } from '../../src/lib/site/markup/index.js';
import { buildNav } from '../../src/lib/site/nav.js';
import { SUB, siteData } from './helpers.js';

const HOSTILE = '"><script>alert(1)</script>&';

describe('the layout chrome', () => {
  const { snapshot } = siteData();
  const links = buildNav(SUB, [{ title: HOSTILE, slug: 'x', order: 0 }]);
  const assets = {
    stylesheetPath: '_astro/site.AbC-12_x.css',
    chartScriptPath: '_astro/chart-client.Zz9-_0aB.js',
    copyScript: 'document.title="</script><script>alert(1)</SCRIPT>"',
    filterScript: 'let a = "</script >";',
  };
  const view = layoutView({ ...snapshot, doc: { ...snapshot.doc, project: HOSTILE } }, SUB.base, [...links.sections, ...links.notes], assets);

  it('escapes the page and site titles in <head>, under the base path', () => {
    expect(headHtml(view, `a <b> & "c"`).value).toBe(
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>a &lt;b&gt; &amp; &quot;c&quot; · &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;</title>' +
        '<link rel="icon" href="/migration/favicon.svg" type="image/svg+xml">' +
        '<link rel="stylesheet" href="/migration/_astro/site.AbC-12_x.css">',
    );
  });

  it('prints the scripts so that nothing in their code can end the element, the charts’ by URL', () => {
    const copy = copyScriptHtml(view).value;
    expect(copy).toBe('<script type="module">document.title="<\\/script><script>alert(1)<\\/SCRIPT>"</script>');
    expect(copy.match(/<\/script/gi)).toHaveLength(1);
    expect(filterScriptHtml(view).value).toBe('<script type="module">let a = "<\\/script >";</script>');
    expect(chartScriptHtml(view).value).toBe('<script type="module" src="/migration/_astro/chart-client.Zz9-_0aB.js"></script>');
  });

  it('puts the head, header and footer around <main>, as one document', () => {
    const shell = pageShell(view, 'Drift', 'drift/');
    const page = pageHtml(shell, html`<p>content</p>`, html`<p>more</p>`).value;
    expect(page).toBe(
      `<!DOCTYPE html><html lang="en"> <head>${headHtml(view, 'Drift').value}</head> <body> ${headerHtml(view, 'drift/').value} ` +
        `<main id="main"><p>content</p><p>more</p></main> ${footerHtml(view).value} </body></html>`,
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
      `<footer> <p class="generated">Figures as of ${snapshot.generatedAt} from <code>${snapshot.doc.path}</code> at commit <code>${snapshot.repo.commit!.slice(0, 7)}</code> by migratrack.</p> </footer>`,
    );
    expect(footerHtml({ ...view, commit: null }).value).not.toContain('at commit');
  });
});
