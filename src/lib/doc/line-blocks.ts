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
 */
import type { AlignType, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { hasDefinitions, mayRunOn, opensBlock, TOP_HEADING } from './chunked-parse.js';

type Point = { line: number; column: number; offset: number };

/** A line of the doc: its text and where it starts. */
interface Line {
  text: string;
  /** 1-based. */
  number: number;
  offset: number;
}

const LIST_MARKER_LINE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const LIST_LINE = /^( *)([-*+]|(\d{1,9})([.)])) (?! )(.*)$/;
/** A list marker and its one space at the start of an item's text (a list nested on the same line). */
const NESTED_MARKER = /^([-*+]|(\d{1,9})([.)])) (?! )/;
const LINE_START = /^(?:[\p{L}\p{Extended_Pictographic}]|\d(?!\d{0,8}[.)](?: |$))|\*\*[^\s*])/u;
const ITEM_START = /^(?:[\p{L}\p{Extended_Pictographic}[]|\d(?!\d{0,8}[.)](?: |$))|\*\*[^\s*]|`[^`]|~(?![~\s]))/u;
const TASK = /^\[([ xX])\] (?=\S)/;
/** Characters that start or may start an inline construct outside the subset (`_` and `*` are checked apart). */
const INLINE_SPECIAL = /\\(?![A-Za-z0-9])|[<|\t\r\0]|&(?:#|[A-Za-z0-9]+;)|~.*~|\]\(|\]\[|!\[|www\.|:\/\/|[\w.+-]@|mailto:|xmpp:/i;
const WORDISH = /[A-Za-z0-9]/;

/** Splits the text into lines with their offsets. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (let number = 1; offset <= text.length; number++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(offset, end), number, offset });
    if (newline === -1) break;
    offset = end + 1;
  }
  return lines;
}

function point(line: Line, column: number): Point {
  return { line: line.number, column: column + 1, offset: line.offset + column };
}

function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/**
 * Indexes of the lines a region may start at: a column-0 ATX heading, the line after one, and a
 * column-0 line after a blank line that is not a list marker (it would continue the list above);
 * never inside a fenced code or HTML block that starts at the top level.
 */
function regionStarts(lines: readonly Line[]): number[] {
  const starts = [0];
  let endsBlock: ((line: string) => boolean) | null = null;
  let afterHeading = false;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (endsBlock !== null) {
      if (endsBlock(text)) endsBlock = null;
      afterHeading = false;
      continue;
    }
    const heading = TOP_HEADING.test(text);
    const column0 = text !== '' && text[0] !== ' ' && text[0] !== '\t';
    const afterBlank = index > 0 && isBlank(lines[index - 1]!.text);
    if (index > 0 && (heading || afterHeading || (column0 && afterBlank && !LIST_MARKER_LINE.test(text)))) starts.push(index);
    afterHeading = heading;
    if (!heading) endsBlock = opensBlock(text);
  }
  return starts;
}

