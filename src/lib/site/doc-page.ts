/**
 * `/doc/`: the tracking doc rendered as GFM, with a live status badge after every item heading.
 * micromark compiles the markdown straight to HTML, with no mdast or hast trees in between: on the
 * 5,000-item bench doc that takes ~1.1 s of CPU and ~760 MB of allocations in a fresh process,
 * where remark-parse → remark-rehype → hast-util-to-html took ~1.9 s and ~1 GB (and ~0.5 s
 * against ~1.2 s once warm). The string is safe for set:html (tests/site/doc-page.test.ts) by
 * micromark's defaults: raw HTML in the doc is encoded and shows as the text people wrote
 * (`allowDangerousHtml: false`), a link or image URL with a protocol other than http(s), mailto,
 * irc(s) or xmpp becomes `href=""`/`src=""` (`allowDangerousProtocol: false`), and every text and
 * attribute is encoded; the heading extension below encodes what it adds too.
 */
import { randomBytes } from 'node:crypto';
import { micromark, type Options } from 'micromark';
import { countNewlines, hasDefinitions, headingCuts } from '../doc/chunked-parse.js';
import { clampIndentation } from '../doc/indent-guard.js';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Snapshot, SnapshotItem } from '../snapshot/schema.js';
import type { SiteData } from './load.js';
import { itemTitle } from './standup.js';
import { detectedView } from './status.js';
import { joinBase, normaliseBase, type SiteContext } from './urls.js';

export interface DocPage {
  title: string;
  path: string;
  /** Safe HTML (micromark with raw HTML and dangerous protocols off), or null when the snapshot has no text. */
  html: string | null;
}

/** micromark exports only `Options`; its extension types come from there. */
type HtmlExtension = NonNullable<Options['htmlExtensions']>[number];
type CompileContext = ThisParameterType<NonNullable<NonNullable<HtmlExtension['exit']>['atxHeading']>>;

/** What the badge after an item heading shows: class, link to the item's file page, text. */
function badge(ctx: SiteContext, item: SnapshotItem): { className: string; href: string; text: string } {
  const view = detectedView(item.detectedStatus);
  return { className: `doc-badge ${view.className}`, href: `${joinBase(ctx.base, item.url)}#${item.id}`, text: `${itemTitle(item)} in code: ${view.label}` };
}

/**
 * Gives every heading an id (`doc-L<line>`, the line in the whole doc) and puts the badges of the
 * items declared on that line before its closing tag. The handlers replace micromark's own for
 * headings (`onexitatxheadingsequence`, `onexitatxheading`, `onexitsetextheading` in
 * micromark/lib/compile.js) and do the same plus the id and badges. Headings in fenced code are
 * not heading tokens, so they get neither.
 */
function headingsWithBadges(lineOffset: number, byLine: ReadonlyMap<number, SnapshotItem[]>, ctx: SiteContext): HtmlExtension {
  function open(this: CompileContext, rank: number, line: number): void {
    this.lineEndingIfNeeded();
    this.tag(`<h${rank} id="doc-L${line}">`);
  }
  function close(this: CompileContext, rank: number, line: number): void {
    for (const item of byLine.get(line) ?? []) {
      const { className, href, text } = badge(ctx, item);
      this.raw(' ');
      this.tag(`<a class="${this.encode(className)}" href="${this.encode(href)}">`);
      this.raw(this.encode(text));
      this.tag('</a>');
    }
    this.tag(`</h${rank}>`);
  }
  return {
    exit: {
      atxHeadingSequence(token) {
        if (this.getData('headingRank')) return; // the optional closing `##`
        const rank = this.sliceSerialize(token).length;
        this.setData('headingRank', rank);
        open.call(this, rank, token.start.line + lineOffset);
      },
      atxHeading(token) {
        close.call(this, this.getData('headingRank') ?? 1, token.start.line + lineOffset);
        this.setData('headingRank');
      },
      // A setext heading's rank is known only at its underline, so micromark buffers its text.
      setextHeading(token) {
        const text = this.resume();
        const rank = this.getData('headingRank') ?? 1;
        const line = token.start.line + lineOffset;
        open.call(this, rank, line);
        this.raw(text);
        close.call(this, rank, line);
        this.setData('slurpAllLineEndings');
        this.setData('headingRank');
      },
    },
  };
}

/**
 * Splits the doc before each heading a chunk may start at (the doc stage's rule, `headingCuts`:
 * column-0 ATX headings outside fenced code and HTML blocks), so each section is parsed on its
 * own: micromark's edit map is quadratic on very long documents (a 5,000-item doc took 50 s). A
 * doc with a link reference or footnote definition stays whole, as in the doc stage: a definition
 * applies to the whole doc, and a reference in another section would not find it.
 */
