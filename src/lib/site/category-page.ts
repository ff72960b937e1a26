/** `/categories/<id>/`: a category's completion, its items and its metrics. */
import { categoryLabel, categoryRef } from './category-label.js';
import type { ChartSpec } from './chart-spec.js';
import { categoryHistoryChart } from './charts.js';
import { docLineUrl, driftItemIds, itemRow, type ItemRow, type Link } from './common.js';
import { completion, type Completion } from './dashboard.js';
import type { SiteData } from './load.js';
import { joinBase, type SiteContext } from './urls.js';
import { docEditEvents, milestoneEvents } from './annotations.js';
import { deltas, deltaWindows } from './deltas.js';
import { categoryFigures, nounHeading, plural } from '../snapshot/figures.js';

export interface CategoryPage {
  id: string;
  title: string;
  /** "Task 3.3: BigQuery Pooling", or the title of a category named by its heading. */
  heading: string;
  /** "Task 3.3", or that title: how the page's title and captions name the category. */
  ref: string;
  slots: number;
  /** "Status counts (12 files)", "(3 items)". */
  countsCaption: string;
  /** The items' heading: "Files", or "Items" when some are not files. */
  itemsHeading: string;
  declared: Completion;
  verified: Completion;
  counts: { label: string; value: number }[];
  remainingText: string;
  rows: ItemRow[];
  metrics: Link[];
  chart: ChartSpec | null;
  docHref: string | null;
}

/** Route params of every category page, from the snapshot's category URLs. */
export function categoryParams(data: SiteData): string[] {
  return data.snapshot.categories.map((c) => c.url.replace(/^\/*categories\//, '').replace(/\/+$/, ''));
}

/** Builds the page of the category whose URL param is `param`. */
export function buildCategoryPage(data: SiteData, ctx: SiteContext, param: string): CategoryPage {
  const { snapshot } = data;
  const c = snapshot.categories.find((x) => x.url.replace(/^\/*categories\//, '').replace(/\/+$/, '') === param);
  if (!c) throw new Error(`no category page ${param}`);
  const drift = driftItemIds(snapshot.drift);
  const windows = deltaWindows(snapshot);
  const f = categoryFigures(snapshot, c);
  return {
    id: c.id,
    title: c.title,
    heading: categoryLabel(c.id, c.title),
    ref: categoryRef(c.id, c.title),
    slots: c.slots,
    countsCaption: `Status counts (${plural(c.slots, f.noun)})`,
    itemsHeading: nounHeading(f.noun),
    declared: completion(c.declared.done, c.slots, f.noun, deltas(windows, data.history, c.declared.done, (r) => r.categories[c.id]?.declaredDone, 'higher')),
    verified: completion(c.verified.done, c.slots, f.noun, deltas(windows, data.history, c.verified.done, (r) => r.categories[c.id]?.verifiedDone, 'higher')),
    counts: [
      { label: 'Declared done', value: c.declared.done },
      { label: 'Declared in progress', value: c.declared.inProgress },
      { label: 'Declared not started', value: c.declared.notStarted },
      { label: 'Declared blocked', value: c.declared.blocked },
      // Skipped items are not in the slots; shown only when the doc has some (issue 17).
      ...((c.declared.skipped ?? 0) > 0 ? [{ label: 'Declared skipped (not counted)', value: c.declared.skipped ?? 0 }] : []),
      { label: 'Verified done', value: c.verified.done },
      { label: 'Partly done in code', value: c.verified.partial },
      { label: 'Not started in code', value: c.verified.notStarted },
      { label: 'Missing files', value: c.verified.missing },
    ],
    remainingText: f.calls > 0 ? `${f.calls} ${f.what} left in ${plural(f.callFiles, 'file')}` : 'Nothing left to migrate in code.',
    rows: snapshot.items.filter((i) => i.category === c.id).map((i) => itemRow(ctx, i, drift)),
    metrics: snapshot.metrics.filter((m) => m.categoryId === c.id).map((m) => ({ label: m.label, href: joinBase(ctx.base, m.url) })),
    chart: categoryHistoryChart(data.history, { id: c.id, title: c.title, noun: f.noun }, [...milestoneEvents(snapshot), ...docEditEvents(data.history)]),
    docHref: docLineUrl(snapshot, c.docLine),
  };
}
