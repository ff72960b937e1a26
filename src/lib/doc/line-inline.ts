/**
 * The fast path's inline subset and the blocks made of it alone (headings, paragraphs): built as
 * exactly the mdast remark builds, or null when a line holds anything outside the subset (see the
 * subset in line-blocks.ts). One pass over a line's characters, no intermediate arrays.
 */
import type { Heading, Paragraph, PhrasingContent, Text } from 'mdast';
import { asciiHead, withAsciiTwin } from './ascii-twin.js';
import { endsInBlank, lineEnd, point, type Line, type Point } from './source-lines.js';

/** Characters that start or may start an inline construct outside the subset (`_` and `*` are checked apart). */
const INLINE_SPECIAL = /\\(?![A-Za-z0-9])|[<|\t\r\0]|&(?:#|[A-Za-z0-9]+;)|~.*~|\]\(|\]\[|!\[|www\.|:\/\/|[\w.+-]@|mailto:|xmpp:/i;
/** What a paragraph line may start with: a letter, an emoji, a digit that is no list number, `**` + non-space. */
const LINE_START = withAsciiTwin(/^(?:[\p{L}\p{Extended_Pictographic}]|\d(?!\d{0,8}[.)](?: |$))|\*\*[^\s*])/u, asciiHead(1));
/** A strong's text: no markup inside, no blank at its edges. */
const STRONG_TEXT = /^\S(?:[^*_`[\]]*\S)?$/;
const CLOSING_PUNCTUATION = /[:.,;!?)]/;

/** An ASCII letter or digit (NaN, past either end of a string, is not). */
function isWordish(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function textNode(line: Line, column: number, value: string, from: number, to: number): Text {
  const end = column + to === line.text.length ? lineEnd(line) : point(line, column + to);
  return { type: 'text', value, position: { start: point(line, column + from), end } };
}

/** Inline nodes of `text` (which starts at `column` of `line`), or null when outside the subset. */
export function inline(line: Line, column: number, text: string): PhrasingContent[] | null {
  if (INLINE_SPECIAL.test(text) || endsInBlank(text)) return null;
  const nodes: PhrasingContent[] = [];
  let textStart = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 95 /* _ */) {
      if (!isWordish(text.charCodeAt(at - 1)) || !isWordish(text.charCodeAt(at + 1))) return null;
    } else if (code === 96 /* ` */) {
      const close = text.indexOf('`', at + 1);
      if (close === -1) return null;
      const value = text.slice(at + 1, close);
      if (value === '' || value.includes('<') || value[0] === ' ' || value[value.length - 1] === ' ') return null;
      if (at > textStart) nodes.push(textNode(line, column, text.slice(textStart, at), textStart, at));
      nodes.push({ type: 'inlineCode', value, position: { start: point(line, column + at), end: point(line, column + close + 1) } });
      at = close;
      textStart = close + 1;
    } else if (code === 42 /* * */) {
      // A lone `*` before a space or the end cannot open emphasis, and nothing in the subset is an
      // opener it could close (a `*` before a non-space is refused, `**key**` pairs close themselves).
      if (text[at + 1] === ' ' || at + 1 === text.length) continue;
      const close = text.indexOf('**', at + 2);
      if (text[at + 1] !== '*' || close === -1 || (at > 0 && text[at - 1] !== ' ')) return null;
      const value = text.slice(at + 2, close);
      const after = text[close + 2];
      // The closer is right-flanking and cannot open: a space or the end after it, or punctuation after a word character.
      const closes = after === undefined || after === ' ' || (CLOSING_PUNCTUATION.test(after) && isWordish(value.charCodeAt(value.length - 1)));
      if (!closes || !STRONG_TEXT.test(value)) return null;
      if (at > textStart) nodes.push(textNode(line, column, text.slice(textStart, at), textStart, at));
      nodes.push({
        type: 'strong',
        children: [textNode(line, column, value, at + 2, close)],
        position: { start: point(line, column + at), end: point(line, column + close + 2) },
      });
      at = close + 1;
      textStart = close + 2;
    }
  }
  if (text.length > textStart) nodes.push(textNode(line, column, textStart === 0 ? text : text.slice(textStart), textStart, text.length));
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
    joined = { type: 'text', value: '\n', position: { start: lineEnd(previous), end: point(line, 0) } } as typeof joined;
    nodes.push(joined as PhrasingContent);
  }
  let from = 0;
  const first = next[0];
  if (first?.type === 'text') {
    joined.value += first.value;
    joined.position!.end = first.position!.end as Point;
    from = 1;
  }
  for (let index = from; index < next.length; index++) nodes.push(next[index]!);
}

/** The paragraph of lines `from` to `to` (exclusive), or null when outside the subset. */
export function paragraph(lines: readonly Line[], from: number, to: number): Paragraph | null {
  let tildes = 0;
  for (let index = from; index < to; index++) if (lines[index]!.text.includes('~') && ++tildes > 1) return null;
  const children: PhrasingContent[] = [];
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (!LINE_START.test(line.text)) return null;
    const nodes = inline(line, 0, line.text);
    if (nodes === null) return null;
    if (index === from) for (const node of nodes) children.push(node);
    else appendLine(children, lines[index - 1]!, line, nodes);
  }
  return { type: 'paragraph', children, position: { start: point(lines[from]!, 0), end: lineEnd(lines[to - 1]!) } };
}

const HEADING = /^(#{1,6}) (?! )(.*)$/;

/** An ATX heading line, or null when outside the subset (a closing `#` sequence, an empty title). */
export function heading(line: Line): Heading | null {
  const match = HEADING.exec(line.text);
  const body = match?.[2];
  if (match === null || body === undefined || body === '' || body.endsWith('#')) return null;
  const children = inline(line, match[1]!.length + 1, body);
  if (children === null) return null;
  return { type: 'heading', depth: match[1]!.length as Heading['depth'], children, position: { start: point(line, 0), end: lineEnd(line) } };
}
