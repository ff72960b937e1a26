/**
 * The long demo's story, week by week: a steady start with the doc kept up to date, the doc's
 * last edit (then silence: a stale doc), a scope jump (a new folder under the remaining
 * command's path), slow migration in code only, one big clean-up, slow regrowth, two files that
 * go back, and weeks without progress at the end. Both milestones are long overdue by then.
 */
import { addDays } from '../../history/dates.js';
import {
  cloneState, initialState, SERVICES, TRACKED, type LongState, type PlannedMilestone,
} from './state.js';

export type StoryKind = 'import' | 'migrate' | 'doc' | 'scope-jump' | 'clean-up' | 'regrowth' | 'regression' | 'noise';

/** One commit of the story, with the state after it. */
export interface StoryCommit {
  /** ISO 8601 with offset. */
  at: string;
  day: string;
  message: string;
  kind: StoryKind;
  /** The tracked file it migrates or regresses, when it does. */
  item: number | null;
  author: 'ana' | 'ben';
  state: LongState;
}

export interface LongStory {
  start: string;
  end: string;
  weeks: number;
  milestones: PlannedMilestone[];
  commits: StoryCommit[];
}

/** Monday 2026-01-05: the doc's start date. */
export const LONG_START = '2026-01-05';
/** -05:00 and 09:00-16:00 local: the UTC day is the local day. */
const OFFSET = '-05:00';
/** Files that go back after being migrated (one old call returns). */
export const REGRESSED: readonly number[] = [3, 7];
/** Declared done in the doc's last edit, migrated in code only weeks later. */
const DECLARED_EARLY = 12;

/** Months of story → weeks (at least 6 months, so every chapter has room). */
export function storyWeeks(months: number): number {
  if (!Number.isInteger(months) || months < 6 || months > 24) throw new Error(`long demo: --months must be a whole number from 6 to 24, got ${months}`);
  return Math.round((months * 52) / 12);
}

/** The whole story for `months` months. Deterministic: same months, same commits. */
export function longStory(months: number): LongStory {
  const weeks = storyWeeks(months);
  const docWeeks = Math.max(3, Math.round(weeks * 0.14));
  const dayOf = (week: number, weekday: number) => addDays(LONG_START, week * 7 + weekday);
  const milestones: PlannedMilestone[] = [
    { title: 'Phase 1', start: LONG_START, end: dayOf(docWeeks - 1, 4), done: 12 },
    { title: 'Phase 2', start: dayOf(docWeeks, 0), end: dayOf(2 * docWeeks - 1, 4), done: TRACKED },
  ];
  const commits: StoryCommit[] = [];
  let state = initialState(LONG_START, milestones);
  const commit = (day: string, time: string, kind: StoryKind, message: string, item: number | null, change: (s: LongState) => void) => {
    const next = cloneState(state);
    change(next);
    state = next;
    commits.push({ at: `${day}T${time}:00${OFFSET}`, day, message, kind, item, author: commits.length % 3 === 0 ? 'ben' : 'ana', state });
  };
  const migrate = (n: number) => (s: LongState) => s.calls.set(n, 0);

  const early = Array.from({ length: DECLARED_EARLY }, (_, i) => i + 1);
  const perWeek = Math.ceil(early.length / docWeeks);
  const slow = Array.from({ length: 13 }, (_, i) => DECLARED_EARLY + i); // 12 (late in code) .. 24
  const scopeJump = docWeeks + 2;
  const cleanUp = Math.max(scopeJump + 2, Math.round(weeks * 0.5));
  const regressions = [Math.round(weeks * 0.7), Math.round(weeks * 0.8)];

  commit(LONG_START, '09:00', 'import', 'Import storage-services and the client pool tracking doc', null, () => {});
  for (let week = 0; week < weeks; week++) {
    for (let weekday = 0; weekday < 5; weekday++) {
      const day = dayOf(week, weekday);
      if (week > 0 || weekday > 0) {
        const path = `services/svc${String(((week * 5 + weekday) % SERVICES) + 1).padStart(2, '0')}/handlers.py`;
        commit(day, '09:30', 'noise', `Handlers: small fix in ${path}`, null, (s) => s.noise.set(path, (s.noise.get(path) ?? 0) + 1));
      }
      if (week < docWeeks && (weekday === 1 || weekday === 3)) {
        for (const n of early.slice(week * perWeek, (week + 1) * perWeek).filter((_, i) => i % 2 === (weekday === 1 ? 0 : 1))) {
          if (n !== DECLARED_EARLY) commit(day, '11:00', 'migrate', `Move ${n <= SERVICES ? 'service' : 'job'} ${n} to the pooled client`, n, migrate(n));
        }
      }
      if (week < docWeeks && weekday === 4) {
        commit(day, '15:00', 'doc', `Tracking doc: week ${week + 1} progress`, null, (s) => {
          for (const n of early.slice(0, (week + 1) * perWeek)) s.declared.set(n, 'done');
          s.docUpdated = day;
        });
      }
      if (week === scopeJump && weekday === 0) commit(day, '10:00', 'scope-jump', 'Add the billing services (still on LegacyClient)', null, (s) => (s.billing = 'old'));
      const late = slow[week - docWeeks - 1];
      if (late !== undefined && weekday === 2) commit(day, '11:00', 'migrate', `Move ${late <= SERVICES ? 'service' : 'job'} ${late} to the pooled client`, late, migrate(late));
      if (week === cleanUp && weekday === 1) commit(day, '14:00', 'clean-up', 'Billing: move every invoice module to the pooled client', null, (s) => (s.billing = 'migrated'));
      if (week > cleanUp + 1 && (week - cleanUp) % 2 === 0 && week < weeks - 1 && weekday === 3) {
        commit(day, '10:30', 'regrowth', 'Add a report module (copied from an old one)', null, (s) => (s.reports += 1));
      }
      const regressed = REGRESSED[regressions.indexOf(week)];
      if (regressed !== undefined && weekday === 0) {
        commit(day, '11:00', 'regression', `Revert part of file ${regressed}: LegacyClient needed for a retry path`, regressed, (s) => s.calls.set(regressed, 1));
      }
    }
  }
  return { start: LONG_START, end: dayOf(weeks - 1, 4), weeks, milestones, commits };
}
