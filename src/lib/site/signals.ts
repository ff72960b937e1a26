/**
 * The signals at the top of the dashboard (issue 18, item 3): what a lead needs first, each
 * linking to its evidence. Overdue milestones, a stale doc, regressions, scope growth, and the
 * forecast (or why there is none). Facts from story.ts; wording and links decided here.
 */
import { daysBetween, formatDay } from '../history/dates.js';
import { forecastCompletion } from '../history/forecast.js';
import { plural, snapshotNoun } from '../snapshot/figures.js';
import type { SiteData } from './load.js';
import { roleOf } from './metric-roles.js';
import { cameBackFromLow, lastDocEdit, lastVerifiedDrop, regressions, untrackedCalls } from './story.js';
import { bigMoves } from './annotations.js';
import type { HistoryRecord } from '../history/schema.js';
import { asOfDay, dailyMetric } from './time-scale.js';
import { joinBase, repoCommitUrl, shortSha, type SiteContext } from './urls.js';

export type SignalId = 'overdue' | 'stale-doc' | 'regressions' | 'scope' | 'forecast';

export interface SignalLine {
  text: string;
  href: string | null;
  /** Short sha and its link (null outside a known host). */
  commit: { label: string; href: string | null } | null;
}

export interface Signal {
  id: SignalId;
  tone: 'bad' | 'warn' | 'info';
  title: string;
  detail: string;
  lines: SignalLine[];
  evidence: { href: string; text: string };
}

/** No progress for this many days and there is no forecast. */
const STALL_DAYS = 28;
/** A doc not edited for this many days while the code changed is stale. */
const STALE_DAYS = 14;

/** "251 days (35 weeks)". */
export function spanText(days: number): string {
  return days >= 14 ? `${plural(days, 'day')} (${plural(Math.floor(days / 7), 'week')})` : plural(days, 'day');
}

