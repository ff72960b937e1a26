/**
 * The four charts of the site, as ChartSpecs: per-category stacked bars, burndown, a metric over
 * time and a file's sparkline. Each also yields the table printed beside the canvas.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { chart, type ChartSpec } from './chart-spec.js';
import { metricSeries } from './history-view.js';
import { normaliseStatus, SERIES_COLOURS } from './status.js';

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
      labels: stacks.map((s) => `Task ${s.id}`),
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

/** 0 not started / missing / unknown, 1 partly done, 2 done: the file's progress per point. */
const LEVEL: Record<string, number> = { done: 2, 'in-progress': 1 };

/** An item's verified progress over the history, as a small line. */
export function itemSparkline(history: readonly HistoryRecord[], itemId: string, title: string): ChartSpec | null {
  const points = history.filter((r) => itemId in r.items);
  if (points.length < 2) return null;
  return chart(
    {
      id: `chart-item-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'line',
      sparkline: true,
      title: `${title}: progress in code over time (0 not started, 1 partly done, 2 done)`,
      labels: points.map((r) => r.at.slice(0, 10)),
      valueAxis: 'progress',
      datasets: [{ label: 'Progress in code', data: points.map((r) => LEVEL[normaliseStatus(r.items[itemId]?.detected)] ?? 0), colour: SERIES_COLOURS.verified }],
    },
    'Date',
  );
}

/** A category's declared and verified done over the history. */
export function categoryHistoryChart(history: readonly HistoryRecord[], id: string): ChartSpec | null {
  const points = history.filter((r) => id in r.categories);
  if (points.length === 0) return null;
  return chart(
    {
      id: `chart-category-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'line',
      title: `Task ${id}: files done over time`,
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
