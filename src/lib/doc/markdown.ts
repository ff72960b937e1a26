/**
 * The mdast layer: parse with remark (GFM for tables and task lists), then cut the flat block list
 * into a tree of heading sections so each part of the doc is read in its context.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { textOf } from './node-text.js';
import { createRequire } from 'node:module';
import type remarkGfmModule from 'remark-gfm';
import type remarkParseModule from 'remark-parse';
import type { unified as unifiedFunction } from 'unified';
import type { SourceRange } from '../diagnostics.js';
import { parseInChunks } from './chunked-parse.js';
import { clampIndentation, MAX_INDENT, unclampPositions } from './indent-guard.js';
import { parseWithFastPath } from './line-blocks.js';

type RemarkProcessor = { parse: (text: string) => Root };
let processor: RemarkProcessor | undefined;

/**
 * unified + remark-parse + remark-gfm, loaded and frozen on first use: the line-level fast path
 * reads most docs whole (the seed doc entirely), and a fresh process should not pay for loading
 * micromark's ~150 modules it does not call (issue 21's cold-parse goal). Node ≥ 20.19 requires
 * these ES modules synchronously.
 */
function remarkProcessor(): RemarkProcessor {
  if (processor === undefined) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as { unified: typeof unifiedFunction };
    const remarkParse = (require('remark-parse') as { default: typeof remarkParseModule }).default;
    const remarkGfm = (require('remark-gfm') as { default: typeof remarkGfmModule }).default;
    processor = unified().use(remarkParse).use(remarkGfm).freeze();
  }
  return processor;
}

/** Parses markdown into mdast with positions, in one remark call (super-linear on large docs). */
export function parseMarkdownWhole(text: string): Root {
  return remarkProcessor().parse(text);
}

/** How a doc's chunks are parsed: the remark call for one chunk, and the shortest chunk worth a call. */
export interface ChunkParser {
  parse: (text: string) => Root;
  /** Passed to parseInChunks; undefined for its default. */
  minChunk: number | undefined;
}

/** Every chunk parsed afresh, at the chunk size that is fastest for one parse. */
export const FRESH_CHUNKS: ChunkParser = { parse: parseMarkdownWhole, minChunk: undefined };

/**
 * Remembers the mdast of every chunk it parsed. Successive versions of a doc (the backfill parses
 * each one) differ in a section or two, so all other chunks are cloned from memory instead of
 * parsed again. Small chunks: less to re-parse per edit (200 characters was the fastest over the
 * 85 versions of the history benchmark's doc: 0.47 s, against 1.1 s at the default size). At most
 * `limit` chunks are kept, the oldest dropped first.
 */
export function memoizedChunkParser(limit = 4096): ChunkParser {
  const memo = new Map<string, Root>();
  const parse = (text: string): Root => {
    const known = memo.get(text);
    // A clone: the caller shifts positions in place.
    if (known !== undefined) return clonePlain(known);
    const root = parseMarkdownWhole(text);
    if (memo.size >= limit) memo.delete(memo.keys().next().value as string);
    memo.set(text, clonePlain(root));
    return root;
  };
  return { parse, minChunk: 200 };
}

/** Deep copy of plain data (mdast is objects, arrays and primitives); 4× faster than structuredClone here. */
function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = clonePlain((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** The mdast of a doc, and the first line whose indentation was clamped (null: none). */
export interface ParsedMarkdown {
  root: Root;
  flattenedLine: number | null;
}

/**
 * Parses markdown into mdast with positions on `text` (same tree as one remark call): the plain
 * parts by the line-level fast path (line-blocks.ts), the rest chunk by chunk (chunked-parse.ts,
 * about linear time), with indentation deeper than MAX_INDENT columns clamped first.
 */
export function parseMarkdown(text: string, chunks: ChunkParser = FRESH_CHUNKS): ParsedMarkdown {
  const clamped = clampIndentation(text);
  const remark = (slice: string): Root => parseInChunks(slice, chunks.parse, chunks.minChunk);
  // Plain headings, lines, lists and tables are built by the line-level fast path; the rest by remark.
  const root = parseWithFastPath(clamped.text, remark) ?? remark(clamped.text);
  unclampPositions(root, clamped);
  return { root, flattenedLine: clamped.firstLine };
}

/** Lists nested deeper than this many 2-space levels are flattened by the parse. */
export const MAX_LIST_LEVELS = MAX_INDENT / 2;

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading | null;
  depth: number;
  /** The heading's plain text ('' for the doc preamble). */
  title: string;
  /** Non-heading blocks directly under the heading, before its first sub-heading. */
  blocks: RootContent[];
  subsections: Section[];
  source: SourceRange;
}

/** Builds the section tree; the root section (depth 0) holds the preamble. */
export function buildSections(root: Root): Section {
  const top: Section = { heading: null, depth: 0, title: '', blocks: [], subsections: [], source: rangeOf(root) };
  const stack: Section[] = [top];
  for (const node of root.children) {
    if (node.type === 'heading') {
      while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= node.depth) stack.pop();
      const section: Section = {
        heading: node,
        depth: node.depth,
        title: textOf(node).trim(),
        blocks: [],
        subsections: [],
        source: rangeOf(node),
      };
      stack[stack.length - 1]?.subsections.push(section);
      stack.push(section);
    } else {
      stack[stack.length - 1]?.blocks.push(node);
    }
    // Every open section extends to the last line seen so far (its range object is still private here).
    const endLine = node.position?.end.line ?? 0;
    for (const open of stack) if (open.source.endLine < endLine) open.source.endLine = endLine;
  }
  return top;
}

/** 1-based line range of a node (0/0 when the node has no position). */
export function rangeOf(node: Nodes): SourceRange {
  return { startLine: node.position?.start.line ?? 0, endLine: node.position?.end.line ?? 0 };
}

/** 1-based start line of a node, or null. */
export function lineOf(node: Nodes): number | null {
  return node.position?.start.line ?? null;
}

/** 1-based start column of a node, or null. */
export function columnOf(node: Nodes): number | null {
  return node.position?.start.column ?? null;
}

/** The markdown source a node was parsed from. */
export function sourceOf(node: Nodes, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return textOf(node);
  return text.slice(start, end);
}

/** Plain text of a node (markup stripped, code span contents kept). */
export function plainOf(node: Nodes): string {
  return textOf(node).trim();
}
