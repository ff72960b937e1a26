/** The dashboard's view-model: everything `/` shows, decided here (src/pages/index.astro prints it). */
import type { ChartSpec, RangedChart } from './chart-spec.js';
import { categoryLabel } from './category-label.js';
import { categoryChart } from './charts.js';
import { deltas, deltaWindows, type DeltaView } from './deltas.js';
import { buildSignals, type Signal } from './signals.js';
import { burndownRanged } from './time-charts.js';
import { docLineUrl, type Link } from './common.js';
import { metricAt, previousRecord } from './history-view.js';
import type { SiteData } from './load.js';
import { ROLE_ORDER, roleView, type RoleView } from './metric-roles.js';
import { callsLeftText, categoryFigures, nounHeading, nounText, snapshotNoun } from '../snapshot/figures.js';
import type { ItemNoun, MetricRole } from '../snapshot/schema.js';
import { classForPercent, deltaTone, formatDelta, formatPercent, percent } from './status.js';
import { joinBase, repoCommitUrl, shortSha, type SiteContext } from './urls.js';

/** A completion figure: "12 of 76 files", "15%". */
export interface Completion {
  done: number;
  total: number;
  pct: number;
  pctText: string;
  className: string;
  /** What `total` counts, in its number: "files", "item" (snapshot/figures.ts nounOf). */
  noun: string;
  /** Change of `done` this week, over 4 weeks, since the last milestone (empty without history). */
  deltas: DeltaView[];
}

/** One metric tile: value, unit, change since the previous run. */
export interface MetricTile {
  id: string;
  label: string;
  href: string;
  valueText: string;
  unit: string;
  error: string | null;
  delta: string | null;
  deltaTone: 'good' | 'bad' | 'same' | 'none';
  /** This week, last 4 weeks, since the last milestone. */
  deltas: DeltaView[];
  role: MetricRole;
  /** ↓ (lower is better) or ↑ (higher is better), with its words for screen readers. */
  arrow: RoleView['arrow'];
  directionText: string;
}

/** The metrics of one role, in their own place on the dashboard (issue 18, item 6). */
export interface MetricGroup {
  role: MetricRole;
  heading: string;
  hint: string;
  tiles: MetricTile[];
}

export interface CategoryRowView {
  id: string;
  title: string;
  /** "Task 3.3: BigQuery Pooling", or the title of a category named by its heading. */
  label: string;
  href: string;
  slots: number;
  declared: Completion;
  verified: Completion;
  remainingText: string;
}

export interface Dashboard {
  title: string;
  project: string | null;
  /** What a lead needs first, each with a link to its evidence (issue 18, item 3). */
  signals: Signal[];
  declared: Completion;
  verified: Completion;
  /** The categories table's count column: "Files", or "Items" when some are not files. */
  slotsHeading: string;
  categories: CategoryRowView[];
  categoryChart: ChartSpec;
  metrics: MetricTile[];
  /** The same tiles grouped by role, groups without metrics left out. */
  metricGroups: MetricGroup[];
  /** The burndown in its ranges (last 4 weeks / since the last milestone / all). */
  burndown: RangedChart | null;
  forecast: string | null;
  drift: { count: number; errors: number; href: string };
  /** The one line that changes between runs of identical input. */
  generatedAt: string;
  repoCommit: Link | null;
  docCommit: Link | null;
  docPath: string;
  docHref: string | null;
  previousRun: string | null;
  badgeHref: string;
}

/** Completion of `done` out of `total`, with its display decisions. */
export function completion(done: number, total: number, noun: ItemNoun, changes: DeltaView[] = []): Completion {
  const pct = percent(done, total);
  return { done, total, pct, pctText: formatPercent(done, total), className: classForPercent(pct), noun: nounText(noun, total), deltas: changes };
}

function commitLink(data: SiteData, sha: string | null): Link | null {
  const short = shortSha(sha);
  if (!short) return null;
  return { label: short, href: repoCommitUrl(data.snapshot.repo.host, data.snapshot.repo.webUrl, sha) ?? '' };
}

/** Builds the dashboard view-model. */
export function buildDashboard(data: SiteData, ctx: SiteContext): Dashboard {
  const { snapshot } = data;
  const previous = previousRecord(data.history, snapshot);
  const windows = deltaWindows(snapshot);
  const noun = snapshotNoun(snapshot);
  const change = (now: number | null, at: (r: (typeof data.history)[number]) => number | null | undefined, better: 'lower' | 'higher') => deltas(windows, data.history, now, at, better);
  const metrics = snapshot.metrics.map((m): MetricTile => {
    const before = metricAt(previous, m.id);
    const view = roleView(m);
    return {
      id: m.id,
      label: m.label,
      href: joinBase(ctx.base, m.url),
      valueText: m.value === null ? 'n/a' : String(m.value),
      unit: m.unit,
      error: m.error,
      delta: formatDelta(m.value, before),
      deltaTone: deltaTone(m.value, before, m.better),
      deltas: change(m.value, (r) => r.metrics[m.id], m.better),
      role: view.role,
      arrow: view.arrow,
      directionText: view.directionText,
    };
  });
  return {
    title: snapshot.doc.title ?? 'Migration progress',
    project: snapshot.doc.project,
    signals: buildSignals(data, ctx),
    declared: completion(snapshot.totals.declaredDone, snapshot.totals.slots, noun, change(snapshot.totals.declaredDone, (r) => r.declaredDone, 'higher')),
    verified: completion(snapshot.totals.verifiedDone, snapshot.totals.slots, noun, change(snapshot.totals.verifiedDone, (r) => r.verifiedDone, 'higher')),
    slotsHeading: nounHeading(noun),
    categories: snapshot.categories.map((c) => {
      const f = categoryFigures(snapshot, c);
      return {
        id: c.id,
        title: c.title,
        label: categoryLabel(c.id, c.title),
        href: joinBase(ctx.base, c.url),
        slots: f.slots,
        declared: completion(f.declaredDone, f.slots, f.noun, change(f.declaredDone, (r) => r.categories[c.id]?.declaredDone, 'higher')),
        verified: completion(f.verifiedDone, f.slots, f.noun, change(f.verifiedDone, (r) => r.categories[c.id]?.verifiedDone, 'higher')),
        remainingText: callsLeftText(f),
      };
    }),
    categoryChart: categoryChart(snapshot, noun),
    metrics,
    metricGroups: metricGroups(snapshot.metrics, metrics),
    burndown: burndownRanged(data),
    forecast: snapshot.burndown?.forecast.message ?? null,
    drift: { count: snapshot.drift.length, errors: snapshot.drift.filter((d) => d.severity === 'error').length, href: joinBase(ctx.base, 'drift/') },
    generatedAt: snapshot.generatedAt,
    repoCommit: commitLink(data, snapshot.repo.commit),
    docCommit: commitLink(data, snapshot.doc.commit),
    docPath: snapshot.doc.path,
    docHref: docLineUrl(snapshot, null),
    previousRun: previous ? previous.at : null,
    badgeHref: joinBase(ctx.base, 'badge.svg'),
  };
}

/** Tiles grouped by role, in ROLE_ORDER; a role with no metric has no group. */
function metricGroups(metrics: SiteData['snapshot']['metrics'], tiles: readonly MetricTile[]): MetricGroup[] {
  return ROLE_ORDER.flatMap((role) => {
    const inRole = tiles.filter((t) => t.role === role);
    const first = metrics.find((m) => m.id === inRole[0]?.id);
    if (!first) return [];
    const { heading, hint } = roleView(first);
    return [{ role, heading, hint, tiles: inRole }];
  });
}
