/**
 * What a reader hands back: an item as read from one place of the doc, before duplicates are
 * resolved and categories assigned (readers/claim.ts does both).
 */
import type { DiagnosticSink } from '../diagnostic-sink.js';
import type { ChecklistEntry, ItemReading, StatusSpan, StatusText } from '../model.js';
import type { Mark, OutlineSection } from '../outline.js';
import { readPath } from '../paths.js';
import type { DocText } from './doc-text.js';
import type { Legend } from './marks.js';

export interface Candidate {
  reader: ItemReading['reader'];
  name: string;
  /** The item's own path; `inheritedPath` is one its heading gives (a file's functions). */
  path: string | null;
  inheritedPath: string | null;
  renameTo: string | null;
  status: StatusText;
  statusFrom: ItemReading['statusFrom'];
  byLegend: boolean;
  statusSpan: StatusSpan | null;
  checklist: ChecklistEntry[];
  notes: string[];
  line: number;
  endLine: number;
  /** The section the item sits in (for a status heading: the section above it). */
  section: OutlineSection;
  /** What makes two entries the same item: its path, or where it sits and its name. */
  key: string;
}

/** What every reader needs: the doc's text, its legend, the sink. */
export interface ReaderContext {
  doc: DocText;
  legend: Legend;
  sink: DiagnosticSink;
  /** Lines that look like items but were not read, and why (for `migratrack explain`). */
  unread: Array<{ line: number; text: string; why: string }>;
  /** The config's extra status words, read before the default vocabulary. */
  words: Array<[RegExp, import('../model.js').DeclaredStatus]>;
  /** The config's sections to skip (lower-cased). */
  ignoreSections: readonly string[];
}

export function spanOf(ctx: ReaderContext, mark: Mark | null): StatusSpan | null {
  return ctx.doc.spanOf(mark);
}

const RENAME = /^(\S+)\s*(?:→|->|=>|⇒)\s*(\S+)$/u;

/**
 * The paths in candidate texts, in order (code spans and cells as the caller orders them), and a
 * rename pair (`a.js → a.ts`, `a -> b`) when one text is one. Paths outside the repository are
 * reported, never kept.
 */
export function pathsOf(
  texts: ReadonlyArray<{ text: string; delimited: boolean }>,
  line: number,
  ctx: ReaderContext,
): { paths: string[]; rename: { from: string; to: string } | null } {
  const paths: string[] = [];
  let rename: { from: string; to: string } | null = null;
  for (const { text, delimited } of texts) {
    const trimmed = text.trim();
    const pair = RENAME.exec(trimmed);
    if (pair) {
      const from = safePath(pair[1] ?? '', delimited, line, ctx);
      const to = safePath(pair[2] ?? '', delimited, line, ctx);
      if (from !== null && to !== null) {
        rename ??= { from, to };
        paths.push(from);
        continue;
      }
    }
    const path = safePath(trimmed, delimited, line, ctx);
    if (path !== null) paths.push(path);
  }
  return { paths, rename };
}

function safePath(text: string, delimited: boolean, line: number, ctx: ReaderContext): string | null {
  const reading = readPath(text, { delimited });
  if (reading.kind === 'path') return reading.path;
  if (reading.kind === 'unsafe' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())) {
    ctx.sink.warning('doc/outside-path', `The path "${text.trim()}" was not read: ${reading.reason}.`, line);
  }
  return null;
}

/** The name of an item from a line's text: markup-free, path-only lines keep the path. */
export function nameOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200) || '(unnamed)';
}

/** The key of an item for duplicate detection. */
export function keyOf(path: string | null, chain: readonly string[], name: string): string {
  return path !== null ? `path:${path}` : `name:${[...chain, name].join(' / ').toLowerCase()}`;
}