export function buildSignals(data: SiteData, ctx: SiteContext): Signal[] {
  const { snapshot, history } = data;
  const asOf = asOfDay(snapshot);
  const link = (relative: string) => joinBase(ctx.base, relative);
  const commitOf = (sha: string | null) => {
    const label = shortSha(sha);
    return label ? { label, href: repoCommitUrl(snapshot.repo.host, snapshot.repo.webUrl, sha) } : null;
  };
  const signals: Signal[] = [];
  const noun = snapshotNoun(snapshot);

  const overdue = snapshot.milestones.filter((m) => m.status === 'missed' && m.endDate !== null && m.endDate < asOf).sort((a, b) => (a.endDate! < b.endDate! ? 1 : -1));
  const latest = overdue[0];
  if (latest) {
    signals.push({
      id: 'overdue',
      tone: 'bad',
      title: `${latest.title} is overdue by ${spanText(daysBetween(latest.endDate!, asOf))}`,
      detail: `Due ${formatDay(latest.endDate!, asOf)} for ${latest.targetDone ?? '?'} of ${latest.targetTotal ?? '?'} ${noun}s; ${snapshot.totals.declaredDone} declared done, ${snapshot.totals.verifiedDone} verified in the code.`,
      lines: overdue.slice(1).map((m) => ({ text: `${m.title}: overdue by ${spanText(daysBetween(m.endDate!, asOf))} (due ${formatDay(m.endDate!, asOf)})`, href: link(`milestones/#${m.id}`), commit: null })),
      evidence: { href: link(`milestones/#${latest.id}`), text: 'Milestones' },
    });
  }

  const edit = lastDocEdit(snapshot, history, asOf);
  if (edit && edit.daysSince >= STALE_DAYS && edit.commitsSince > 0) {
    signals.push({
      id: 'stale-doc',
      tone: 'warn',
      title: `The doc was last edited ${spanText(edit.daysSince)} ago`,
      detail: `Since ${formatDay(edit.day, asOf)} the code changed on ${plural(edit.daysWithCommits, 'day')}${edit.commitsSince > edit.daysWithCommits ? ` (${plural(edit.commitsSince, 'recorded commit')})` : ''}, and ${plural(edit.movedItems.length, noun)} changed verified status meanwhile.`,
      lines: [],
      evidence: { href: link('drift/'), text: 'Doc and code disagree' },
    });
  }

  const back = regressions(snapshot, history);
  const remaining = snapshot.metrics.filter((m) => roleOf(m) === 'remaining');
  const cameBack = remaining.flatMap((m) => {
    const c = cameBackFromLow(history, m.id, m.value);
    return c ? [{ m, c }] : [];
  });
  if (back.length > 0 || cameBack.length > 0) {
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    signals.push({
      id: 'regressions',
      tone: 'bad',
      title: back.length > 0 ? `${plural(back.length, noun)} went back` : 'Calls came back',
      detail: cameBack.map(({ m, c }) => `${m.label}: ${c.now}, up ${c.now - c.low} from ${c.low} on ${formatDay(c.lowDay, asOf)}.`).join(' '),
      lines: back.map((r) => {
        const item = items.get(r.itemId)!;
        return { text: `${item.path ?? item.name} went back on ${formatDay(r.day, asOf)}`, href: link(item.url), commit: commitOf(r.commit) };
      }),
      evidence: cameBack[0] ? { href: link(cameBack[0].m.url), text: cameBack[0].m.label } : { href: link('changes/'), text: 'What changed' },
    });
  }

  const scopeNow = snapshot.totals.slots;
  const scopeThen = snapshot.burndown?.points.find((p) => p.scope !== null)?.scope ?? scopeNow;
  const outside = remaining.map((m) => ({ m, u: untrackedCalls(snapshot, m) })).filter((x) => x.u.calls > 0);
  if (scopeNow !== scopeThen || outside.length > 0) {
    const grew = scopeNow - scopeThen;
    const first = outside[0];
    const jump = first ? biggestRise(history, first.m.id) : null;
    signals.push({
      id: 'scope',
      tone: 'warn',
      title: first
        ? `Scope outside the doc: ${first.u.calls} of ${first.m.value ?? 0} remaining matches are in ${plural(first.u.files.length, 'file')} it does not track`
        : `Scope ${grew > 0 ? 'grew' : 'shrank'} by ${plural(Math.abs(grew), noun)}`,
      detail: [
        grew !== 0 ? `The doc tracks ${plural(scopeNow, noun)}, ${grew > 0 ? `${grew} more` : `${-grew} fewer`} than at the start.` : '',
        ...outside.map(({ m, u }) => `“${m.label}”: ${plural(u.calls, 'match', 'matches')} in untracked files.`),
        jump ? `Biggest jump: +${jump.to - jump.from} on ${formatDay(jump.day, asOf)} (${jump.from} → ${jump.to}).` : '',
      ].filter(Boolean).join(' '),
      lines: (first?.u.files ?? []).slice(0, 3).map((path): SignalLine => ({ text: path, href: null, commit: null })).concat(
        first && first.u.files.length > 3 ? [{ text: `…and ${plural(first.u.files.length - 3, 'more file', 'more files')}`, href: link(first.m.url), commit: null }] : [],
      ),
      evidence: first ? { href: link(first.m.url), text: first.m.label } : { href: link('milestones/'), text: 'Burndown' },
    });
  }

  if (snapshot.burndown) {
    const forecast = forecastCompletion(history, { basis: 'verified', windowDays: STALL_DAYS, noun }, asOf);
    const drop = lastVerifiedDrop(snapshot);
    const stalled = forecast.date === null && (drop === null || daysBetween(drop, asOf) >= STALL_DAYS);
    const weeks = drop === null ? null : Math.floor(daysBetween(drop, asOf) / 7);
    signals.push(stalled
      ? {
          id: 'forecast',
          tone: 'warn',
          title: `No forecast: no progress in the last ${weeks === null ? 'weeks' : plural(weeks, 'week')}`,
          detail: drop === null ? 'The verified remaining count has never fallen.' : `Verified remaining last fell on ${formatDay(drop, asOf)}; ${plural(snapshot.totals.slots - snapshot.totals.verifiedDone, noun)} remaining in the code.`,
          lines: [],
          evidence: { href: link('milestones/'), text: 'Burndown' },
        }
      : {
          id: 'forecast',
          tone: 'info',
          title: forecast.date ? `Forecast: done around ${formatDay(forecast.date, asOf)}` : 'No forecast yet',
          detail: `${forecast.message}${forecast.earliest && forecast.latest ? ` Likely between ${formatDay(forecast.earliest, asOf)} and ${formatDay(forecast.latest, asOf)}.` : ''}`,
          lines: [],
          evidence: { href: link('milestones/'), text: 'Burndown' },
        });
  }
  return signals;
}

/** The biggest one-day rise of a metric, when it is big enough to mark (annotations.ts). */
function biggestRise(history: readonly HistoryRecord[], id: string): { day: string; from: number; to: number } | null {
  const first = history[0]?.at.slice(0, 10);
  const last = history.at(-1)?.at.slice(0, 10);
  if (!first || !last) return null;
  const rises = bigMoves(dailyMetric(history, id, first, last)).filter((m) => m.to > m.from);
  return rises.sort((a, b) => b.to - b.from - (a.to - a.from))[0] ?? null;
}
