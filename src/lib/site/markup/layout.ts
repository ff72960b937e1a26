/**
 * The layout's chrome: the page around its `<main>`, with the head (stylesheet included), the
 * header with the site's navigation, and the footer. `src/layouts/Base.astro` prints it around
 * every page's content, and the file page prints it with its own content as one string, without
 * Astro's component rendering: on 5,000 pages the layout component cost ~0.9 s of CPU, and the
 * page's own rendering ~0.6 s more (docs/BENCHMARKS.md).
 */
import type { LayoutView } from '../layout.js';
import { isCurrentLink } from '../nav.js';
import { attr, html, Html } from './html.js';

/**
 * A whole page but for its `<main>`: what comes before it and after it. The templates print
 * `<main id="main">` themselves, as an element, where Astro's dev server puts its scripts.
 */
export interface PageShell {
  before: Html;
  after: Html;
}

/** The page titled `title` at `here` (its path under the base, which marks its navigation link). */
export function pageShell(view: LayoutView, title: string, here: string): PageShell {
  return {
    before: html`<!DOCTYPE html><html lang="en"> <head>${headHtml(view, title)}</head> <body> ${headerHtml(view, here)} `,
    after: html` ${footerHtml(view)} </body></html>`,
  };
}

/** The whole page, with `main` in its `<main>` (as Base.astro prints it). */
export function pageHtml(shell: PageShell, ...main: Html[]): Html {
  return html`${shell.before}<main id="main">${main}</main>${shell.after}`;
}

/** The inside of `<head>`. */
export function headHtml(view: LayoutView, title: string): Html {
  return html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${view.siteTitle}</title><link rel="icon" href="${view.base}favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="${view.stylesheetHref}">`;
}

/** The copy buttons' script, for a page that prints copy buttons. */
export function copyScriptHtml(view: LayoutView): Html {
  return inlineScript(view.copyScript);
}

/** The file list's filter script (/files/). */
export function filterScriptHtml(view: LayoutView): Html {
  return inlineScript(view.filterScript);
}

/** The charts' script, once on a page with charts. */
export function chartScriptHtml(view: LayoutView): Html {
  return html`<script type="module" src="${view.chartScriptHref}"></script>`;
}

/** The inline scripts printed so far, by their code: each is the same on every page of a build. */
const inlineScripts = new Map<string, Html>();

/** A module script of the build's own code; a `</script` in it would still end the element. */
function inlineScript(code: string): Html {
  let script = inlineScripts.get(code);
  if (!script) {
    script = new Html(`<script type="module">${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`);
    inlineScripts.set(code, script);
  }
  return script;
}

/** The skip link and the header with the navigation; `here` is the page's path (marks its link). */
export function headerHtml(view: LayoutView, here: string): Html {
  return html`<a class="skip" href="#main">Skip to content</a> <header class="site-header"> <nav aria-label="Site"> ${orgLinkHtml(view)}<a class="brand" href="${view.base}">${view.siteTitle} progress</a> <ul> ${navLinksHtml(view, here)} </ul> </nav> </header>`;
}

/** In a merged build, the link back to the org dashboard, before the repository's own title. */
function orgLinkHtml(view: LayoutView): Html | string {
  return view.org === null ? '' : html`<a class="org-link" href="${view.org.href}">← ${view.org.label}</a> `;
}

/** The navigation's list items; the link to the page being rendered (`here`) is marked current. */
function navLinksHtml(view: LayoutView, here: string): Html {
  return html`${view.links.map((l) => html`<li><a href="${l.href}"${attr('aria-current', isCurrentLink(l, here) ? 'page' : null)}>${l.label}</a></li>`)}`;
}

export function footerHtml(view: LayoutView): Html {
  // The time is the commit's (or SOURCE_DATE_EPOCH's), not the build clock's, so that builds are
  // reproducible: the figures are "as of" it; they were not generated then.
  const commit = view.commit === null ? '' : html` at commit <code>${view.commit}</code>`;
  return html`<footer> <p class="generated">Figures as of ${view.generatedAt} from <code>${view.docPath}</code>${commit} by migratrack.</p> </footer>`;
}
