/**
 * textOf must give what mdast-util-to-string's toString gives, on every node of every fixture's
 * tree as remark builds it (links, images, html, emphasis and tables included), and on the edges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { decodeDoc } from '../../src/lib/doc/decode.js';
import { DiagnosticSink } from '../../src/lib/doc/diagnostic-sink.js';
import { parseMarkdownWhole } from '../../src/lib/doc/markdown.js';
import { textOf } from '../../src/lib/doc/node-text.js';
import { CLEAN_SEED, FIXTURES, fixtureBytes } from './helpers.js';

const STYLES = path.join(import.meta.dirname, 'styles');
const docs: [string, string][] = [
  ['examples/JITTER-ADOPTION-TRACKING.md', decodeDoc(readFileSync(CLEAN_SEED), new DiagnosticSink('doc.md')).text ?? ''],
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name): [string, string] => [name, decodeDoc(fixtureBytes(name), new DiagnosticSink(name)).text ?? '']),
  ...readdirSync(STYLES).filter((name) => name.endsWith('.md')).map((name): [string, string] => [`styles/${name}`, readFileSync(path.join(STYLES, name), 'utf8')]),
  ['inline shapes', '# A *b* `c` [d](e) ![f](g) <span>h</span>\n\n| x | **y** |\n|---|---|\n| ![](i) | ~~j~~ |\n\n<div>\nk\n</div>\n'],
];

function nodesOf(node: Nodes): Nodes[] {
  const all: Nodes[] = [node];
  if ('children' in node) for (const child of node.children as Nodes[]) all.push(...nodesOf(child));
  return all;
}

describe('textOf: the text mdast-util-to-string gives', () => {
  it.each(docs)('%s', (_name, text) => {
    const nodes = nodesOf(parseMarkdownWhole(text));
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.map(textOf)).toEqual(nodes.map((node) => toString(node)));
  });

  it('reads arrays and non-nodes as toString does', () => {
    const values: unknown[] = [null, undefined, 3, 'text', [], [{ type: 'text', value: 'a' }, { type: 'text', value: 'b' }], { type: 'image', alt: '' }, { type: 'image', alt: 'x' }];
    expect(values.map(textOf)).toEqual(values.map((value) => toString(value as Nodes)));
  });
});
