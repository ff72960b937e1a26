/**
 * The body of a file page (breadcrumbs, path, copy link, one section per item): printed on each
 * of a big site's 5,000 file pages, so as one string each rather than dozens of Astro
 * expressions (./html.ts).
 */
import type { FilePage } from '../file-page.js';
import type { LayoutView } from '../layout.js';
import { copyButtonHtml } from './copy-button.js';
import { html, type Html } from './html.js';
import { itemSectionHtml } from './item-section.js';
import { copyScriptHtml, pageHtml, pageShell } from './layout.js';

export function filePageHtml(vm: FilePage): Html {
  const crumbs = vm.crumbs.map((c, i) => html`${i > 0 && ' / '}${c.href ? html`<a href="${c.href}">${c.label}</a>` : c.label}`);
  return html`<p class="crumbs">${crumbs}</p><h1><code>${vm.path}</code></h1>${copyButtonHtml(vm.copyLink, 'Copy link')}${vm.sections.map(itemSectionHtml)}`;
}


/**
 * The whole document of a file page without an author's note, as the route's template prints
 * one with a note (src/pages/files/[...path].astro): the layout's chrome, the body, the copy
 * script. `here` (the page's path under the base) marks no navigation link on a file page.
 */
export function filePageDocument(layout: LayoutView, vm: FilePage): string {
  const shell = pageShell(layout, vm.title, `files/${vm.path}/`);
  return pageHtml(shell, filePageHtml(vm), copyScriptHtml(layout)).value;
}
