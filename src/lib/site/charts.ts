/**
 * The four charts of the site: per-category stacked bars, burndown and a metric over time as
 * ChartSpecs (chart.js), and a file's sparkline as an SVG path. Each also yields the table
 * printed beside it.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { chart, tableFor, type ChartSpec, type SparklineSpec } from './chart-spec.js';
import { metricSeries } from './history-view.js';
import type { ItemPoint } from './item-timeline.js';
import { categoryRef } from './category-label.js';
import { SERIES_COLOURS } from './status.js';

/** Per-category counts for the stacked bars; they add up to the category's slots. */
export interface CategoryStack {
  id: string;
  verified: number;
  declaredOnly: number;
  inProgress: number;
  notStarted: number;
}

/**
 * Splits each category's slots into verified done / declared done only / in progress / not
 * started. Verified comes from the category's own count; the rest from its items.
 */
export function categoryStacks(snapshot: Snapshot): CategoryStack[] {
  return snapshot.categories.map((c) => {
    const items = snapshot.items.filter((i) => i.category === c.id);
    const verified = c.verified.done;
    const declaredOnly = items.filter((i) => i.declaredStatus === 'done' && i.detectedStatus !== 'done').length;
    const inProgress = items.filter(
      (i) => i.declaredStatus !== 'done' && i.detectedStatus !== 'done' && (i.declaredStatus === 'in-progress' || i.detectedStatus === 'in-progress'),
    ).length;
    const notStarted = Math.max(0, c.slots - verified - declaredOnly - inProgress);
    return { id: c.id, verified, declaredOnly, inProgress, notStarted };
  });
}

/** Stacked horizontal bars, one per category. */
export function categoryChart(snapshot: Snapshot): ChartSpec {
  const stacks = categoryStacks(snapshot);
  return chart(
    {
      id: 'chart-categories',
      kind: 'bar',
      stacked: true,
      horizontal: true,
      title: 'Files per category: verified done, declared done only, in progress, not started',
      labels: stacks.map((s) => categoryRef(s.id, snapshot.categories.find((c) => c.id === s.id)?.title)),
      valueAxis: 'files',
      datasets: [
        { label: 'Verified done', data: stacks.map((s) => s.verified), colour: SERIES_COLOURS.verified },
        { label: 'Declared done only', data: stacks.map((s) => s.declaredOnly), colour: SERIES_COLOURS.declaredOnly },
        { label: 'In progress', data: stacks.map((s) => s.inProgress), colour: SERIES_COLOURS.inProgress },
        { label: 'Not started', data: stacks.map((s) => s.notStarted), colour: SERIES_COLOURS.notStarted },
      ],
    },
    'Category',
  );
}

/** Burndown: ideal vs declared vs verified remaining, and a dashed forecast to zero. */
export function burndownChart(snapshot: Snapshot): ChartSpec | null {
  const burndown = snapshot.burndown;
  if (!burndown || burndown.points.length === 0) return null;
  const points = burndown.points;
  const labels = points.map((p) => p.date);
  const last = points[points.length - 1]!;
  const forecastDate = burndown.forecast.date;
  const extend = forecastDate !== null && forecastDate > last.date;
  if (extend) labels.push(forecastDate);
  const pad = (data: (number | null)[]) => (extend ? [...data, null] : data);
  const forecast: (number | null)[] = labels.map(() => null);
  if (extend) {
    forecast[points.length - 1] = last.verifiedRemaining ?? last.declaredRemaining;
    forecast[labels.length - 1] = 0;
  }
  return chart(
    {
      id: 'chart-burndown',
      kind: 'line',
      title: 'Burndown: files remaining',
      labels,
      valueAxis: 'files remaining',
      datasets: [
        { label: 'Ideal', data: pad(points.map((p) => p.ideal)), colour: SERIES_COLOURS.ideal, dashed: true },
        { label: 'Declared remaining', data: pad(points.map((p) => p.declaredRemaining)), colour: SERIES_COLOURS.declared },
        { label: 'Verified remaining', data: pad(points.map((p) => p.verifiedRemaining)), colour: SERIES_COLOURS.verified },
        ...(extend ? [{ label: 'Forecast', data: forecast, colour: SERIES_COLOURS.forecast, dashed: true }] : []),
      ],
    },
    'Date',
  );
}

