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
function decorate(tree: Root, byLine: ReadonlyMap<number, SnapshotItem[]>, ctx: SiteContext, lineOffset: number): void {
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (/^h[1-6]$/.test(child.tagName)) {
        const start = child.position?.start.line;
        const line = start === undefined ? undefined : start + lineOffset;
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

/**
 * Splits the doc before each ATX heading outside fenced code, so each section is parsed on its
 * own: micromark's edit map is quadratic on very long documents (a 5,000-item doc took 50 s).
 * Tracking docs keep tables and lists inside a section, so nothing spans a split.
 */
export function splitSections(markdown: string): { startLine: number; text: string }[] {
  const lines = markdown.split('\n');
  const sections: { startLine: number; text: string }[] = [];
  let fence: string | null = null;
  let start = 0;
  lines.forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1]![0]! : fence === f[1]![0] ? null : fence;
    if (fence === null && i > start && /^#{1,6}(\s|$)/.test(line)) {
      sections.push({ startLine: start + 1, text: lines.slice(start, i).join('\n') });
      start = i;
    }
  });
  sections.push({ startLine: start + 1, text: lines.slice(start).join('\n') });
  return sections;
}

/** Lines per parse: big enough to amortise the parser's set-up, small enough to stay linear. */
const LINES_PER_PARSE = 50;

/**
 * Joins consecutive sections into chunks of at most LINES_PER_PARSE lines (a longer section stays
 * alone). Parsing a 5,000-item doc heading by heading spent a third of its time setting up the
 * parser for each two-line section; 50-line chunks cut the doc page from ~2.8 s to ~2.0 s of CPU
 * (docs/BENCHMARKS.md), while chunks of 400 lines were slower again (micromark's edit map).
 */
export function groupSections(sections: readonly { startLine: number; text: string }[], maxLines = LINES_PER_PARSE): { startLine: number; text: string }[] {
  const chunks: { startLine: number; text: string; lines: number }[] = [];
  for (const section of sections) {
    const lines = section.text.split('\n').length;
    const last = chunks[chunks.length - 1];
    if (last && last.lines + lines <= maxLines) {
      last.text += `\n${section.text}`;
      last.lines += lines;
    } else chunks.push({ ...section, lines });
  }
  return chunks.map(({ startLine, text }) => ({ startLine, text }));
}

/** Renders markdown to safe HTML with badges; exported for the escaping tests. */
export function renderDoc(markdown: string, snapshot: Snapshot, ctx: SiteContext): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
  const byLine = new Map<number, SnapshotItem[]>();
  for (const item of snapshot.items) {
    if (item.docLine === null) continue;
    const list = byLine.get(item.docLine) ?? [];
    list.push(item);
    byLine.set(item.docLine, list);
  }
  return groupSections(splitSections(markdown))
    .map(({ startLine, text }) => {
      const md = processor.parse(text);
      htmlAsText(md);
      const tree = processor.runSync(md) as Root;
      safeUrls(tree);
      decorate(tree, byLine, ctx, startLine - 1);
      return toHtml(tree);
    })
    .join('\n');
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