export function splitSections(markdown: string): { startLine: number; text: string }[] {
  if (hasDefinitions(markdown)) return [{ startLine: 1, text: markdown }];
  const sections: { startLine: number; text: string }[] = [];
  let startLine = 1;
  let from = 0;
  for (const cut of [...headingCuts(markdown), markdown.length + 1]) {
    if (cut === 0) continue;
    // Each section without the newline before the next heading, as the lines were joined.
    const text = markdown.slice(from, cut - 1);
    sections.push({ startLine, text });
    startLine += countNewlines(text) + 1;
    from = cut;
  }
  return sections;
}

/** Lines per parse: big enough to amortise the parser's set-up, small enough to stay linear. */
const LINES_PER_PARSE = 50;

/**
 * Joins consecutive sections into chunks of at most LINES_PER_PARSE lines (a longer section stays
 * alone). Parsing a 5,000-item doc heading by heading spent a third of its time setting up the
 * parser for each two-line section. With micromark alone, 20- to 50-line chunks cost the same,
 * while 80 lines was sometimes and 100+ lines always 2-3× slower: a chunk's tokens then outlive
 * the young generation and most of the time goes to garbage collection.
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

const SYNTAX = [gfm()];
const GFM_HTML = gfmHtml();

/**
 * Renders markdown to safe HTML with heading ids and badges; exported for the escaping tests,
 * which also render a doc in one piece (`chunks`) to check that cutting it changes nothing.
 */
export function renderDoc(markdown: string, snapshot: Snapshot, ctx: SiteContext, chunks = groupSections(splitSections(markdown))): string {
  const byLine = new Map<number, SnapshotItem[]>();
  for (const item of snapshot.items) {
    if (item.docLine === null) continue;
    const list = byLine.get(item.docLine) ?? [];
    list.push(item);
    byLine.set(item.docLine, list);
  }
  const parts: string[] = [];
  // One line ending between blocks, as micromark puts them in a doc parsed whole. Tested on each
  // part: `endsWith` on the growing result would copy all of it every time.
  let atLineStart = true;
  for (const { startLine, text } of chunks) {
    const part = micromark(text, { extensions: SYNTAX, htmlExtensions: [GFM_HTML, headingsWithBadges(startLine - 1, byLine, ctx)] });
    if (part === '') continue;
    if (!atLineStart) parts.push('\n');
    parts.push(part);
    atLineStart = part.endsWith('\n');
  }
  return parts.join('');
}

/**
 * Stands for the base path in the last doc rendered (see renderDocAt): random, so no doc can
 * contain it, and made of characters micromark's encoding leaves as they are.
 */
const BASE_TOKEN = `/\uE000doc-base-${randomBytes(8).toString('hex')}\uE000/`;

/** The last doc rendered, with every badge's base path left as BASE_TOKEN. */
let lastDoc: { markdown: string; badges: string; html: string } | null = null;

/** Everything renderDoc reads from the snapshot and the context: each badge, by its doc line. */
function badgeKey(snapshot: Snapshot, ctx: SiteContext): string {
  const parts: string[] = [];
  for (const item of snapshot.items) {
    if (item.docLine === null) continue;
    const { className, href, text } = badge(ctx, item);
    parts.push(`${item.docLine}\t${className}\t${href}\t${text}`);
  }
  return parts.join('\n');
}

/** micromark's encoding of an attribute or text (micromark-util-encode), for the base put back. */
function encodeHtml(text: string): string {
  return text.replace(/["&<>]/g, (c) => ({ '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/**
 * renderDoc, once for the same doc with the same badges at any base: a merged build (issue 24)
 * renders the `/doc/` of hundreds of repositories, many tracked by one shared doc, and micromark
 * is most of a doc page's time (≈ 0.15 ms per line). The base is the only thing that differs
 * between their pages, and it appears only in the badges' links: the doc is rendered with
 * BASE_TOKEN as the base and the token replaced by the real one.
 */
function renderDocAt(markdown: string, snapshot: Snapshot, ctx: SiteContext): string {
  const tokenCtx: SiteContext = { ...ctx, base: BASE_TOKEN };
  const badges = badgeKey(snapshot, tokenCtx);
  if (lastDoc?.markdown !== markdown || lastDoc.badges !== badges) lastDoc = { markdown, badges, html: renderDoc(markdown, snapshot, tokenCtx) };
  return lastDoc.html.replaceAll(BASE_TOKEN, encodeHtml(normaliseBase(ctx.base)));
}

/** Builds the doc page. */
export function buildDocPage(data: SiteData, ctx: SiteContext): DocPage {
  const { snapshot } = data;
  const text = snapshot.doc.text ?? null;
  return {
    title: snapshot.doc.title ?? snapshot.doc.path,
    path: snapshot.doc.path,
    // The doc stage's nesting guard (same lines, so the line ids hold): micromark is quadratic in depth too.
    html: text === null ? null : renderDocAt(clampIndentation(text).text, snapshot, ctx),
  };
}
