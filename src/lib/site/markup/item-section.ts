/**
 * Everything about one tracked item, printed from its ItemSectionView (../item-section.ts decides,
 * this only prints): statuses, checks, remaining code, checklist, fields, history, copy buttons.
 * The file page prints it 5,000 times in a big site, which is why it is a template function and
 * not an Astro component (./html.ts).
 */
import type { ItemSectionView } from '../item-section.js';
import type { StatusView } from '../status.js';
import { codeBlockHtml } from './code-block.js';
import { copyButtonHtml } from './copy-button.js';
import { html, type Html } from './html.js';
import { sparklineHtml } from './sparkline.js';

/** A status pill. */
export function statusBadgeHtml(view: StatusView): Html {
  return html`<span class="badge ${view.className}">${view.label}</span>`;
}

function facts(s: ItemSectionView): Html {
  const category = s.category.href ? html`<a href="${s.category.href}">${s.category.label}</a>` : s.category.label;
  const docLine = s.docHref ? html` · <a href="${s.docHref}">doc line ${s.docLine}</a>` : s.docLine !== null && ` · doc line ${s.docLine}`;
  const path = s.path && html`<dt>Path</dt><dd><code>${s.path}</code>${s.repoHref && html` · <a href="${s.repoHref}">view at this commit</a>`}</dd>`;
  const renamed = s.renamedTo && html`<dt>Renamed to</dt><dd><code>${s.renamedTo}</code></dd>`;
  const sameFile = s.sameFile.length > 0 && html`<dt>Same file</dt><dd>${s.sameFile.map((l, i) => html`${i > 0 && ', '}<a href="${l.href}">${l.label}</a>`)}</dd>`;
  return html`<dl class="facts"><dt>Category</dt><dd>${category}</dd><dt>Doc says</dt><dd>${statusBadgeHtml(s.declared)} <span>${s.declaredText}</span>${s.updatedBy && ` · by ${s.updatedBy}`}${s.date && ` · ${s.date}`}${docLine}</dd><dt>Code says</dt><dd>${statusBadgeHtml(s.detected)}${s.doneOn && ` since ${s.doneOn}`}</dd>${path}${renamed}${sameFile}</dl>`;
}

function checks(s: ItemSectionView): Html | false {
  return s.checks.length > 0 && html`<h3>Checks</h3><ul class="plain">${s.checks.map((c) => html`<li><span class="badge ${c.className}">${c.result}</span> ${c.description} <span class="muted">— ${c.evidence}</span></li>`)}</ul>`;
}

function remaining(s: ItemSectionView): Html {
  const blocks = s.remaining.length === 0 ? html`<p class="muted">No call sites left.</p>` : s.remaining.map((b) => codeBlockHtml(b));
  const changes = s.deltas.length > 0 && html`<p class="deltas">${s.deltas.map((d, i) => html`${i > 0 && ' · '}<span data-delta="${d.windowId}">${d.label} <span class="delta-${d.tone}">${d.text}</span></span>`)}</p>`;
  return html`<h3>Remaining in code (${s.remaining.length})</h3>${changes}${blocks}`;
}

function checklist(s: ItemSectionView): Html | false {
  return s.checklist.length > 0 && html`<h3>Checklist in the doc</h3><ul class="plain checklist">${s.checklist.map((c) => html`<li><span aria-hidden="true">${c.checked ? '☑' : '☐'}</span> <span class="visually-hidden">${c.checked ? 'done:' : 'to do:'}</span> ${c.text}</li>`)}</ul>`;
}

function fields(s: ItemSectionView): Html | false {
  return s.fields.length > 0 && html`<h3>From the doc</h3><dl class="facts">${s.fields.map((f) => html`<dt>${f.key}</dt><dd>${f.value}${f.children.length > 0 && html`<ul>${f.children.map((c) => html`<li>${c}</li>`)}</ul>`}</dd>`)}</dl>`;
}

function history(s: ItemSectionView): Html {
  const events = s.events.length > 0 && html`<ul class="plain">${s.events.map((e) => {
    const commit = e.commit && (e.commit.href ? html`<a href="${e.commit.href}"><code>${e.commit.label}</code></a>` : html`<code>${e.commit.label}</code>`);
    return html`<li><span class="muted">${e.date}</span> ${commit} ${e.what}</li>`;
  })}</ul>`;
  return html`${(s.sparkline || s.events.length > 0) && html`<h3>History</h3>`}${s.sparkline && sparklineHtml(s.sparkline)}${events}`;
}

export function itemSectionHtml(s: ItemSectionView): Html {
  return html`<section class="item" id="${s.anchor}" aria-labelledby="${s.anchor}-title"><h2 id="${s.anchor}-title">${s.title}: ${s.name}</h2>${facts(s)}${copyButtonHtml(s.copyLink, `Copy link to ${s.title}`)}${copyButtonHtml(s.standup, 'Copy for standup')}${checks(s)}${remaining(s)}${checklist(s)}${fields(s)}${history(s)}</section>`;
}
