/**
 * What happened, marked on the time charts (issue 18, item 2): milestones, edits of the doc (from
 * git, through the history's doc commits), scope changes and big moves of a count. Each event is
 * a day; a chart places it on the point whose bucket holds that day.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { ItemNoun, Snapshot } from '../snapshot/schema.js';
import { nounText } from '../snapshot/figures.js';
import { bucketOf, type Resolution } from './time-scale.js';

export type EventKind = 'milestone' | 'doc-edit' | 'scope' | 'drop';

export interface TimeEvent {
  day: string;
  kind: EventKind;
  text: string;
}

/** A chart's marks at one point: the kinds, their one-character marks, and what happened. */
export interface ChartAnnotation {
  index: number;
  kinds: EventKind[];
  /** "M D": one mark per kind, drawn above the point. */
  mark: string;
  /** Colour of the line: the first kind's. */
  colour: string;
  text: string;
}

/** Mark, legend words and colour per kind (the legend under each annotated chart). */
export const EVENT_MARKS: Readonly<Record<EventKind, { mark: string; legend: string; colour: string }>> = {
  milestone: { mark: 'M', legend: 'milestone due', colour: '#ae3ec9' },
  'doc-edit': { mark: 'D', legend: 'doc edited', colour: '#1c7ed6' },
  scope: { mark: '+', legend: 'scope grew or shrank', colour: '#e8590c' },
  drop: { mark: '↓', legend: 'big drop', colour: '#2f9e44' },
};

/** Each milestone's due day. */
export function milestoneEvents(snapshot: Snapshot): TimeEvent[] {
  return snapshot.milestones.flatMap((m) => (m.endDate === null ? [] : [{ day: m.endDate, kind: 'milestone' as const, text: `${m.title} due` }]));
}

/** Days the tracking doc changed: the first record carrying each new doc commit. */
export function docEditDays(history: readonly HistoryRecord[]): string[] {
  const days: string[] = [];
  let last: string | null | undefined;
  for (const r of history) {
    if (r.docCommit !== null && r.docCommit !== last && last !== undefined) days.push(r.at.slice(0, 10));
    if (r.docCommit !== null) last = r.docCommit;
    else if (last === undefined) last = null;
  }
  return [...new Set(days)];
}

export function docEditEvents(history: readonly HistoryRecord[]): TimeEvent[] {
  return docEditDays(history).map((day) => ({ day, kind: 'doc-edit' as const, text: 'doc edited' }));
}

/** A change of a daily count big enough to mark: at least `minAbs` and `minRel` of the value before. */
export interface BigMove {
  day: string;
  from: number;
  to: number;
}

export function bigMoves(series: readonly { day: string; value: number | null }[], minAbs = 10, minRel = 0.25): BigMove[] {
  const out: BigMove[] = [];
  let before: number | null = null;
  for (const p of series) {
    if (p.value === null) continue;
    if (before !== null && Math.abs(p.value - before) >= Math.max(minAbs, minRel * Math.max(1, before))) out.push({ day: p.day, from: before, to: p.value });
    before = p.value;
  }
  return out;
}

/** Big rises of a remaining count are scope (new call sites), big falls are drops. */
export function moveEvents(moves: readonly BigMove[], what: string, better: 'lower' | 'higher'): TimeEvent[] {
  return moves.map((m) => {
    const rose = m.to > m.from;
    const sign = rose ? `+${m.to - m.from}` : `−${m.from - m.to}`;
    return rose === (better === 'lower')
      ? { day: m.day, kind: 'scope' as const, text: `${what} ${sign} (${m.from} → ${m.to}): scope grew` }
      : { day: m.day, kind: 'drop' as const, text: `${what} ${sign} (${m.from} → ${m.to})` };
  });
}

/** Slots added to or removed from the doc, from the burndown's scope per day. */
export function scopeEvents(points: readonly { date: string; scope: number }[], noun: ItemNoun): TimeEvent[] {
  return points.flatMap((p, i) => {
    const before = points[i - 1];
    if (!before || before.scope === p.scope) return [];
    const d = p.scope - before.scope;
    return [{ day: p.date, kind: 'scope' as const, text: `${d > 0 ? '+' : '−'}${Math.abs(d)} tracked ${nounText(noun, Math.abs(d))} (${before.scope} → ${p.scope})` }];
  });
}

/**
 * Places events on a chart's sampled days: an event goes to the first point whose bucket is not
 * before the event's; events outside the chart's days are left out. Several on one point merge.
 */
export function annotate(events: readonly TimeEvent[], days: readonly string[], resolution: Resolution): ChartAnnotation[] {
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return [];
  const byIndex = new Map<number, TimeEvent[]>();
  for (const e of [...events].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    if (e.day < first && bucketOf(e.day, resolution) !== bucketOf(first, resolution)) continue;
    if (e.day > last) continue;
    const index = days.findIndex((d) => bucketOf(d, resolution) >= bucketOf(e.day, resolution));
    if (index < 0) continue;
    byIndex.set(index, [...(byIndex.get(index) ?? []), e]);
  }
  return [...byIndex].sort(([a], [b]) => a - b).map(([index, es]) => {
    const kinds = [...new Set(es.map((e) => e.kind))];
    const mark = kinds.map((k) => EVENT_MARKS[k].mark).join(' ');
    return { index, kinds, mark, colour: EVENT_MARKS[kinds[0]!].colour, text: es.map((e) => `${e.day}: ${e.text}`).join('; ') };
  });
}

/** The legend of a chart: the kinds its annotations use, in a fixed order. */
export function legendOf(annotations: readonly ChartAnnotation[]): { mark: string; legend: string; colour: string }[] {
  const used = new Set(annotations.flatMap((a) => a.kinds));
  return (Object.keys(EVENT_MARKS) as EventKind[]).filter((k) => used.has(k)).map((k) => EVENT_MARKS[k]);
}
