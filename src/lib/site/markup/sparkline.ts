/**
 * A file's sparkline: an SVG path decided in ../charts.ts (no JavaScript) and the numbers in a
 * table that is always there.
 */
import type { SparklineSpec } from '../chart-spec.js';
import { attr, html, type Html } from './html.js';

export function sparklineHtml(spec: SparklineSpec): Html {
  const { table } = spec;
  return html`<figure class="chart sparkline" id="${spec.id}"><figcaption>${spec.title}</figcaption><svg viewBox="${spec.viewBox}" preserveAspectRatio="none" role="img" aria-label="${spec.title}. The numbers are in the table below."><path d="${spec.path}" fill="none" stroke="${spec.dataset.colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" vector-effect="non-scaling-stroke"></path></svg><details class="chart-data"><summary>The days its count changed (${table.rows.length})</summary><div class="table-wrap"><table class="chart-table"><caption>${table.caption}</caption><thead><tr>${table.columns.map((c, i) => html`<th scope="col"${attr('class', i > 0 ? 'num' : null)}>${c}</th>`)}</tr></thead><tbody>${table.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>`)}</tbody></table></div></details></figure>`;
}
