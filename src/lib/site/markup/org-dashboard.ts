/**
 * The org dashboard as one static page (issue 24): printed here rather than by Astro, since it is
 * one page over the merge's small reductions, and a build of its own would cost seconds. It works
 * without JavaScript: the repository table is links, the burndown an SVG drawn now with its
 * numbers in a table beside it. The site's stylesheet is inlined (each repository's own site,
 * under `/<name>/`, has its own copy).
 */
import type { OrgBurndownView, OrgDashboard, OrgRowView } from '../org-dashboard.js';
import { daysBetween } from '../../history/dates.js';
import { attr, html, Html } from './html.js';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
const [W, H, PAD] = [720, 260, 36];

export function orgDashboardHtml(vm: OrgDashboard, stylesheet: string): Html {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${vm.title} · across repositories</title><style>${new Html(stylesheet.replace(/<\/(style)/gi, '<\\/$1'))}</style></head><body><a class="skip" href="#main">Skip to content</a><main id="main">
<h1>${vm.title}</h1>
<p class="muted">${vm.totals.repos} with figures${vm.generatedAt === null ? '' : html`; latest scan ${vm.generatedAt}`}</p>
<div class="cards">
<div class="card" data-testid="org-declared"><span>Declared done in the docs</span><span class="big">${vm.totals.declared}</span></div>
<div class="card" data-testid="org-verified"><span>Verified done in code</span><span class="big">${vm.totals.verified}</span></div>
<div class="card" data-testid="org-calls"><span>Remaining calls</span><span class="big">${vm.totals.remainingCalls}</span></div>
<div class="card" data-testid="org-problems"><span>Missing or failed shards</span><span class="big">${vm.totals.problems}</span></div>
</div>
<h2>Repositories</h2>
<p class="muted">Slowest first: the lowest share verified done in code; a repository without figures heads the list.</p>
<div class="table-wrap"><table data-testid="org-repos"><caption>Each repository: declared and verified done, remaining calls, trend and last change</caption>
<thead><tr><th scope="col">Repository</th><th scope="col" class="num">Declared</th><th scope="col" class="num">Verified</th><th scope="col" class="num">Remaining calls</th><th scope="col">Trend</th><th scope="col">Last change</th><th scope="col">Doc or status</th></tr></thead>
<tbody>${vm.rows.map(rowHtml)}</tbody></table></div>
${vm.burndown === null ? html`<p>No history yet: the burndown starts with the first scans.</p>` : burndownHtml(vm.burndown)}
</main><footer><p class="generated">Merged by migratrack from one shard per repository. Data: <a href="api/org.json">api/org.json</a>.</p></footer></body></html>
`;
}

function rowHtml(row: OrgRowView): Html {
  const name = row.href === null ? html`${row.name}` : html`<a href="${row.href}">${row.name}</a>`;
  return html`<tr data-repo="${row.name}" data-status="${row.status}"><th scope="row">${name}</th><td class="num" data-value="declared">${row.declaredText}</td><td class="num" data-value="verified">${row.verifiedText}</td><td class="num" data-value="calls"${attr('title', row.remainingWhat)}>${row.remainingText}</td><td${attr('class', row.trendTone === 'none' ? null : `delta-${row.trendTone}`)}>${row.trendText}</td><td>${row.lastChange}</td><td${attr('class', row.status === 'ok' ? null : 'sev-error')}>${row.status === 'ok' ? html`<code>${row.note}</code>` : row.note}</td></tr>`;
}

function burndownHtml(b: OrgBurndownView): Html {
  const first = b.days[0]!.date;
  const span = Math.max(1, daysBetween(first, b.days.at(-1)!.date));
  const top = Math.max(1, ...b.days.map((d) => d.verifiedLeft));
  const x = (date: string) => PAD + ((W - 2 * PAD) * daysBetween(first, date)) / span;
  const y = (value: number) => H - PAD - ((H - 2 * PAD) * value) / top;
  const path = (value: (d: (typeof b.days)[number]) => number | undefined) =>
    b.days.flatMap((d) => {
      const v = value(d);
      return v === undefined ? [] : [`${x(d.date).toFixed(1)},${y(v).toFixed(1)}`];
    });
  const line = (points: string[], colour: string, width: number) => (points.length === 0 ? '' : html`<polyline fill="none" stroke="${colour}" stroke-width="${width}" points="${points.join(' ')}"/>`);
  const more = b.notDrawn > 0 ? html` (the ${b.notDrawn} with fewest left are in the sum only)` : '';
  return html`<h2>Burndown</h2>
<figure><svg role="img" aria-labelledby="org-burndown-title" viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px"><title id="org-burndown-title">Files left as the code shows it, summed over the repositories, from ${first} to ${b.days.at(-1)!.date}: ${b.days[0]!.verifiedLeft} to ${b.days.at(-1)!.verifiedLeft}</title>
<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#888"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#888"/>
<text x="${PAD - 4}" y="${PAD + 4}" text-anchor="end" font-size="11">${top}</text><text x="${PAD - 4}" y="${H - PAD}" text-anchor="end" font-size="11">0</text>
<text x="${PAD}" y="${H - PAD + 16}" font-size="11">${first}</text><text x="${W - PAD}" y="${H - PAD + 16}" text-anchor="end" font-size="11">${b.days.at(-1)!.date}</text>
${b.lines.map((name, i) => line(path((d) => d.byRepo[name]), PALETTE[i % PALETTE.length]!, 1.5))}
${line(path((d) => d.verifiedLeft), '#000', 3)}
</svg><figcaption>The thick line is the sum; one thin line per repository${more}: ${b.lines.map((name, i) => html`<span style="color:${PALETTE[i % PALETTE.length]!}">■</span> ${name} `)}</figcaption></figure>
<details><summary>The burndown's numbers</summary><div class="table-wrap"><table data-testid="org-burndown"><caption>Files left (verified in code) and remaining calls per day, summed and per repository</caption>
<thead><tr><th scope="col">Day</th><th scope="col" class="num">Files left, all</th><th scope="col" class="num">Remaining calls, all</th>${b.lines.map((name) => html`<th scope="col" class="num">${name}</th>`)}</tr></thead>
<tbody>${b.days.map((d) => html`<tr><th scope="row">${d.date}</th><td class="num">${d.verifiedLeft}</td><td class="num">${d.remainingCalls}</td>${b.lines.map((name) => html`<td class="num">${d.byRepo[name] ?? '—'}</td>`)}</tr>`)}</tbody></table></div></details>`;
}
