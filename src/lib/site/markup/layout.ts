/**
 * The layout's chrome: what goes in `<head>`, the header with the site's navigation, and the
 * footer. Printed by `src/layouts/Base.astro` for every page, and by the file page itself, which
 * does without the layout component: on 5,000 pages the component cost ~0.9 s of CPU
 * (docs/BENCHMARKS.md). The elements that hold these strings (`<head>`, `<main>`) stay in the
 * templates, where Astro puts the stylesheet and the scripts.
 */
import type { LayoutView } from '../layout.js';
import { attr, html, type Html } from './html.js';

/** The inside of `<head>`. */
export function headHtml(view: LayoutView, title: string): Html {
  return html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${view.siteTitle}</title><link rel="icon" href="${view.base}favicon.svg" type="image/svg+xml">`;
}

/** The skip link and the header with the navigation; `here` is the page's path (marks its link). */
export function headerHtml(view: LayoutView, here: string): Html {
  return html`<a class="skip" href="#main">Skip to content</a> <header class="site-header"> <nav aria-label="Site"> <a class="brand" href="${view.base}">${view.siteTitle} progress</a> <ul> ${navLinksHtml(view, here)} </ul> </nav> </header>`;
}

/** The navigation's list items; the link to the page being rendered (`here`) is marked current. */
function navLinksHtml(view: LayoutView, here: string): Html {
  return html`${view.links.map((l) => html`<li><a href="${l.href}"${attr('aria-current', l.path === here ? 'page' : null)}>${l.label}</a></li>`)}`;
}

export function footerHtml(view: LayoutView): Html {
  const commit = view.commit === null ? '' : html` at commit <code>${view.commit}</code>`;
  return html`<footer> <p class="generated">Generated at ${view.generatedAt} from <code>${view.docPath}</code>${commit} by migratrack.</p> </footer>`;
}
