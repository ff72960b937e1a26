/**
 * `/doc/`: the tracking doc rendered with remark-gfm, with a live status badge after every item
 * heading. Raw HTML in the doc is shown as text (turned into text nodes before remark-rehype),
 * links keep only safe protocols, and hast-util-to-html escapes every text node: the string is
 * safe for set:html (tests/site/doc-page.test.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdRoot, RootContent as MdContent } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Snapshot, SnapshotItem } from '../snapshot/schema.js';
import type { SiteData } from './load.js';
import { itemTitle } from './standup.js';
import { detectedView } from './status.js';
import { joinBase, type SiteContext } from './urls.js';

export interface DocPage {
  title: string;
  path: string;
  /** Safe HTML (built from a hast tree with no raw nodes), or null when the snapshot has no text. */
  html: string | null;
}

function badge(ctx: SiteContext, item: SnapshotItem): Element {
  const view = detectedView(item.detectedStatus);
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['doc-badge', view.className], href: `${joinBase(ctx.base, item.url)}#${item.id}` },
    children: [{ type: 'text', value: `${itemTitle(item)} in code: ${view.label}` }],
  };
}

/** Adds an id to every heading (`doc-L<line>`) and the item badges after headings on item lines. */
function decorate(tree: Root, snapshot: Snapshot, ctx: SiteContext): void {
  const byLine = new Map<number, SnapshotItem[]>();
  for (const item of snapshot.items) {
    if (item.docLine === null) continue;
    byLine.set(item.docLine, [...(byLine.get(item.docLine) ?? []), item]);
  }
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (/^h[1-6]$/.test(child.tagName)) {
        const line = child.position?.start.line;
        if (line !== undefined) {
          child.properties = { ...child.properties, id: `doc-L${line}` };
          const items = byLine.get(line) ?? [];
          const badges: ElementContent[] = items.flatMap((item) => [{ type: 'text', value: ' ' }, badge(ctx, item)]);
          child.children.push(...badges);
        }
      } else visit(child);
    }
  };
  visit(tree);
}

/** Raw HTML in the doc (`<div>`, `<script>`) becomes literal text: people wrote it, they see it. */
function htmlAsText(node: MdRoot | MdContent): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => (child.type === 'html' ? { type: 'text', value: child.value, position: child.position } : child)) as typeof node.children;
  for (const child of node.children) htmlAsText(child);
}

const SAFE_URL = /^(https?:|mailto:|#|\/|\.|[^:/?#]*(?:[/?#]|$))/i;

/** Drops href/src values with a scheme other than http(s)/mailto (javascript:, data:). */
function safeUrls(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const key of ['href', 'src'] as const) {
      const value = child.properties[key];
      if (typeof value === 'string' && !SAFE_URL.test(value.trim())) delete child.properties[key];
    }
    safeUrls(child);
  }
}

/** Renders markdown to safe HTML with badges; exported for the escaping tests. */
export function renderDoc(markdown: string, snapshot: Snapshot, ctx: SiteContext): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
  const md = processor.parse(markdown);
  htmlAsText(md);
  const tree = processor.runSync(md) as Root;
  safeUrls(tree);
  decorate(tree, snapshot, ctx);
  return toHtml(tree);
}

/** Builds the doc page. */
export function buildDocPage(data: SiteData, ctx: SiteContext): DocPage {
  const { snapshot } = data;
  const text = snapshot.doc.text ?? null;
  return {
    title: snapshot.doc.title ?? snapshot.doc.path,
    path: snapshot.doc.path,
    html: text === null ? null : renderDoc(text, snapshot, ctx),
  };
}
