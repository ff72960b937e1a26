/**
 * The plain text of an mdast node, as mdast-util-to-string's `toString` (default options) gives
 * it, without its array per node: the outline asks it of every line, cell and heading of a doc
 * (issue 17). tests/doc/node-text.test.ts checks it equal to `toString` on every fixture's nodes.
 */

/** A node's `value`, else its image `alt`, else its children's text joined; '' for anything else. */
export function textOf(node: unknown): string {
  if (node !== null && typeof node === 'object') {
    if ('value' in node) return (node as { value: string }).value;
    if ('alt' in node && (node as { alt?: string }).alt) return (node as { alt: string }).alt;
    if ('children' in node) return childrenText((node as { children: unknown[] }).children);
  }
  return Array.isArray(node) ? childrenText(node) : '';
}

function childrenText(children: readonly unknown[]): string {
  if (children.length === 1) return textOf(children[0]) ?? '';
  let text = '';
  for (const child of children) text += textOf(child) ?? '';
  return text;
}
