/**
 * A line-level fast path in front of remark (issue 17: a 1 MB doc parsed in well under a second;
 * micromark reads ≈ 200 KB/s of list-heavy markdown here). Most of a tracking doc is ATX headings,
 * one-line paragraphs and tight lists of one-line items whose text is plain words, `code spans`
 * and `**bold**` keys. The doc is cut into regions at lines no open block can reach across; a
 * region made only of those shapes is built here as exactly the mdast remark would build
 * (positions included), every other region goes to remark, in as few calls as possible.
 * tests/doc/line-blocks.test.ts checks the result equal to one remark call on every fixture and on
 * generated docs. Anything outside the narrow subset below, however harmless, goes to remark: the
 * subset is kept small so that it is provably read the same.
 *
 * Block subset (a region holds any sequence of these, blank lines between them, none inside a list):
 * - `---`, `***` or `___` (three or more, nothing else) alone between blank lines: a thematic break;
 * - `#`…`######`, one space, text not ending in `#`;
 * - a fenced code block: "```" + an optional one-word info string at column 0, closed by a line
 *   that is exactly "```", no fence-like line, tab, `\r`, NUL or trailing blank in its body;
 * - a paragraph: lines at column 0 that start with a letter, a digit (not a list number), an emoji
 *   or `**` + non-space; a list may follow it on the next line (bullets, or numbers from 1);
 * - a GFM table whose lines all start and end with `|`, every row with the delimiter row's cell count;
 * - a tight list: every line `- `/`* `/`+ `/`1. `/`1) ` with exactly one space, nested exactly at
 *   the parent's text column, one marker kind per list, nested ordered lists starting at 1; a GFM
 *   box `[ ]`/`[x]`/`[X]` + one space + text.
 * Inline subset: text without `\ < | _*`, `&#` or `&name;`, and at most one `~` in a paragraph (an `_` between ASCII
 * letters or digits is text, a lone `~` pairs with nothing),
 * `[`/`]` only when no `](`, `][` or `![` is on the line, no autolink trigger (`www.`, `://`, `@` after a character an e-mail address may hold, `mailto:`, `xmpp:`); `code` in single backticks (no `<`, no edge spaces);
 * `**key**` preceded by a space or the line start and followed by a space, the line end, or
 * punctuation after a word character; a lone `*` before a space or the end (`src/*.py files`); a `\` before a letter or digit (no escape).
 * Lines with a tab, trailing whitespace, `\r` or NUL go to remark.
 *
 * Here: cutting the doc into regions and each region into blocks; the builders are line-inline.ts
 * (headings, paragraphs), line-lists.ts and line-tables.ts.
 */
import type { Code, Root, RootContent } from 'mdast';
import { hasDefinitions, mayRunOn, opensBlock, TOP_HEADING } from './chunked-parse.js';
import { heading, paragraph } from './line-inline.js';
import { list } from './line-lists.js';
import { table } from './line-tables.js';
import { isBlankLine, lineEnd, linesOf, point, type Line, type Point } from './source-lines.js';

const LIST_MARKER_LINE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A list that may interrupt a paragraph: bullets, or numbers starting at 1. */
const INTERRUPTING_LIST = /^(?:[-*+]|1[.)]) /;
/** A line of its own between blank lines (never a setext underline), with nothing but the marks. */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;
/** A backtick fence at column 0 with a one-word info string (no escapes or entities to decode). */
const FENCE_OPEN = /^```(?!`)([\w+-]*)$/;
/** Any line that might open or close a fence, which the body of a fenced block in the subset never holds. */
const ANY_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const UNSAFE_IN_CODE = /[\t\r\0]|[ \t]$/;

/**
 * Indexes of the lines a region may start at: a column-0 ATX heading, the line after one, and a
 * column-0 line after a blank line that is not a list marker (it would continue the list above);
 * never inside a fenced code or HTML block that starts at the top level.
 */
function regionStarts(lines: readonly Line[]): number[] {
  const starts = [0];
  let endsBlock: ((line: string) => boolean) | null = null;
  let afterHeading = false;
  let afterBlank = false;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    const blank = isBlankLine(text);
    if (endsBlock !== null) {
      if (endsBlock(text)) endsBlock = null;
      afterHeading = false;
      afterBlank = blank;
      continue;
    }
    const heading = text[0] === '#' && TOP_HEADING.test(text);
    const column0 = text !== '' && text[0] !== ' ' && text[0] !== '\t';
    if (index > 0 && (heading || afterHeading || (column0 && afterBlank && !LIST_MARKER_LINE.test(text)))) starts.push(index);
    afterHeading = heading;
    afterBlank = blank;
    if (!heading) endsBlock = opensBlock(text);
  }
  return starts;
}

/**
 * A fenced code block from the opening fence at `start` to the first line that is exactly "```",
 * or null when it does not close that way before `to` or a body line has a tab, `\r`, NUL or trailing blanks.
 */
