/**
 * What a chart shows, decided in src/lib: the same numbers drive the canvas (chart.js, on the
 * client) or the SVG (a file's sparkline, drawn at build time) and the accessible table that is
 * always rendered beside it.
 */

import type { ChartAnnotation } from './annotations.js';

/** One series. `null` values leave a gap (a line that has not started yet). */
export interface ChartDataset {
  label: string;
  data: (number | null)[];
  colour: string;
  /** Dashed line (ideal / forecast). */
  dashed?: boolean;
}

/** Everything the Chart component needs; serialised into a data attribute for the client script. */
export interface ChartSpec {
  /** Stable DOM id (no random ids: output must be byte-identical between runs). */
  id: string;
  kind: 'bar' | 'line';
  stacked: boolean;
  /** Horizontal bars (categories read better on phones). */
  horizontal: boolean;
  title: string;
  labels: string[];
  datasets: ChartDataset[];
  /** Axis title for the values. */
  valueAxis: string;
  /** Marks on a time chart (milestones, doc edits, scope, drops), drawn as vertical lines. */
  annotations?: ChartAnnotation[];
  /** What the marks mean, for the legend under the chart. */
  legend?: { mark: string; legend: string; colour: string }[];
  /** "Weekly: each point is the end of a week", for a time chart. */
  resolutionText?: string;
  table: ChartTable;
}

/** A time chart in several ranges, each a complete chart; the page shows `defaultRange` first. */
export interface RangedChart {
  id: string;
  title: string;
  defaultRange: string;
  ranges: { id: string; label: string; spec: ChartSpec }[];
}

/**
 * A file's sparkline: one line, no axes, drawn as an SVG path at build time. A file page is
 * opened from a standup link; it needs no chart library (and 5,000 of them render faster).
 */
export interface SparklineSpec {
  /** Stable DOM id. */
  id: string;
  title: string;
  labels: string[];
  /** The one series; `null` values are gaps in the line. */
  dataset: ChartDataset;
  /** The SVG's viewBox ("0 0 100 24", see SPARKLINE_BOX in charts.ts). */
  viewBox: string;
  /** SVG path data in that box; "" when nothing is drawn. */
  path: string;
  table: ChartTable;
}

/** The numbers as a table: a caption, a header row and one row per label. */
export interface ChartTable {
  caption: string;
  /** First header names the label column; the rest are the dataset labels. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/** Builds the table from labels and datasets, so the table and the canvas cannot disagree. */
export function tableFor(caption: string, labelHeader: string, labels: string[], datasets: ChartDataset[]): ChartTable {
  return {
    caption,
    columns: [labelHeader, ...datasets.map((d) => d.label)],
    rows: labels.map((label, i) => ({
      label,
      cells: datasets.map((d) => {
        const v = d.data[i];
        return v === null || v === undefined ? '—' : String(v);
      }),
    })),
  };
}

/** A chart spec with its table; defaults keep call sites short. */
export function chart(
  spec: Omit<ChartSpec, 'table' | 'stacked' | 'horizontal'> & Partial<Pick<ChartSpec, 'stacked' | 'horizontal'>>,
  labelHeader: string,
): ChartSpec {
  const table = tableFor(spec.title, labelHeader, spec.labels, spec.datasets);
  if (spec.annotations && spec.annotations.length > 0) {
    // The marks' words go in their own column, so the table says what the lines on the canvas do.
    const byIndex = new Map(spec.annotations.map((a) => [a.index, a.text]));
    table.columns.push('Events');
    table.rows.forEach((row, i) => row.cells.push(byIndex.get(i) ?? ''));
  }
  return { stacked: false, horizontal: false, ...spec, table };
}
