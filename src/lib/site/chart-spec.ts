/**
 * What a chart shows, decided in src/lib: the same numbers drive the canvas (chart.js, on the
 * client) and the accessible table that is always rendered beside it.
 */

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
  /** Tiny chart without axes or legend (file sparkline). */
  sparkline: boolean;
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
  spec: Omit<ChartSpec, 'table' | 'stacked' | 'horizontal' | 'sparkline'> & Partial<Pick<ChartSpec, 'stacked' | 'horizontal' | 'sparkline'>>,
  labelHeader: string,
): ChartSpec {
  return {
    stacked: false,
    horizontal: false,
    sparkline: false,
    ...spec,
    table: tableFor(spec.title, labelHeader, spec.labels, spec.datasets),
  };
}
