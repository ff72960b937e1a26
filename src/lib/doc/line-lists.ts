/**
 * The fast path's tight lists: consecutive list lines built as exactly the mdast remark (with
 * remark-gfm's task items) builds, or null when outside the subset (see line-blocks.ts). The open
 * items and lists end at the line's shared end point, line by line, as the list grows.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import { asciiHead, withAsciiTwin } from './ascii-twin.js';
import { inline } from './line-inline.js';
import { lineEnd, point, type Line } from './source-lines.js';

const LIST_LINE = /^( *)([-*+]|(\d{1,9})([.)])) (?! )(.*)$/;
/** A list marker and its one space at the start of an item's text (a list nested on the same line). */
const NESTED_MARKER = /^([-*+]|(\d{1,9})([.)])) (?! )/;
const ITEM_START = withAsciiTwin(/^(?:[\p{L}\p{Extended_Pictographic}[]|\d(?!\d{0,8}[.)](?: |$))|\*\*[^\s*]|`[^`]|~(?![~\s]))/u, asciiHead(1));
const TASK = /^\[([ xX])\] (?=\S)/;
/** A box remark-gfm reads another way than TASK. */
const OTHER_BOX = /^\[[ xX]\](?:\s|$)/;

interface OpenItem {
  item: ListItem;
  list: List;
  /** Column of the item's text. */
  textColumn: number;
  kind: string;
}

/** One list marker of a line: where it is, its kind, its number (ordered lists), where its item's text starts. */
interface Marker {
  markerColumn: number;
  textColumn: number;
  kind: string;
  number: string | undefined;
}

/** One list item line's paragraph (a GFM box read as remark-gfm reads it). */
function itemParagraph(line: Line, column: number, content: string, item: ListItem): Paragraph | null {
  if (!ITEM_START.test(content)) return null;
  const task = content[0] === '[' ? TASK.exec(content) : null;
  if (task === null && content[0] === '[' && OTHER_BOX.test(content)) return null;
  const textColumn = task ? column + 4 : column;
  const children = inline(line, textColumn, task ? content.slice(4) : content);
  if (children === null) return null;
  if (task) item.checked = task[1] !== ' ';
  // remark-gfm moves the paragraph's start past the box only when its first node is text.
  const start = task && children[0]?.type !== 'text' ? column : textColumn;
  return { type: 'paragraph', children, position: { start: point(line, start), end: lineEnd(line) } };
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

/** A tight list from the list lines `from` to `to` (exclusive), or null when outside the subset. */
export function list(lines: readonly Line[], from: number, to: number): List | null {
  const stack: OpenItem[] = [];
  let top: List | null = null;
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    const parsed = lineMarkers(line.text);
    if (parsed === null) return null;
    const markers = parsed.markers;
    const first = markers[0]!;
    let closed: OpenItem | null = null;
    while (stack.length > 0 && first.markerColumn < stack[stack.length - 1]!.textColumn) closed = stack.pop()!;
    const parent = stack[stack.length - 1] ?? null;
    if (first.markerColumn !== (parent?.textColumn ?? 0)) return null;
    const item = listItem(line, first.markerColumn);
    // The lists further markers open, each the only child of the item before it (pushed below).
    let innermost = item;
    const opened = stack.length;
    for (let at = 1; at < markers.length; at++) {
      const marker = markers[at]!;
      // An ordered marker must be 1, as on a line of its own under an item (the subset stays narrow).
      if (marker.number !== undefined && marker.number !== '1') return null;
      const inner = newList(line, marker);
      innermost.children.push(inner);
      innermost = listItem(line, marker.markerColumn);
      inner.children.push(innermost);
      stack.push({ item: innermost, list: inner, textColumn: marker.textColumn, kind: marker.kind });
    }
    const body = itemParagraph(line, markers[markers.length - 1]!.textColumn, parsed.content, innermost);
    if (body === null) return null;
    innermost.children.push(body);
    let owner: List;
    if (closed !== null) {
      // A sibling of the item just closed: same list, same marker kind.
      if (closed.kind !== first.kind) return null;
      owner = closed.list;
    } else {
      if (parent !== null && first.number !== undefined && first.number !== '1') return null; // cannot interrupt the parent's text
      if (parent === null && top !== null) return null;
      owner = newList(line, first);
      if (parent === null) top = owner;
      else parent.item.children.push(owner);
    }
    owner.children.push(item);
    // Every item and list still open ends at this line now (those just opened end here already).
    for (let at = 0; at < opened; at++) {
      stack[at]!.item.position!.end = lineEnd(line);
      stack[at]!.list.position!.end = lineEnd(line);
    }
    owner.position!.end = lineEnd(line);
    stack.splice(opened, 0, { item, list: owner, textColumn: first.textColumn, kind: first.kind });
  }
  return top;
}

function listItem(line: Line, markerColumn: number): ListItem {
  return { type: 'listItem', spread: false, checked: null, children: [], position: { start: point(line, markerColumn), end: lineEnd(line) } };
}

function newList(line: Line, marker: Marker): List {
  return {
    type: 'list',
    ordered: marker.number !== undefined,
    start: marker.number !== undefined ? Number.parseInt(marker.number, 10) : null,
    spread: false,
    children: [],
    position: { start: point(line, marker.markerColumn), end: lineEnd(line) },
  } as List;
}
