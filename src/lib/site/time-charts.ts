/**
 * The time charts (burndown, a metric over time) at the resolution their range needs, with
 * their annotations (issue 18, items 1 and 2). The ideal line runs from the doc's start through
 * its dated targets; past the last one, an unmet plan is drawn as overdue, not as a flat zero.
 */
import type { SnapshotMetric } from '../snapshot/schema.js';
import { annotate, bigMoves, docEditEvents, legendOf, milestoneEvents, moveEvents, scopeEvents, type TimeEvent } from './annotations.js';
import { chart, type ChartDataset, type ChartSpec, type RangedChart } from './chart-spec.js';
import type { SiteData } from './load.js';
import { snapshotNoun } from '../snapshot/figures.js';
import { SERIES_COLOURS } from './status.js';
import {
  asOfDay, DEFAULT_RANGE, dailyMetric, lastMilestoneEnd, pointLabel, sampleIndexes, startDay, timeRanges, type Resolution, type TimeRange,
} from './time-scale.js';

const RESOLUTION_TEXT: Record<Resolution, string> = {
  day: 'One point per day.',
  week: 'One point per week (its last day).',
  month: 'One point per month (its last day).',
};

/** Colour of the overdue part of the plan. */
const OVERDUE_COLOUR = '#e03131';

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The ranges of a chart of this site's story, default first in the control's order. */
function rangesOf(data: SiteData): TimeRange[] {
  const asOf = asOfDay(data.snapshot);
  return timeRanges(startDay(data.snapshot, data.history), asOf, lastMilestoneEnd(data.snapshot, asOf));
}

/** The last dated target of the plan, and how many slots it leaves (null: no dated target). */
function planEnd(data: SiteData): { day: string; fraction: number } | null {
  const targets = data.snapshot.milestones
    .filter((m) => m.endDate !== null && m.targetDone !== null && m.targetTotal !== null && m.targetTotal > 0)
    .sort((a, b) => (a.endDate! < b.endDate! ? -1 : 1));
  const last = targets.at(-1);
  return last ? { day: last.endDate!, fraction: Math.max(0, 1 - last.targetDone! / last.targetTotal!) } : null;
}

/** Burndown: ideal (then overdue), declared and verified remaining, forecast; per range. */
export function burndownRanged(data: SiteData): RangedChart | null {
  const burndown = data.snapshot.burndown;
  if (!burndown || burndown.points.length === 0) return null;
  const all = burndown.points;
  const noun = snapshotNoun(data.snapshot);
  const plan = planEnd(data);
  const scope = all.at(-1)!.scope;
  const verified = all.map((p) => ({ day: p.date, value: p.verifiedRemaining }));
  const events: TimeEvent[] = [
    ...milestoneEvents(data.snapshot),
    ...docEditEvents(data.history),
    ...scopeEvents(all, noun),
    ...moveEvents(bigMoves(verified, Math.max(2, Math.ceil(scope * 0.1)), 0.1).filter((m) => m.to < m.from), 'verified remaining', 'lower'),
  ];
  const ranges = rangesOf(data).map((range) => {
    const points = all.filter((p) => p.date >= range.from && p.date <= range.to);
    const shown = sampleIndexes(points.map((p) => p.date), range.resolution).map((i) => points[i]!);
    const labels = shown.map((p) => pointLabel(p.date, range.resolution));
    const last = shown.at(-1);
    const forecastDate = burndown.forecast.date;
    const extend = last !== undefined && forecastDate !== null && forecastDate > last.date;
    if (extend) labels.push(pointLabel(forecastDate, range.resolution));
    const pad = (values: (number | null)[]) => (extend ? [...values, null] : values);
    const remainingNow = last?.verifiedRemaining ?? last?.declaredRemaining ?? null;
    const overdue = plan !== null && last !== undefined && last.date > plan.day && remainingNow !== null && remainingNow > plan.fraction * last.scope;
    const datasets: ChartDataset[] = [
      { label: 'Ideal', data: pad(shown.map((p) => (overdue && p.date > plan.day ? null : p.ideal))), colour: SERIES_COLOURS.ideal, dashed: true },
    ];
    if (overdue) {
      // From the last target day on, the plan's figure in red: where the team should already be.
      const firstAfter = shown.findIndex((p) => p.date >= plan.day);
      datasets.push({
        label: `Plan overdue since ${plan.day}`,
        data: pad(shown.map((p, i) => (i >= Math.max(0, firstAfter - 1) ? Math.round(plan.fraction * p.scope * 100) / 100 : null))),
        colour: OVERDUE_COLOUR,
        dashed: true,
      });
    }
    datasets.push(
      { label: 'Declared remaining', data: pad(shown.map((p) => p.declaredRemaining)), colour: SERIES_COLOURS.declared },
      { label: 'Verified remaining', data: pad(shown.map((p) => p.verifiedRemaining)), colour: SERIES_COLOURS.verified },
    );
    if (extend) {
      const forecast: (number | null)[] = labels.map(() => null);
      forecast[shown.length - 1] = last.verifiedRemaining ?? last.declaredRemaining;
      forecast[labels.length - 1] = 0;
      datasets.push({ label: 'Forecast', data: forecast, colour: SERIES_COLOURS.forecast, dashed: true });
    }
    const annotations = annotate(events, shown.map((p) => p.date), range.resolution);
    return rangeSpec(range, chart({
      id: `chart-burndown-${range.id}`,
      kind: 'line',
      title: `Burndown: ${noun}s remaining (${range.label.toLowerCase()})`,
      labels,
      valueAxis: `${noun}s remaining`,
      datasets,
      annotations,
      legend: legendOf(annotations),
      resolutionText: RESOLUTION_TEXT[range.resolution],
    }, 'Date'));
  });
  return { id: 'burndown', title: 'Burndown', defaultRange: DEFAULT_RANGE, ranges };
}

function rangeSpec(range: TimeRange, spec: ChartSpec): RangedChart['ranges'][number] {
  return { id: range.id, label: range.label, spec };
}

/** A metric over time, per range; null when the history never counted it. */
export function metricRanged(data: SiteData, m: Pick<SnapshotMetric, 'id' | 'label' | 'unit' | 'better'>): RangedChart | null {
  if (!data.history.some((r) => m.id in r.metrics)) return null;
  const ranges = rangesOf(data);
  const whole = ranges.at(-1)!;
  const daily = dailyMetric(data.history, m.id, whole.from, whole.to);
  const events: TimeEvent[] = [...milestoneEvents(data.snapshot), ...docEditEvents(data.history), ...moveEvents(bigMoves(daily), m.label, m.better)];
  return {
    id: `metric-${safeId(m.id)}`,
    title: `${m.label} over time`,
    defaultRange: DEFAULT_RANGE,
    ranges: ranges.map((range) => {
      const points = daily.filter((p) => p.day >= range.from && p.day <= range.to);
      const shown = sampleIndexes(points.map((p) => p.day), range.resolution).map((i) => points[i]!);
      const annotations = annotate(events, shown.map((p) => p.day), range.resolution);
      return rangeSpec(range, chart({
        id: `chart-metric-${safeId(m.id)}-${range.id}`,
        kind: 'line',
        title: `${m.label} over time (${range.label.toLowerCase()})`,
        labels: shown.map((p) => pointLabel(p.day, range.resolution)),
        valueAxis: m.unit,
        datasets: [{ label: m.label, data: shown.map((p) => p.value), colour: SERIES_COLOURS.metric }],
        annotations,
        legend: legendOf(annotations),
        resolutionText: RESOLUTION_TEXT[range.resolution],
      }, 'Date'));
    }),
  };
}
