/**
 * What a heading says besides its title: "(18 files)", "(High Priority - 3 files)", a
 * "10/10 COMPLETE ✅" marker, a trailing status emoji ("### Task 1.1: Set up CI ⚪"), and whether it
 * is a task ("Task 3.1.1: …") or an item ("File 4: …", "Files 40-56: …") heading.
 */
import type { StatusText } from './model.js';
import { statusFromHeadingEmoji } from './status.js';
import { stripLeadingDecoration } from './inline.js';
import { boundedMemo } from './memo.js';

/** What readHeadingParts found in a heading. */
export interface HeadingParts {
  title: string;
  declaredCount: number | null;
  completeMarker: boolean;
  /** Status given by an emoji after the title (not by decoration before it). */
  status: StatusText | null;
}

const COUNT_ONLY = /\s*\(\s*(\d+)\s+files?\s*\)/i;
const COUNT_IN_PARENS = /\(([^()]*?)\s*[-–—,;]?\s*(\d+)\s+files?\s*\)/i;
const COMPLETE_MARKER = /(?:\s*[-–—:|]\s*)?(?:\d+\s*\/\s*\d+\s+)?(?:\bCOMPLETE(?:D)?\b|\b[Cc]omplete[d]?\s*[✅✔]|[✅✔]\s*[Cc]omplete[d]?\b)\s*[✅✔]?\uFE0F?/u;
const TRAILING_EMOJI = /[\s\-–—]*((?:[\p{Extended_Pictographic}]\uFE0F?\s*)+)$/u;

/**
 * Splits a heading (decoration already stripped) into title, count, complete marker and status.
 * A fresh object each call (callers keep the status in the model), from an answer remembered per
 * heading: readers ask it of the same headings many times (issue 17's 1 MB doc: ≈ 40 ms).
 */
export function readHeadingParts(text: string): HeadingParts {
  const parts = headingParts(text);
  return { ...parts, status: parts.status === null ? null : { ...parts.status } };
}

const headingParts = boundedMemo((text: string): HeadingParts => {
  let title = text.trim();
  let completeMarker = false;
  let status: StatusText | null = null;
  const marker = COMPLETE_MARKER.exec(title);
  if (marker) {
    completeMarker = true;
    title = (title.slice(0, marker.index) + title.slice(marker.index + marker[0].length)).trim();
  }
  const trailing = TRAILING_EMOJI.exec(title);
  if (trailing) {
    status = statusFromHeadingEmoji(trailing[1] ?? '');
    if (status) title = title.slice(0, trailing.index).trim();
  }
  let declaredCount: number | null = null;
  const only = COUNT_ONLY.exec(title);
  if (only) {
    declaredCount = Number(only[1]);
    title = (title.slice(0, only.index) + title.slice(only.index + only[0].length)).trim();
  } else {
    const inside = COUNT_IN_PARENS.exec(title);
    if (inside) {
      declaredCount = Number(inside[2]);
      const rest = (inside[1] ?? '').trim();
      title = `${title.slice(0, inside.index)}${rest ? `(${rest})` : ''}${title.slice(inside.index + inside[0].length)}`.trim();
    }
  }
  if (completeMarker && status === null) {
    status = { status: 'done', raw: (marker?.[0] ?? 'COMPLETE').replace(/^[\s\-–—:|]+/, '').trim(), each: false };
  }
  return { title: title.replace(/\s*[-–—:]\s*$/, '').trim(), declaredCount, completeMarker, status };
});

/** "Task 3.1.1: …": the task id and the rest of the heading. */
export interface TaskHeading {
  id: string;
  rest: string;
}

const TASK_HEADING = /^Task\s+(\d+(?:\.\d+)*)\s*(?:[:.\-–—]\s*(.*))?$/i;

/** "Task 3.1.1: Remove Duplicate Logic (2 files)" → id "3.1.1" and the rest; null otherwise. */
export function readTaskHeading(text: string): TaskHeading | null {
  const match = TASK_HEADING.exec(stripLeadingDecoration(text));
  if (!match) return null;
  return { id: match[1] ?? '', rest: (match[2] ?? '').trim() };
}

/** The kinds of item heading: one file, a numbered group, or a template example. */
export type ItemHeading =
  | { kind: 'file'; number: number; rest: string }
  | { kind: 'group'; first: number; last: number; rest: string }
  | { kind: 'template'; rest: string };

const ITEM_HEADING = /^Files?\s*#?\s*(\d+)(?:\s*(?:-|–|—|to)\s*(\d+))?\s*(?:[:.)\-–—]\s*(.*))?$/i;
const TEMPLATE_HEADING = /^Files?\s+(?:[A-Z]|N|X|#|\?|<[^>]*>|\{[^}]*\}|\.\.\.)\s*(?:[:.\-–—]\s*(.*))?$/;

/** "File 4: x.py", "Files 40-56: …", "File 30-39: …" or a template "File X: filename.py". */
export function readItemHeading(text: string): ItemHeading | null {
  const stripped = stripLeadingDecoration(text);
  const match = ITEM_HEADING.exec(stripped);
  if (match) {
    const first = Number(match[1]);
    const rest = (match[3] ?? '').trim();
    if (match[2] !== undefined) return { kind: 'group', first, last: Number(match[2]), rest };
    return { kind: 'file', number: first, rest };
  }
  const template = TEMPLATE_HEADING.exec(stripped);
  if (template) return { kind: 'template', rest: (template[1] ?? '').trim() };
  return null;
}
