/**
 * The long lists: a category's table of items and the `/files/` list, one row per tracked item
 * (5,000 rows each in a big site). Rows come ready from the view-models (../common.ts,
 * ../file-list.ts); the filter script reads the data attributes decided there.
 */
import type { ItemRow } from '../common.js';
import type { FileListRow } from '../file-list.js';
import { categoryRef } from '../category-label.js';
import { html, type Html } from './html.js';
import { statusBadgeHtml } from './item-section.js';

const DRIFT = html`<span class="badge sev-warning">drift</span>`;

/** The rows of a table with columns Item, Doc says, Code says, Left. */
export function itemTableRowsHtml(rows: readonly ItemRow[]): Html {
  return html`${rows.map((r) => html`<tr><th scope="row"><a href="${r.href}">${r.title}</a>${r.path && html`<br><code>${r.path}</code>`}${r.drift && html` ${DRIFT}`}</th><td>${statusBadgeHtml(r.declared)}</td><td>${statusBadgeHtml(r.detected)}</td><td class="num">${r.remaining}</td></tr>`)}`;
}

/** The `/files/` list items, each carrying the values the filter matches on. */
export function fileListRowsHtml(rows: readonly FileListRow[]): Html {
  return html`${rows.map((r) => html`<li class="file-row" data-detected="${r.detected.status}" data-declared="${r.declared.status}" data-category="${r.categoryId}" data-dir="${r.directory}" data-drift="${r.drift ? 'yes' : 'no'}" data-text="${`${r.title} ${r.path ?? ''}`.toLowerCase()}"><a href="${r.href}">${r.title}</a> ${r.path ? html`<code>${r.path}</code>` : html`<span class="muted">path not resolved</span>`}<div class="meta"><span>${categoryRef(r.categoryId)}</span><span>Doc: ${statusBadgeHtml(r.declared)}</span><span>Code: ${statusBadgeHtml(r.detected)}</span>${r.remaining > 0 && html`<span>${r.remaining} left</span>`}${r.drift && DRIFT}</div></li>`)}`;
}
