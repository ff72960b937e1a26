/**
 * The doc's sections as lines, for the moves of section-moves.ts: its ATX headings (outside fenced
 * code) with their status, parent and extent, an item's block of lines (the line and those nested
 * under it), and where a moved line lands in a section (after its last list or table, in that
 * list's indentation and marker).
 */
import { statusOfSectionTitle, type DeclaredStatus } from '../doc/index.js';

export interface Heading {
  /** 0-based line index. */
  index: number;
  depth: number;
  status: DeclaredStatus | null;
  parent: Heading | null;
  /** 0-based index of the next heading of any depth (the end of this heading's own body). */
  bodyEnd: number;
  /** 0-based index of the next heading of this depth or above (the end of its sub-sections too). */
  sectionEnd: number;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const LIST_LINE = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)\S/;
export const TABLE_LINE = /^\s*\|/;
export const SECTION_COUNT = /\((\d+)(\s+)(files?|items?|tasks?)\b/i;

/** A heading's title as plain text (the reader's titles are markup-free). */
function plainTitle(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|`/g, '').trim();
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

/** The doc's ATX headings outside fenced code, each with its parent and extent. */
export function headingsOf(lines: readonly string[]): Heading[] {
  const found: Array<{ index: number; depth: number; title: string }> = [];
  let fence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const open = FENCE.exec(line)?.[1];
    if (open !== undefined && (fence === null || (open[0] === fence[0] && open.length >= fence.length))) {
      fence = fence === null ? open : null;
      continue;
    }
    const heading = fence === null ? HEADING.exec(line) : null;
    if (heading) found.push({ index, depth: heading[1]?.length ?? 1, title: plainTitle(heading[2] ?? '') });
  }
  const headings: Heading[] = [];
  for (const [at, entry] of found.entries()) {
    let parent: Heading | null = headings[headings.length - 1] ?? null;
    while (parent !== null && parent.depth >= entry.depth) parent = parent.parent;
    const next = found.slice(at + 1).find((other) => other.depth <= entry.depth);
    headings.push({ index: entry.index, depth: entry.depth, status: statusOfSectionTitle(entry.title), parent, bodyEnd: found[at + 1]?.index ?? lines.length, sectionEnd: next?.index ?? lines.length });
  }
  return headings;
}

/** 0-based index one past the item block starting at `index`: its nested lines, and blank lines between them. */
export function blockEnd(lines: readonly string[], index: number, limit: number): number {
  const line = lines[index] ?? '';
  if (TABLE_LINE.test(line)) return index + 1;
  const indent = indentOf(line);
  let end = index + 1;
  for (let at = index + 1; at < limit; at++) {
    const text = lines[at] ?? '';
    if (text.trim() === '') continue;
    if (indentOf(text) <= indent || HEADING.test(text)) break;
    end = at + 1;
  }
  return end;
}

/** Where a new line goes in a section: after its last list (or table) of the item's shape. */
export interface Landing {
  /** 0-based index the moved lines are inserted before. */
  before: number;
  /** For a list: the indentation and marker of its last top-level line. */
  indent: string;
  marker: string;
  spacing: string;
}

export function landingIn(lines: readonly string[], heading: Heading, table: boolean): Landing | null {
  let last: number | null = null;
  let top = Infinity;
  for (let at = heading.index + 1; at < heading.bodyEnd; at++) {
    const text = lines[at] ?? '';
    if (table ? TABLE_LINE.test(text) && !/^\s*\|[\s:|-]+\|?\s*$/.test(text) : LIST_LINE.test(text) && indentOf(text) <= top) {
      if (!table) top = indentOf(text);
      last = at;
    }
  }
  if (last === null) return table ? null : emptyLanding(lines, heading);
  const list = LIST_LINE.exec(lines[last] ?? '');
  const marker = list?.[2] ?? '';
  const numbered = /^(\d+)([.)])$/.exec(marker);
  return {
    before: blockEnd(lines, last, heading.bodyEnd),
    indent: list?.[1] ?? '',
    marker: numbered ? `${Number(numbered[1])}${numbered[2]}` : marker,
    spacing: list?.[3] ?? ' ',
  };
}

/**
 * A section with no list yet (its last item moved out): the line goes after the heading and the
 * blank line below it, as the first of a new list, when what follows is a blank line, a heading or
 * the end (before a paragraph it would join the paragraph, and a blank line would have to be added).
 */
function emptyLanding(lines: readonly string[], heading: Heading): Landing | null {
  const before = (lines[heading.index + 1] ?? '').trim() === '' ? heading.index + 2 : heading.index + 1;
  const next = lines[before];
  if (before > heading.bodyEnd || (next !== undefined && next.trim() !== '' && !HEADING.test(next))) return null;
  return { before: Math.min(before, lines.length), indent: '', marker: '', spacing: ' ' };
}
