/**
 * Data the sync stage exchanges (issue 19): what the code shows for each item, the edits planned
 * on the doc's text, and what was left alone and why.
 */
import type { DeclaredStatus } from '../doc/model.js';
import type { ItemStatus } from '../snapshot/schema.js';

/**
 * A line carried by a move: its 1-based line in the doc as read, with `strip` leading characters
 * (indentation, list marker: ASCII, the same in the bytes) replaced by `prefix`.
 */
export interface MovedLine {
  line: number;
  strip: number;
  prefix: string;
}

/**
 * One replacement in `TrackingDoc.text` (UTF-16 offsets, LF line ends), within one line, except a
 * move's: the removal of an item's lines from one status section and their insertion into another.
 */
export interface SyncEdit {
  start: number;
  end: number;
  replacement: string;
  /** 1-based line of the edit. */
  line: number;
  /** `rollup`: the words of a status that sums up items (the header's, a group's, a heading's mark). */
  kind: 'status' | 'summary' | 'summary-block' | 'move' | 'rollup';
  /** The item whose status this rewrites (status edits only). */
  itemId: string | null;
  /** An insertion of moved lines: copied from the doc's bytes as they are, `replacement` is their clean text. */
  moved?: { lines: MovedLine[]; leadingBreak: boolean };
}

/** An item promoted (or demoted) by moving its lines into the doc's section for its new status. */
export interface SectionMove {
  itemId: string;
  /** 1-based lines of the item (with its nested lines) in the doc as read. */
  fromLine: number;
  toLine: number;
  /** The moved lines go before this 1-based line of the doc as read (one past the end: at the end). */
  beforeLine: number;
  /** The heading lines of the status section they leave and of the one they move into. */
  fromSectionLine: number;
  sectionLine: number;
}

/** An item sync rewrites: its status from what the doc says to what the code shows. */
export interface StatusChange {
  itemId: string;
  name: string;
  line: number;
  from: DeclaredStatus;
  to: DeclaredStatus;
  /** The text written, in the doc's own vocabulary ("✅ Complete", "[x]"). */
  text: string;
  direction: 'promote' | 'demote';
}

/** An item whose status differs from the code's but which sync leaves as the doc says. */
export interface LeftAlone {
  itemId: string;
  name: string;
  line: number;
  declared: DeclaredStatus;
  verified: ItemStatus;
  why: string;
}

/** Per category, what the generated summary block shows. */
export interface CategoryProgress {
  title: string;
  done: number;
  total: number;
  remainingCalls: number;
}

/** What sync needs besides the doc: the code's verdicts and the user's choices. */
export interface SyncInput {
  /** Detected status by item id (the snapshot's `detectedStatus`). */
  verified: ReadonlyMap<string, ItemStatus>;
  /** For the optional `<!-- migratrack:summary -->` block. */
  progress: readonly CategoryProgress[];
  /** Also lower statuses the code does not support (done → not started). */
  demote: boolean;
}

export interface SyncPlan {
  edits: SyncEdit[];
  changes: StatusChange[];
  leftAlone: LeftAlone[];
  moves: SectionMove[];
}
