/**
 * remark-parse + remark-gfm take super-linear time on large docs (a 2,000-item doc took 12 s), so a
 * doc is parsed in chunks cut before each top-level ATX heading and the chunks' blocks are joined,
 * with positions shifted back to whole-doc lines and offsets. The result is the same mdast as a
 * whole-doc parse (tests/doc/chunked-parse.test.ts checks it on every fixture). Why a cut is safe:
 * - Only a `#` line at column 0 is a cut: at column 0 it cannot belong to a list item (needs
 *   indentation), a block quote (needs `>`) or indented code, and an ATX heading interrupts a
 *   paragraph or a table, so every container is closed before it (CommonMark 0.31, §4.2, §5).
 * - The two blocks that can still swallow it, an open top-level fenced code block or HTML block,
 *   are skipped by the line scan that finds cuts, and checked again after the parse: when a chunk
 *   ends in one that is not provably closed, the whole doc is parsed at once instead.
 * - Link reference and footnote definitions are doc-global, so a doc with any is parsed whole.
 */
import type { Html, Node, Root } from 'mdast';

type Point = { line: number; column: number; offset?: number | undefined };

/**
 * What every link reference or footnote definition contains (`[label]:`, `[^note]:`). Checked
 * anywhere, not only at a line start: definitions also live in list items and block quotes, and a
 * label may span lines.
 */
const DEFINITION = /\]:/;
/** An ATX heading at column 0: `#` to `######`, then a space, a tab or the end of the line. */
export const TOP_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** HTML blocks of CommonMark kinds 1-5 and their end conditions: a terminator, not a blank line. */
const HTML_KINDS_1_TO_5: [start: RegExp, end: RegExp][] = [
  [/^[ \t]*<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
  [/^[ \t]*<![A-Za-z]/, />/],
];

/**
 * Chunks are at least this long: each remark call has a fixed cost, and its per-block cost climbs
 * with the chunk's size; 0.5-1.5 KB chunks were equally fast on the 10,000-item doc, 4 KB twice as slow.
 */
const MIN_CHUNK = 750;
/**
 * Past MIN_CHUNK, a heading is a cut when its line hashes to 0 mod this, or unconditionally once the
 * chunk is this many times MIN_CHUNK. Cuts chosen by content, not by offset, stay put when an
 * edit above them changes the doc's length, so successive versions of a doc share nearly all their
 * chunks (see memoizedChunkParser).
 */
const CUT_ONE_IN = 4;
const MAX_CHUNK_FACTOR = 4;

/** FNV-1a over UTF-16 code units: a cheap, stable hash of a heading line. */
function lineHash(line: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function isCut(line: string, size: number, minChunk: number): boolean {
  if (size < minChunk || !TOP_HEADING.test(line)) return false;
  return size >= MAX_CHUNK_FACTOR * minChunk || lineHash(line) % CUT_ONE_IN === 0;
}

/** Applies `move` to every position point in the tree. */
export function movePositions(node: Node, move: (point: Point) => void): void {
  const stack: Node[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current.position) {
      move(current.position.start);
      move(current.position.end);
    }
    const children = (current as { children?: Node[] }).children;
    if (children) stack.push(...children);
  }
}

/**
 * For a line that opens a block a column-0 heading cannot end (fenced code, HTML), the test for the
 * line that ends it. Any `<` line counts as HTML: too many such lines only cost cuts, never add one.
 */
export function opensBlock(line: string): ((next: string) => boolean) | null {
  // Most lines open nothing: only a backtick, a tilde or `<` after up to three spaces can (issue 17: every line of a 1 MB doc comes here).
  let first = 0;
  while (first < 3 && line.charCodeAt(first) === 32) first++;
  const char = line[first];
  if (char !== '`' && char !== '~' && char !== '<') return null;
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
  if (fence !== undefined) {
    const closer = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return (next) => closer.test(next);
  }
  if (!/^ {0,3}</.test(line)) return null;
  for (const [start, end] of HTML_KINDS_1_TO_5) {
    const opener = start.exec(line);
    if (opener !== null) return end.test(line.slice(opener[0].length)) ? null : (next) => end.test(next);
  }
  return (next) => next.trim() === ''; // kinds 6-7 end at a blank line
}

/**
 * Offsets of the lines a chunk may start at: column-0 ATX headings outside fenced code and HTML
 * blocks. Also how the site's `/doc/` page cuts the doc (src/lib/site/doc-page.ts).
 */
export function headingCuts(text: string): number[] {
  const cuts: number[] = [];
  let endsBlock: ((line: string) => boolean) | null = null;
  let offset = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(offset, end);
    if (endsBlock !== null) {
      if (endsBlock(line)) endsBlock = null;
    } else if (TOP_HEADING.test(line)) {
      cuts.push(offset);
    } else {
      endsBlock = opensBlock(line);
    }
    offset = end + 1;
  }
  return cuts;
}

