/**
 * Per-category stacked bars and a category's history as ChartSpecs (chart.js), and a file's
 * sparkline as an SVG path; the burndown and metric charts, in ranges, are in time-charts.ts.
 * Each also yields the table printed beside it.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { ItemNoun, Snapshot } from '../snapshot/schema.js';
import { nounHeading } from '../snapshot/figures.js';
import { chart, tableFor, type ChartSpec, type ChartTable, type SparklineSpec } from './chart-spec.js';
import { shortSha } from './urls.js';
import type { ItemPoint } from './item-timeline.js';
import { categoryRef } from './category-label.js';
import { SERIES_COLOURS } from './status.js';
import { pointLabel, resolutionFor, sampleIndexes } from './time-scale.js';
import { annotate, legendOf, type TimeEvent } from './annotations.js';

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

/** Stacked horizontal bars, one per category; `noun` is what the bars count (snapshotNoun). */
export function categoryChart(snapshot: Snapshot, noun: ItemNoun): ChartSpec {
  const stacks = categoryStacks(snapshot);
  return chart(
    {
      id: 'chart-categories',
      kind: 'bar',
      stacked: true,
      horizontal: true,
      title: `${nounHeading(noun)} per category: verified done, declared done only, in progress, not started`,
      labels: stacks.map((s) => categoryRef(s.id, snapshot.categories.find((c) => c.id === s.id)?.title)),
      valueAxis: `${noun}s`,
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

/** The commit of each row, so a file's table names the commits that changed its count (issue 18, item 8). */
function withCommits(table: ChartTable, commits: readonly (string | null)[]): ChartTable {
  if (commits.every((c) => c === null)) return table;
  return { ...table, columns: [...table.columns, 'Commit'], rows: table.rows.map((r, i) => ({ ...r, cells: [...r.cells, shortSha(commits[i] ?? null) ?? '—'] })) };
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
    table: withCommits(
      tableFor(`${fullTitle}, on the days the count changed${gaps}`, 'Date', kept.map((i) => labels[i]!), [{ ...dataset, data: kept.map((i) => dataset.data[i] ?? null) }]),
      kept.map((i) => days[i]!.commit),
    ),
  };
}

/**
 * A category's declared and verified done over the history: the last record of each day, then
 * of each week or month when the span is long (time-scale.ts), so ten months are ~45 points.
 */
export function categoryHistoryChart(
  history: readonly HistoryRecord[],
  category: { id: string; title: string; noun: ItemNoun },
  events: readonly TimeEvent[] = [],
): ChartSpec | null {
  const { id, noun } = category;
  const withIt = history.filter((r) => id in r.categories);
  if (withIt.length === 0) return null;
  const days = withIt.map((r) => r.at.slice(0, 10));
  const resolution = resolutionFor(days[0]!, days.at(-1)!);
  const points = sampleIndexes(days, resolution).map((i) => withIt[i]!);
  const annotations = annotate(events, points.map((r) => r.at.slice(0, 10)), resolution);
  return chart(
    {
      id: `chart-category-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'line',
      title: `${categoryRef(id, category.title)}: ${noun}s done over time`,
      labels: points.map((r) => pointLabel(r.at.slice(0, 10), resolution)),
      valueAxis: `${noun}s done`,
      datasets: [
        { label: 'Declared done', data: points.map((r) => r.categories[id]?.declaredDone ?? null), colour: SERIES_COLOURS.declared },
        { label: 'Verified done', data: points.map((r) => r.categories[id]?.verifiedDone ?? null), colour: SERIES_COLOURS.verified },
      ],
      annotations,
      legend: legendOf(annotations),
    },
    'Date',
  );
}