function fencedCode(lines: readonly Line[], start: number, to: number): { node: Code; next: number } | null {
  const open = lines[start]!;
  const lang = FENCE_OPEN.exec(open.text)![1]!;
  const body: string[] = [];
  for (let index = start + 1; index < to; index++) {
    const text = lines[index]!.text;
    if (text === '```') {
      const close = lines[index]!;
      const position = { start: point(open, 0), end: lineEnd(close) };
      return { node: { type: 'code', lang: lang === '' ? null : lang, meta: null, value: body.join('\n'), position }, next: index + 1 };
    }
    if (ANY_FENCE.test(text) || UNSAFE_IN_CODE.test(text)) return null;
    body.push(text);
  }
  return null;
}

/** The block of the non-blank lines `from` to `end`, appended to `blocks`; false when outside the subset. */
function groupBlock(lines: readonly Line[], from: number, end: number, previousWasList: boolean, blocks: RootContent[]): boolean {
  const line = lines[from]!;
  const text = line.text;
  let block: RootContent | null;
  if (THEMATIC_BREAK.test(text)) block = end - from === 1 ? { type: 'thematicBreak', position: { start: point(line, 0), end: lineEnd(line) } } : null;
  else if (text[0] === '#' && TOP_HEADING.test(text)) block = end - from === 1 ? heading(line) : null;
  else if (text[0] === '|') block = table(lines, from, end);
  else if (LIST_MARKER_LINE.test(text)) block = previousWasList ? null : list(lines, from, end);
  else {
    // A list may interrupt a paragraph: bullets, or numbers starting at 1.
    let split = from + 1;
    while (split < end && !LIST_MARKER_LINE.test(lines[split]!.text)) split++;
    if (split < end && !INTERRUPTING_LIST.test(lines[split]!.text)) return false;
    block = paragraph(lines, from, split);
    if (block !== null && split < end) {
      blocks.push(block);
      block = list(lines, split, end);
    }
  }
  if (block === null) return false;
  blocks.push(block);
  return true;
}

/** The blocks of the region of lines `from` to `to` (exclusive), or null when anything in it is outside the subset. */
function regionBlocks(lines: readonly Line[], from: number, to: number): RootContent[] | null {
  const blocks: RootContent[] = [];
  let previousWasList = false;
  for (let index = from; index < to; ) {
    const line = lines[index]!;
    if (isBlankLine(line.text)) {
      if (line.text !== '') return null;
      index++;
      continue;
    }
    if (line.text[0] === '`' && FENCE_OPEN.test(line.text)) {
      const code = fencedCode(lines, index, to);
      if (code === null) return null;
      blocks.push(code.node);
      previousWasList = false;
      index = code.next;
      continue;
    }
    let end = index;
    // A fence interrupts a paragraph, a list or a table at column 0.
    while (end < to && !isBlankLine(lines[end]!.text) && !(end > index && lines[end]!.text[0] === '`' && FENCE_OPEN.test(lines[end]!.text))) end++;
    if (!groupBlock(lines, index, end, previousWasList, blocks)) return null;
    previousWasList = blocks[blocks.length - 1]!.type === 'list';
    index = end;
  }
  return blocks;
}

/** Moves every point of a tree parsed from a slice of the doc to whole-doc lines and offsets. */
function shift(nodes: RootContent[], lineShift: number, offsetShift: number): void {
  const stack: Array<{ position?: { start: Point; end: Point } | undefined; children?: unknown[] }> = [...(nodes as never[])];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.position) {
      for (const at of [node.position.start, node.position.end]) {
        at.line += lineShift;
        at.offset += offsetShift;
      }
    }
    if (node.children) stack.push(...(node.children as never[]));
  }
}

/**
 * Parses `text` into the mdast of `parse(text)`: regions in the subset built here, the rest by
 * `parseSlice` (a remark call, chunked or not), in runs. Null when the doc has link reference or
 * footnote definitions (doc-global), or when a remark run ends inside a block that may reach
 * past it: the caller parses the doc its usual way.
 */
export function parseWithFastPath(text: string, parseSlice: (slice: string) => Root): Root | null {
  // micromark drops a leading byte order mark from its offsets; such a doc goes its usual way.
  if (text.startsWith('\uFEFF') || hasDefinitions(text)) return null;
  const lines = linesOf(text);
  const starts = regionStarts(lines);
  const children: RootContent[] = [];
  let pending: number | null = null; // first line index of the run for remark
  const flush = (endIndex: number): boolean => {
    if (pending === null) return true;
    const from = lines[pending]!;
    const to = endIndex < lines.length ? lines[endIndex]!.offset : text.length;
    const slice = text.slice(from.offset, to);
    const root = parseSlice(slice);
    if (endIndex < lines.length && mayRunOn(root, slice)) return false;
    shift(root.children, from.number - 1, from.offset);
    for (const node of root.children) children.push(node);
    pending = null;
    return true;
  };
  for (let region = 0; region < starts.length; region++) {
    const first = starts[region]!;
    const end = starts[region + 1] ?? lines.length;
    const blocks = regionBlocks(lines, first, end);
    if (blocks === null) {
      pending ??= first;
      continue;
    }
    if (!flush(first)) return null;
    for (const block of blocks) children.push(block);
  }
  if (!flush(lines.length)) return null;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lineEnd(lines[lines.length - 1]!) } };
}
