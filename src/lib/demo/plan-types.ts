/** The vocabulary the day-by-day plan is written in. */
import type { CodeWorld } from './world.js';
import type { DocState, EntryDoc, EntryStatus } from './doc-state.js';
import type { Flag } from './types.js';

/** What a plan step can do to the repository and the doc. */
export interface PlanContext {
  readonly world: CodeWorld;
  readonly doc: DocState;
  /** YYYY-MM-DD of the commit being built. */
  readonly date: string;
  /** The session id people write in "Updated By" that day. */
  readonly session: string;
  /** Applies a migration flag to File N's path (or a literal path). */
  code(target: number | string, flag: Flag): void;
  /** Sets File N's declared status, stamping "Updated By" and "Date" unless given. */
  declare(n: number, status: EntryStatus, extra?: Partial<EntryDoc>): void;
  /** Copies the entries' totals into the summary table / header and stamps the footer. */
  refresh(what?: { table?: boolean; header?: boolean; footer?: boolean }): void;
  /** Names this commit so drift cases can point at it. */
  label(name: string): void;
}

/** Who wrote a commit (two fixed identities). */
export type Author = 'dana' | 'sam';

/** One commit of the plan. */
export interface PlanCommit {
  /** HH:MM local time (-08:00). */
  time: string;
  message: string;
  author?: Author;
  /** Branch the commit goes on (forked from main's tip the first time it is seen). Default main. */
  branch?: string;
  /** Makes this a merge commit of `merge` into main. */
  merge?: string;
  apply: (x: PlanContext) => void;
}

/** A day of the plan: its commits in time order. */
export interface PlanDay {
  date: string;
  commits: PlanCommit[];
}
