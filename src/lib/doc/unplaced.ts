/**
 * Blocks no reader claims. They are reported, never silently dropped: prose is an info (docs
 * legitimately explain things), lists and tables are warnings (they usually hold data we missed).
 */
import type { Nodes } from 'mdast';
import type { ParseContext } from './context.js';
import { columnOf, lineOf, rangeOf } from './markdown.js';

const NODE_WORDS: Record<string, string> = {
  paragraph: 'a paragraph',
  html: 'an HTML block',
  table: 'a table',
  code: 'a code block',
  blockquote: 'a quote',
  list: 'a list',
  definition: 'a link definition',
  footnoteDefinition: 'a footnote',
};

/** "a paragraph", "an HTML block": how a diagnostic names a block. */
export function describeNode(node: Nodes): string {
  return NODE_WORDS[node.type] ?? `a ${node.type} block`;
}

/** Reports one block no reader claimed, naming what it is and its lines. */
export function reportUnplaced(node: Nodes, what: string, ctx: ParseContext): void {
  const range = rangeOf(node);
  const lines = range.endLine > range.startLine ? `lines ${range.startLine}-${range.endLine}` : `line ${range.startLine}`;
  const severity = node.type === 'paragraph' || node.type === 'html' || node.type === 'blockquote' ? 'info' : 'warning';
  ctx.sink.add(severity, 'doc/unplaced', `The parser could not place ${what} (${lines}); it is not part of the tracked model.`, lineOf(node), columnOf(node));
}