/** Inline nodes of `text` (which starts at `column` of `line`), or null when outside the subset. */
function inline(line: Line, column: number, text: string): PhrasingContent[] | null {
  if (INLINE_SPECIAL.test(text) || /[ \t]$/.test(text)) return null;
  const nodes: PhrasingContent[] = [];
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) nodes.push({ type: 'text', value: text.slice(textStart, end), position: { start: point(line, column + textStart), end: point(line, column + end) } });
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '_') {
      if (!WORDISH.test(text[at - 1] ?? '') || !WORDISH.test(text[at + 1] ?? '')) return null;
    } else if (char === '`') {
      const close = text.indexOf('`', at + 1);
      const value = text.slice(at + 1, close);
      if (close === -1 || value === '' || value.includes('<') || value[0] === ' ' || value[value.length - 1] === ' ') return null;
      flushText(at);
      nodes.push({ type: 'inlineCode', value, position: { start: point(line, column + at), end: point(line, column + close + 1) } });
      at = close;
      textStart = close + 1;
    } else if (char === '*') {
      // A lone `*` before a space or the end cannot open emphasis, and nothing in the subset is an
      // opener it could close (a `*` before a non-space is refused, `**key**` pairs close themselves).
      if (text[at + 1] === ' ' || at + 1 === text.length) continue;
      const close = text.indexOf('**', at + 2);
      const value = text.slice(at + 2, close);
      const before = text[at - 1];
      const after = text[close + 2];
      // The closer is right-flanking and cannot open: a space or the end after it, or punctuation after a word character.
      const closes = after === undefined || after === ' ' || (/[:.,;!?)]/.test(after) && WORDISH.test(value[value.length - 1] ?? ''));
      if (text[at + 1] !== '*' || close === -1 || (before !== undefined && before !== ' ') || !closes) return null;
      if (!/^\S(?:[^*_`[\]]*\S)?$/.test(value)) return null;
      flushText(at);
      const start = point(line, column + at + 2);
      const end = point(line, column + close);
      nodes.push({
        type: 'strong',
        children: [{ type: 'text', value, position: { start, end } }],
        position: { start: point(line, column + at), end: point(line, column + close + 2) },
      });
      at = close + 1;
      textStart = close + 2;
    }
  }
  flushText(text.length);
  return nodes;
}

/** Appends the inline nodes of a further paragraph line, joining texts across the line ending as remark does. */
function appendLine(nodes: PhrasingContent[], previous: Line, line: Line, next: PhrasingContent[]): void {
  const last = nodes[nodes.length - 1];
  let joined: { value: string; position?: { end: Point } | undefined };
  if (last?.type === 'text') {
    last.value += '\n';
    last.position!.end = point(line, 0);
    joined = last as typeof joined;
  } else {
    joined = { type: 'text', value: '\n', position: { start: point(previous, previous.text.length), end: point(line, 0) } } as typeof joined;
    nodes.push(joined as PhrasingContent);
  }
  const first = next[0];
  if (first?.type === 'text') {
    joined.value += first.value;
    joined.position!.end = first.position!.end as Point;
    nodes.push(...next.slice(1));
  } else {
    nodes.push(...next);
  }
}

function paragraph(lines: readonly Line[]): Paragraph | null {
  if (lines.filter((line) => line.text.includes('~')).length > 1) return null;
  const children: PhrasingContent[] = [];
  for (const [index, line] of lines.entries()) {
    if (!LINE_START.test(line.text)) return null;
    const nodes = inline(line, 0, line.text);
    if (nodes === null) return null;
    if (index === 0) children.push(...nodes);
    else appendLine(children, lines[index - 1]!, line, nodes);
  }
  const last = lines[lines.length - 1]!;
  return { type: 'paragraph', children, position: { start: point(lines[0]!, 0), end: point(last, last.text.length) } };
}

function heading(line: Line): Heading | null {
  const match = /^(#{1,6}) (?! )(.*)$/.exec(line.text);
  const body = match?.[2];
  if (match === null || body === undefined || body === '' || body.endsWith('#')) return null;
  const children = inline(line, match[1]!.length + 1, body);
  if (children === null) return null;
  return { type: 'heading', depth: match[1]!.length as Heading['depth'], children, position: { start: point(line, 0), end: point(line, line.text.length) } };
}

interface OpenItem {
  item: ListItem;
  list: List;
  /** Column of the marker, and of the item's text. */
  markerColumn: number;
  textColumn: number;
  kind: string;
}

/** One list item line's paragraph (a GFM box read as remark-gfm reads it). */
function itemParagraph(line: Line, column: number, content: string, item: ListItem): Paragraph | null {
  if (!ITEM_START.test(content)) return null;
  const task = TASK.exec(content);
  if (task === null && /^\[[ xX]\](?:\s|$)/.test(content)) return null; // a box remark-gfm reads another way
  const textColumn = task ? column + 4 : column;
  const children = inline(line, textColumn, task ? content.slice(4) : content);
  if (children === null) return null;
  if (task) item.checked = task[1] !== ' ';
  // remark-gfm moves the paragraph's start past the box only when its first node is text.
  const start = task && children[0]?.type !== 'text' ? column : textColumn;
  return { type: 'paragraph', children, position: { start: point(line, start), end: point(line, line.text.length) } };
}

function setEnd(node: ListItem | List, end: Point): void {
  node.position!.end = { ...end };
}

/** One list marker of a line: where it is, its kind, its number (ordered lists), where its item's text starts. */
interface Marker {
  markerColumn: number;
  textColumn: number;
  kind: string;
  number: string | undefined;
}

/** The markers a list line starts with ("- - 1. x" nests three items on one line) and the text after the last. */
function lineMarkers(text: string): { markers: Marker[]; content: string } | null {
  const match = LIST_LINE.exec(text);
  if (match === null) return null;
  const markers: Marker[] = [];
  let markerColumn = match[1]!.length;
  let marker = match[2]!;
  let number = match[3];
  let kind = match[4] ?? marker;
  let content = match[5]!;
  for (;;) {
    const textColumn = markerColumn + marker.length + 1;
    markers.push({ markerColumn, textColumn, kind, number });
    // A further marker right at the item's text opens a list inside it (issue 17: 1,000 lines of
    // 31 markers took remark 13 s). The last item's text must still pass ITEM_START, so no level's
    // rest of the line can be a thematic break ("- - -") or an empty item.
    const inner = NESTED_MARKER.exec(content);
    if (inner === null) return { markers, content };
    markerColumn = textColumn;
    marker = inner[1]!;
    number = inner[2];
    kind = inner[3] ?? marker;
    content = content.slice(inner[0].length);
  }
}

/** A tight list from consecutive list lines, or null when outside the subset. */
function list(lines: readonly Line[]): List | null {
  const stack: OpenItem[] = [];
  let top: List | null = null;
  for (const line of lines) {
    const parsed = lineMarkers(line.text);
    if (parsed === null) return null;
    const [first, ...nested] = parsed.markers;
    const { markerColumn, textColumn, kind } = first!;
    let closed: OpenItem | null = null;
    while (stack.length > 0 && markerColumn < stack[stack.length - 1]!.textColumn) closed = stack.pop()!;
    const parent = stack[stack.length - 1] ?? null;
    const base = parent?.textColumn ?? 0;
    if (markerColumn !== base) return null;
    const item = listItem(line, markerColumn);
    const innermost = nestedItems(line, item, nested);
    if (innermost === null) return null;
    const last = nested[nested.length - 1] ?? first!;
    const body = itemParagraph(line, last.textColumn, parsed.content, innermost.item);
    if (body === null) return null;
    innermost.item.children.push(body);
    let owner: List;
    if (closed !== null) {
      // A sibling of the item just closed: same list, same marker kind.
      if (closed.kind !== kind) return null;
      owner = closed.list;
    } else {
      if (parent !== null && first!.number !== undefined && first!.number !== '1') return null; // cannot interrupt the parent's text
      if (parent === null && top !== null) return null;
      owner = newList(line, first!);
      if (parent === null) top = owner;
      else parent.item.children.push(owner);
    }
    owner.children.push(item);
    const end = point(line, line.text.length);
    for (const open of stack) {
      setEnd(open.item, end);
      setEnd(open.list, end);
    }
    setEnd(owner, end);
    stack.push({ item, list: owner, markerColumn, textColumn, kind });
    stack.push(...innermost.opened);
  }
  return top;
}

function listItem(line: Line, markerColumn: number): ListItem {
  return { type: 'listItem', spread: false, checked: null, children: [], position: { start: point(line, markerColumn), end: point(line, line.text.length) } };
}

function newList(line: Line, marker: Marker): List {
  return {
    type: 'list',
    ordered: marker.number !== undefined,
    start: marker.number !== undefined ? Number.parseInt(marker.number, 10) : null,
    spread: false,
    children: [],
    position: { start: point(line, marker.markerColumn), end: point(line, line.text.length) },
  } as List;
}

/**
 * The lists a line's further markers open, each the only child of the item before it; the
 * innermost item (which gets the line's text) and the open items, outermost first. An ordered
 * marker must be 1, as on a line of its own under an item (the subset stays narrow).
 */
function nestedItems(line: Line, outer: ListItem, markers: readonly Marker[]): { item: ListItem; opened: OpenItem[] } | null {
  const opened: OpenItem[] = [];
  let item = outer;
  for (const marker of markers) {
    if (marker.number !== undefined && marker.number !== '1') return null;
    const inner = newList(line, marker);
    item.children.push(inner);
    item = listItem(line, marker.markerColumn);
    inner.children.push(item);
    opened.push({ item, list: inner, markerColumn: marker.markerColumn, textColumn: marker.textColumn, kind: marker.kind });
  }
  return { item, opened };
}

/** A line of its own between blank lines (never a setext underline), with nothing but the marks. */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;

/** One `| a | b |` line's cells: each from its opening pipe to the next (the last one to the closing pipe). */
function tableRow(line: Line, width: number): TableRow | null {
  const text = line.text;
  if (text[0] !== '|' || text[text.length - 1] !== '|' || text.length < 2) return null;
  const pipes: number[] = [];
  for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) pipes.push(at);
  if (pipes.length - 1 !== width) return null;
  const children: TableCell[] = [];
  for (let cell = 0; cell < width; cell++) {
    const from = pipes[cell]! + 1;
    const to = pipes[cell + 1]!;
    const raw = text.slice(from, to);
    const content = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const nodes = content === '' ? [] : inline(line, from + lead, content);
    if (nodes === null || (content !== '' && /^\s|\s$/.test(content))) return null;
    const end = cell === width - 1 ? to + 1 : to;
    children.push({ type: 'tableCell', children: nodes, position: { start: point(line, from - 1), end: point(line, end) } });
  }
  return { type: 'tableRow', children, position: { start: point(line, 0), end: point(line, text.length) } };
}

/** A GFM table whose every line starts and ends with a pipe and has the header's cell count. */
function table(lines: readonly Line[]): Table | null {
  const delimiter = lines[1];
  if (delimiter === undefined || !DELIMITER_ROW.test(delimiter.text)) return null;
  const align = delimiter.text.slice(1, -1).split('|').map((cell): AlignType => {
    const spec = cell.trim();
    return spec.startsWith(':') ? (spec.endsWith(':') ? 'center' : 'left') : spec.endsWith(':') ? 'right' : null;
  });
  const rows: TableRow[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === 1) continue;
    const row = tableRow(line, align.length);
    if (row === null) return null;
    rows.push(row);
  }
  const last = lines[lines.length - 1]!;
  return { type: 'table', align, children: rows, position: { start: point(lines[0]!, 0), end: point(last, last.text.length) } };
}

/** A backtick fence at column 0 with a one-word info string (no escapes or entities to decode). */
const FENCE_OPEN = /^```(?!`)([\w+-]*)$/;
/** Any line that might open or close a fence, which the body of a fenced block in the subset never holds. */
const ANY_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;

/**
 * A fenced code block from the opening fence at `start` to the first line that is exactly "```",
 * or null when it does not close that way or a body line has a tab, `\r`, NUL or trailing blanks.
 */
function fencedCode(lines: readonly Line[], start: number): { node: Code; next: number } | null {
  const open = lines[start]!;
  const lang = FENCE_OPEN.exec(open.text)![1]!;
  const body: string[] = [];
  for (let index = start + 1; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (text === '```') {
      const close = lines[index]!;
      const position = { start: point(open, 0), end: point(close, close.text.length) };
      return { node: { type: 'code', lang: lang === '' ? null : lang, meta: null, value: body.join('\n'), position }, next: index + 1 };
    }
    if (ANY_FENCE.test(text) || /[\t\r\0]|[ \t]$/.test(text)) return null;
    body.push(text);
  }
  return null;
}

/** The blocks of one region, or null when anything in it is outside the subset. */
function regionBlocks(lines: readonly Line[]): RootContent[] | null {
  const blocks: RootContent[] = [];
  let previousWasList = false;
  for (let index = 0; index < lines.length; ) {
    const line = lines[index]!;
    if (isBlank(line.text)) {
      if (line.text !== '') return null;
      index++;
      continue;
    }
    if (FENCE_OPEN.test(line.text)) {
      const code = fencedCode(lines, index);
      if (code === null) return null;
      blocks.push(code.node);
      previousWasList = false;
      index = code.next;
      continue;
    }
    let end = index;
    // A fence interrupts a paragraph, a list or a table at column 0.
    while (end < lines.length && !isBlank(lines[end]!.text) && !(end > index && FENCE_OPEN.test(lines[end]!.text))) end++;
    const group = lines.slice(index, end);
    let block: RootContent | null;
    if (THEMATIC_BREAK.test(line.text)) block = group.length === 1 ? { type: 'thematicBreak', position: { start: point(line, 0), end: point(line, line.text.length) } } : null;
    else if (TOP_HEADING.test(line.text)) block = group.length === 1 ? heading(line) : null;
    else if (line.text[0] === '|') block = table(group);
    else if (LIST_MARKER_LINE.test(line.text)) block = previousWasList ? null : list(group);
    else {
      // A list may interrupt a paragraph: bullets, or numbers starting at 1.
      const split = group.findIndex((entry) => LIST_MARKER_LINE.test(entry.text));
      const interrupts = split > 0 && /^(?:[-*+]|1[.)]) /.test(group[split]!.text);
      if (split > 0 && !interrupts) return null;
      block = paragraph(split > 0 ? group.slice(0, split) : group);
      if (block !== null && split > 0) {
        blocks.push(block);
        block = list(group.slice(split));
      }
    }
    if (block === null) return null;
    previousWasList = block.type === 'list';
    blocks.push(block);
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
    children.push(...root.children);
    pending = null;
    return true;
  };
  for (let region = 0; region < starts.length; region++) {
    const first = starts[region]!;
    const end = starts[region + 1] ?? lines.length;
    const blocks = regionBlocks(lines.slice(first, end));
    if (blocks === null) {
      pending ??= first;
      continue;
    }
    if (!flush(first)) return null;
    children.push(...blocks);
  }
  if (!flush(lines.length)) return null;
  const last = lines[lines.length - 1]!;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(last, last.text.length) } };
}