/** A metric's value at each history point. Null when there is no history for it. */
export function metricChart(history: readonly HistoryRecord[], id: string, label: string, unit: string): ChartSpec | null {
  const series = metricSeries(history, id);
  if (series.length === 0) return null;
  return chart(
    {
      id: `chart-metric-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'line',
      title: `${label} over time`,
      labels: series.map((s) => s.date),
      valueAxis: unit,
      datasets: [{ label, data: series.map((s) => s.value), colour: SERIES_COLOURS.metric }],
    },
    'Date',
  );
}

/** The viewBox of a sparkline: wide and flat, stretched to the figure by CSS. */
export const SPARKLINE_BOX = { width: 100, height: 24 } as const;

/**
 * SVG path data of a series in SPARKLINE_BOX: one point per value, evenly spaced, 0 at the
 * bottom; a null starts a new segment, so a gap stays a gap; a lone value is a short dash.
 */
export function sparklinePath(data: readonly (number | null)[]): string {
  const { width, height } = SPARKLINE_BOX;
  const max = data.reduce<number>((m, v) => Math.max(m, v ?? 0), 1);
  const x = (i: number) => (data.length > 1 ? (i / (data.length - 1)) * width : 0);
  const y = (v: number) => 1 + (height - 2) * (1 - v / max);
  const fmt = (n: number) => String(Math.round(n * 100) / 100);
  const parts: string[] = [];
  data.forEach((v, i) => {
    if (v === null) return;
    const joined = i > 0 && data[i - 1] !== null;
    parts.push(`${joined ? 'L' : 'M'}${fmt(x(i))} ${fmt(y(v))}`);
    if (!joined && (i === data.length - 1 || data[i + 1] === null)) parts.push('h0.5');
  });
  return parts.join('');
}

/** The last point of each day: a file's sparkline has one value per date on its axis. */
function lastOfEachDay(timeline: readonly ItemPoint[]): ItemPoint[] {
  return timeline.filter((p, i) => timeline[i + 1]?.date !== p.date);
}

/**
 * A file's remaining call sites over its timeline (one value per day), as a sparkline. Records
 * written before the history counted them (no `remaining`) are gaps, never zeros: a zero would
 * claim the file was clean. No sparkline when fewer than two days, or no day has a count.
 *
 * Its table lists the days where the count changed (and the last day), not every day: a long
 * history would otherwise print hundreds of identical rows on every file page.
 */
export function itemSparkline(timeline: readonly ItemPoint[], itemId: string, title: string, doneOn: string | null = null): SparklineSpec | null {
  const days = lastOfEachDay(timeline);
  if (days.length < 2 || days.every((p) => p.remaining === null)) return null;
  const labels = days.map((p) => p.date);
  const dataset = { label: 'Calls left', data: days.map((p) => p.remaining), colour: SERIES_COLOURS.metric };
  const fullTitle = `${title}: call sites left in code over time${doneOn ? `, done on ${doneOn}` : ''}`;
  const kept = days.flatMap((p, i) => (i === 0 || i === days.length - 1 || p.remaining !== days[i - 1]!.remaining ? [i] : []));
  const gaps = days.some((p) => p.remaining === null) ? ' (— : not counted yet)' : '';
  return {
    id: `chart-item-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`,
    title: fullTitle,
    labels,
    dataset,
    viewBox: `0 0 ${SPARKLINE_BOX.width} ${SPARKLINE_BOX.height}`,
    path: sparklinePath(dataset.data),
    table: tableFor(`${fullTitle}, on the days the count changed${gaps}`, 'Date', kept.map((i) => labels[i]!), [{ ...dataset, data: kept.map((i) => dataset.data[i] ?? null) }]),
  };
}

/** A category's declared and verified done over the history. */
export function categoryHistoryChart(history: readonly HistoryRecord[], id: string): ChartSpec | null {
  const points = history.filter((r) => id in r.categories);
  if (points.length === 0) return null;
  return chart(
    {
      id: `chart-category-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'line',
      title: `${categoryRef(id)}: files done over time`,
      labels: points.map((r) => r.at.slice(0, 10)),
      valueAxis: 'files done',
      datasets: [
        { label: 'Declared done', data: points.map((r) => r.categories[id]?.declaredDone ?? null), colour: SERIES_COLOURS.declared },
        { label: 'Verified done', data: points.map((r) => r.categories[id]?.verifiedDone ?? null), colour: SERIES_COLOURS.verified },
      ],
    },
    'Date',
  );
}
