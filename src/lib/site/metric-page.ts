/** `/metrics/<id>/`: a metric's value over time, where the calls are, and calls that came back. */
import { plural } from '../snapshot/figures.js';
import type { RangedChart } from './chart-spec.js';
import { metricRanged } from './time-charts.js';
import { deltas, deltaWindows, type DeltaView } from './deltas.js';
import { codeBlocks, type CodeBlock } from './code.js';
import { byString, docLineUrl, repoLineUrl } from './common.js';
import { metricAt, metricSeries, previousRecord } from './history-view.js';
import type { SiteData } from './load.js';
import { deltaTone, formatDelta } from './status.js';
import { filePageUrl, joinBase, type SiteContext } from './urls.js';

export interface MetricPage {
  id: string;
  label: string;
  command: string | null;
  unit: string;
  valueText: string;
  error: string | null;
  delta: string | null;
  deltaTone: string;
  /** This week, last 4 weeks, since the last milestone. */
  deltas: DeltaView[];
  chart: RangedChart | null;
  byDirectory: { path: string; count: number }[];
  byFile: { path: string; count: number; href: string | null }[];
  /** "By file (3 files)": the files of the repository the metric matched in, tracked or not. */
  byFileText: string;
  matches: CodeBlock[];
  /** "3 places in the code". */
  matchesText: string;
  /** Points where the value went up again: calls that came back (the latest CAME_BACK_SHOWN). */
  cameBack: { date: string; from: number; to: number }[];
  /** How many earlier rises are not listed, and the sentence saying so ('' when none). */
  cameBackMore: number;
  cameBackMoreText: string;
  docHref: string | null;
}

/** Rises listed on the page; a long history has dozens. */
const CAME_BACK_SHOWN = 10;

/** Route params of every metric page. */
export function metricParams(data: SiteData): string[] {
  return data.snapshot.metrics.map((m) => m.url.replace(/^\/*metrics\//, '').replace(/\/+$/, ''));
}

/** Builds the page of the metric whose URL param is `param`. */
export function buildMetricPage(data: SiteData, ctx: SiteContext, param: string): MetricPage {
  const { snapshot } = data;
  const m = snapshot.metrics.find((x) => x.url.replace(/^\/*metrics\//, '').replace(/\/+$/, '') === param);
  if (!m) throw new Error(`no metric page ${param}`);
  const tracked = new Set(snapshot.items.flatMap((i) => (i.path ? [i.path] : [])));
  const before = metricAt(previousRecord(data.history, snapshot), m.id);
  const series = metricSeries(data.history, m.id);
  const cameBack = series.flatMap((s, i) => {
    const prev = series[i - 1];
    return prev && prev.value !== null && s.value !== null && s.value > prev.value ? [{ date: s.date, from: prev.value, to: s.value }] : [];
  });
  const more = Math.max(0, cameBack.length - CAME_BACK_SHOWN);
  const matches = codeBlocks(m.matches, (x) => repoLineUrl(snapshot, x.path, x.line));
  return {
    id: m.id,
    label: m.label,
    command: m.command,
    unit: m.unit,
    valueText: m.value === null ? 'n/a' : String(m.value),
    error: m.error,
    delta: formatDelta(m.value, before),
    deltaTone: deltaTone(m.value, before, m.better),
    deltas: deltas(deltaWindows(snapshot), data.history, m.value, (r) => r.metrics[m.id], m.better),
    chart: metricRanged(data, m),
    byDirectory: [...m.byDirectory].sort((a, b) => b.count - a.count || byString(a.path, b.path)),
    byFile: [...m.byFile]
      .sort((a, b) => b.count - a.count || byString(a.path, b.path))
      .map((f) => ({ ...f, href: tracked.has(f.path) ? joinBase(ctx.base, filePageUrl(f.path)) : repoLineUrl(snapshot, f.path) })),
    byFileText: `By file (${plural(m.byFile.length, 'file')})`,
    matches,
    matchesText: `${plural(matches.length, 'place')} in the code`,
    cameBack: cameBack.slice(-CAME_BACK_SHOWN),
    cameBackMore: more,
    cameBackMoreText: more > 0 ? `…and ${plural(more, 'earlier rise')} (the chart shows them all).` : '',
    docHref: docLineUrl(snapshot, m.docLine),
  };
}
