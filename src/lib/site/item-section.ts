/**
 * Everything a page shows about one tracked item (the file page shows one section per item that
 * tracks the path; the item page shows one). Decisions live here; markup/item-section.ts prints it.
 */
import type { HistoryRecord } from '../history/schema.js';
import type { Check, Snapshot, SnapshotItem } from '../snapshot/schema.js';
import type { SparklineSpec } from './chart-spec.js';
import { itemSparkline } from './charts.js';
import { codeBlocks, type CodeBlock } from './code.js';
import { deltaWindows, type DeltaView } from './deltas.js';
import { categoryLink, docLineUrl, itemById, itemHref, repoLineUrl, type Link } from './common.js';
import { itemTimeline, type ItemPoint } from './item-timeline.js';
import { categoryRef } from './category-label.js';
import { itemTitle, standupLine } from './standup.js';
import { declaredView, deltaTone, detectedView, detectedWords, formatDelta, type StatusView } from './status.js';
import { absoluteUrl, itemPageUrl, joinBase, repoCommitUrl, shortSha, type SiteContext } from './urls.js';

export interface CheckView {
  description: string;
  result: 'pass' | 'fail' | 'not evaluated';
  className: string;
  evidence: string;
  matchCount: number;
}

/** A point in the item's own history where its declared or detected status changed. */
export interface ItemEvent {
  date: string;
  commit: Link | null;
  what: string;
}

export interface ItemSectionView {
  id: string;
  anchor: string;
  title: string;
  name: string;
  path: string | null;
  itemHref: string;
  pageHref: string;
  category: Link;
  declared: StatusView;
  declaredText: string;
  updatedBy: string | null;
  date: string | null;
  docHref: string | null;
  docLine: number | null;
  detected: StatusView;
  checks: CheckView[];
  remaining: CodeBlock[];
  checklist: { text: string; checked: boolean }[];
  fields: { key: string; value: string; children: string[] }[];
  repoHref: string | null;
  renamedTo: string | null;
  sameFile: Link[];
  copyLink: string;
  standup: string;
  doneOn: string | null;
  sparkline: SparklineSpec | null;
  events: ItemEvent[];
  /** Calls left now against this week / 4 weeks / the last milestone (issue 18, item 4). */
  deltas: DeltaView[];
}

/** The item's remaining calls now against each window's day, from its own timeline. */
export function remainingDeltas(snapshot: Snapshot, timeline: readonly ItemPoint[], now: number): DeltaView[] {
  return deltaWindows(snapshot).flatMap((w) => {
    let before: number | null | undefined;
    for (const p of timeline) {
      if (p.date > w.since) break;
      before = p.remaining;
    }
    const text = formatDelta(now, before);
    return text === null ? [] : [{ windowId: w.id, label: w.label, text, tone: deltaTone(now, before, 'lower') }];
  });
}

function checkView(check: Check): CheckView {
  const result = check.passed === null ? 'not evaluated' : check.passed ? 'pass' : 'fail';
  return { description: check.description, result, className: `check-${result.replace(' ', '-')}`, evidence: check.evidence, matchCount: check.matches.length };
}

/** Changes of this item's state along its timeline, newest first (at most 10). */
export function itemEvents(snapshot: Snapshot, timeline: readonly ItemPoint[]): ItemEvent[] {
  const events: ItemEvent[] = [];
  let before: ItemPoint | null = null;
  for (const point of timeline) {
    const changes: string[] = [];
    if (!before || before.declared !== point.declared) changes.push(`doc: ${declaredView(point.declared).label.toLowerCase()}`);
    if (!before || before.detected !== point.detected) changes.push(`code: ${detectedWords(point.detected)}`);
    if (changes.length > 0) {
      const short = shortSha(point.commit);
      const href = repoCommitUrl(snapshot.repo.host, snapshot.repo.webUrl, point.commit);
      events.push({ date: point.date, commit: short ? { label: short, href: href ?? '' } : null, what: changes.join(', ') });
    }
    before = point;
  }
  return events.reverse().slice(0, 10);
}

/** The first date from which the item stayed done in code, or null when it is not done now. */
export function doneSince(timeline: readonly ItemPoint[], item: SnapshotItem): string | null {
  if (item.detectedStatus !== 'done') return null;
  let since: string | null = null;
  for (const point of timeline) {
    if (point.detected === 'done') since ??= point.date;
    else since = null;
  }
  return since;
}

/** Builds one item's section. */
export function buildItemSection(snapshot: Snapshot, history: readonly HistoryRecord[], ctx: SiteContext, item: SnapshotItem): ItemSectionView {
  const title = itemTitle(item);
  const timeline = itemTimeline(history, item.id);
  const doneOn = doneSince(timeline, item);
  return {
    id: item.id,
    anchor: item.id,
    title,
    name: item.name,
    path: item.path,
    itemHref: joinBase(ctx.base, itemPageUrl(item)),
    pageHref: itemHref(ctx, item),
    category: categoryLink(ctx, snapshot, item.category),
    declared: declaredView(item.declaredStatus),
    declaredText: item.declaredStatusText,
    updatedBy: item.updatedBy,
    date: item.date,
    docHref: docLineUrl(snapshot, item.docLine),
    docLine: item.docLine,
    detected: detectedView(item.detectedStatus),
    checks: item.checks.map(checkView),
    remaining: codeBlocks(item.remaining, (m) => repoLineUrl(snapshot, m.path, m.line)),
    checklist: item.checklist.map((c) => ({ text: c.text, checked: c.checked })),
    fields: item.fields.map((f) => ({ key: f.key, value: f.value, children: f.children })),
    repoHref: item.path ? repoLineUrl(snapshot, item.path) : null,
    renamedTo: item.renamedTo,
    sameFile: item.sameFileItems.flatMap((id) => {
      const other = itemById(snapshot, id);
      return other ? [{ label: `${itemTitle(other)} (${categoryRef(other.category)})`, href: `${itemHref(ctx, other)}#${other.id}` }] : [];
    }),
    // The item's own section: the page's link is beside the page's title.
    copyLink: `${absoluteUrl(ctx, item.url)}#${item.id}`,
    standup: standupLine(item, absoluteUrl(ctx, item.url)),
    doneOn,
    sparkline: itemSparkline(timeline, item.id, title, doneOn),
    events: itemEvents(snapshot, timeline),
    deltas: remainingDeltas(snapshot, timeline, item.remaining.length),
  };
}