/** Link reference and footnote definitions are doc-global: a doc with any cannot be cut. */
export function hasDefinitions(text: string): boolean {
  return DEFINITION.test(text);
}

/** Offsets where chunks start: 0, then the heading cuts chosen by {@link isCut}. */
function chunkStarts(text: string, minChunk: number): number[] {
  const starts = [0];
  for (const cut of headingCuts(text)) {
    if (cut > 0 && isCut(lineAt(text, cut), cut - starts[starts.length - 1]!, minChunk)) starts.push(cut);
  }
  return starts;
}

function lineAt(text: string, offset: number): string {
  const newline = text.indexOf('\n', offset);
  return text.slice(offset, newline === -1 ? text.length : newline);
}

function lastLine(value: string): string {
  return value.slice(value.lastIndexOf('\n') + 1);
}

/** A fenced code block is closed when it has a last line that is a closing fence for its opener. */
function fenceClosed(source: string): boolean {
  const opener = /^[ \t]*(`{3,}|~{3,})/.exec(source);
  if (!opener?.[1]) return true; // indented code: a column-0 line always ends it
  if (!source.includes('\n')) return false;
  const closer = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lastLine(source));
  const fence = closer?.[1];
  return fence !== undefined && fence[0] === opener[1][0] && fence.length >= opener[1].length;
}

/** An HTML block is closed by its terminator (kinds 1-5) or by a following blank line (kinds 6-7). */
function htmlClosed(node: Html, rest: string): boolean {
  for (const [start, end] of HTML_KINDS_1_TO_5) {
    const opener = start.exec(node.value);
    if (opener === null) continue;
    // The end condition is checked from the start line on, after the opener (CommonMark §4.6).
    return node.value.includes('\n') ? end.test(lastLine(node.value)) : end.test(node.value.slice(opener[0].length));
  }
  return /^\n[ \t]*\n/.test(rest);
}

/** Containers whose last child is still open while they are: a fence inside one runs on with it. */
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * Whether a chunk's last block might run on into the next chunk's heading in a whole-doc parse:
 * a fence or HTML block not provably closed, at the top level or last inside the last list or
 * quote ("- ~~~" then "# Title": parsed apart, the fence and its item end after the line break).
 */
export function mayRunOn(root: Root, chunk: string): boolean {
  let last: Root['children'][number] | undefined = root.children[root.children.length - 1];
  while (last !== undefined && CONTAINERS.has(last.type)) {
    const children = (last as { children: Root['children'] }).children;
    last = children[children.length - 1];
  }
  if (last === undefined) return false;
  const start = last.position?.start.offset;
  const end = last.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  if (last.type === 'code') return !fenceClosed(chunk.slice(start, end));
  if (last.type === 'html') return !htmlClosed(last, chunk.slice(end));
  return false;
}

/**
 * Parses `text` with `parse` chunk by chunk; same mdast as `parse(text)`, in about linear time.
 * Falls back to `parse(text)` whenever a cut cannot be shown to be neutral.
 * @param minChunk shortest chunk in characters (tests set 1 to cut at every heading).
 */
export function parseInChunks(text: string, parse: (text: string) => Root, minChunk = MIN_CHUNK): Root {
  if (hasDefinitions(text)) return parse(text);
  const starts = chunkStarts(text, Math.max(1, minChunk));
  if (starts.length === 1) return parse(text);
  const children: Root['children'] = [];
  let line = 0;
  let root: Root | null = null;
  for (let index = 0; index < starts.length; index++) {
    const from = starts[index] ?? 0;
    const chunk = text.slice(from, starts[index + 1] ?? text.length);
    root = parse(chunk);
    if (index < starts.length - 1 && mayRunOn(root, chunk)) return parse(text);
    const lineShift = line;
    movePositions(root, (point) => {
      point.line += lineShift;
      if (point.offset !== undefined) point.offset += from;
    });
    children.push(...root.children);
    line += countNewlines(chunk);
  }
  const end = root?.position?.end;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: end ? { ...end } : { line: 1, column: 1, offset: 0 } },
  };
}

/** Line breaks in `chunk`: the lines a chunk moves the next one down by. */
export function countNewlines(chunk: string): number {
  let count = 0;
  for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) count++;
  return count;
}
