/**
 * `/changes/`: what moved since the previous run and over the last 7 days: files completed,
 * regressions, calls that came back (metrics going the wrong way) and doc edits.
 */
import { nounHeading, snapshotNoun } from '../snapshot/figures.js';
import type { Snapshot } from '../snapshot/schema.js';
import { itemById } from './common.js';
import { daysBefore, previousRecord, recordStates, snapshotStates, transitions, type ItemState, type Transition } from './history-view.js';
import type { SiteData } from './load.js';
import { itemTitle } from './standup.js';
import { declaredView, detectedWords } from './status.js';
import { joinBase, type SiteContext } from './urls.js';

export interface ChangeEntry {
  date: string;
  title: string;
  href: string | null;
  detail: string;
}

/** One heading of the list and its entries: "Files completed in code (3)". */
export interface ChangeSection {
  /** "Files completed in code", "Items completed in code" (the doc's noun), "Regressions" … */
  title: string;
  entries: ChangeEntry[];
}

/** Changes over one span, grouped the way the page shows them. */
export interface ChangeGroups {
  completed: ChangeEntry[];
  regressed: ChangeEntry[];
  newCalls: ChangeEntry[];
  docEdits: ChangeEntry[];
  /** The groups with entries, titled and in the page's order. */
  sections: ChangeSection[];
  empty: boolean;
}

export interface ChangesPage {
  previous: { date: string; commit: string | null } | null;
  sincePrevious: ChangeGroups;
  windowStart: string;
  lastWeek: ChangeGroups;
}

interface Point {
  date: string;
  states: Map<string, ItemState>;
  metrics: Record<string, number | null>;
}

function snapshotPoint(snapshot: Snapshot): Point {
  return { date: snapshot.generatedAt.slice(0, 10), states: snapshotStates(snapshot), metrics: Object.fromEntries(snapshot.metrics.map((m) => [m.id, m.value])) };
}

function groups(data: SiteData, ctx: SiteContext, pairs: [Point, Point][]): ChangeGroups {
  const { snapshot } = data;
  const out: ChangeGroups = { completed: [], regressed: [], newCalls: [], docEdits: [], sections: [], empty: true };
  const describe = (date: string, t: Transition): ChangeEntry => {
    const item = itemById(snapshot, t.itemId);
    const words = t.kind === 'completed' || t.kind === 'regressed' ? `code: ${detectedWords(t.from)} → ${detectedWords(t.to)}` : `doc: ${declaredView(t.from).label} → ${declaredView(t.to).label}`;
    return { date, title: item ? `${itemTitle(item)}${item.path ? ` ${item.path}` : ''}` : t.itemId, href: item ? `${joinBase(ctx.base, item.url)}#${item.id}` : null, detail: words };
  };
  for (const [before, after] of pairs) {
    for (const t of transitions(before.states, after.states)) {
      const target = t.kind === 'completed' ? out.completed : t.kind === 'regressed' ? out.regressed : out.docEdits;
      target.push(describe(after.date, t));
    }
    for (const m of snapshot.metrics) {
      const was = before.metrics[m.id];
      const now = after.metrics[m.id];
      if (typeof was !== 'number' || typeof now !== 'number' || now === was) continue;
      const worse = m.better === 'lower' ? now > was : now < was;
      if (worse) out.newCalls.push({ date: after.date, title: m.label, href: joinBase(ctx.base, m.url), detail: `${was} → ${now} ${m.unit}` });
    }
  }
  out.sections = [
    // What a completed entry is follows the doc: a checklist of tasks completes items, not files.
    { title: `${nounHeading(snapshotNoun(snapshot))} completed in code`, entries: out.completed },
    { title: 'Regressions', entries: out.regressed },
    { title: 'Calls that came back', entries: out.newCalls },
    { title: 'Doc edits', entries: out.docEdits },
  ].filter((section) => section.entries.length > 0);
  out.empty = out.sections.length === 0;
  return out;
}

/** Builds the changes page. */
export function buildChangesPage(data: SiteData, ctx: SiteContext): ChangesPage {
  const { snapshot, history } = data;
  const now = snapshotPoint(snapshot);
  const previous = previousRecord(history, snapshot);
  // The series up to the previous run, then "now" from the snapshot itself. A point's item states
  // are made only when it is compared: a long history has hundreds of records of 5,000 items.
  const upTo = previous ? history.slice(0, history.indexOf(previous) + 1) : [];
  const dates = [...upTo.map((r) => r.at.slice(0, 10)), now.date];
  const points: Point[] = [];
  const point = (i: number): Point => (points[i] ??= i === upTo.length ? now : { date: dates[i]!, states: recordStates(upTo[i]!), metrics: upTo[i]!.metrics });
  const prevPoint = previous ? point(upTo.length - 1) : null;
  const windowStart = daysBefore(snapshot.generatedAt, 7);
  const pairs: [Point, Point][] = [];
  for (let i = 1; i < dates.length; i++) if (dates[i]! >= windowStart) pairs.push([point(i - 1), point(i)]);
  return {
    previous: previous ? { date: previous.at.slice(0, 10), commit: previous.commit?.slice(0, 7) ?? null } : null,
    sincePrevious: groups(data, ctx, prevPoint ? [[prevPoint, now]] : []),
    windowStart,
    lastWeek: groups(data, ctx, pairs),
  };
}
