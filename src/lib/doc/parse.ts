/**
 * parseTrackingDoc: bytes of a tracking doc in, a schema-valid TrackingDoc out. Pure and total: any
 * input, however broken, yields a model plus diagnostics (issue 3).
 */
import { inPlaceParser } from '../schema-check.js';
import { issueMessage } from '../schema-issues.js';
import { checkConsistency } from './consistency.js';
import { newContext, type ParseContext } from './context.js';
import { decodeDoc } from './decode.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { buildSections, FRESH_CHUNKS, type Section, MAX_LIST_LEVELS, memoizedChunkParser, parseMarkdown, type ChunkParser } from './markdown.js';
import { resolveMilestoneTasks } from './milestones.js';
import { TrackingDoc, type DocEncoding } from './model.js';
import { assignItemIds, reportNumberGaps } from './numbering.js';
import { buildOutline } from './outline.js';
import { readGeneric } from './readers/claim.js';
import type { ReadingOptions } from './readers/options.js';
import { walkDoc } from './walk.js';

function toModel(ctx: ParseContext, path: string, encoding: DocEncoding): TrackingDoc {
  return {
    path,
    encoding,
    header: ctx.header,
    summary: ctx.summary,
    categories: ctx.categories,
    items: ctx.items,
    groups: ctx.groups,
    milestones: ctx.milestones,
    commands: ctx.commands,
    unread: ctx.unread,
    text: ctx.text,
    diagnostics: ctx.sink.diagnostics,
  };
}

function readDoc(text: string, ctx: ParseContext, chunks: ChunkParser, reading: ReadingOptions): void {
  const { root, flattenedLine } = parseMarkdown(text, chunks);
  if (flattenedLine !== null) {
    ctx.sink.warning('doc/deep-nesting', `list nesting deeper than ${MAX_LIST_LEVELS} levels was flattened at line ${flattenedLine}; items deeper than that are read as siblings at that level, and a line's markers past the ${MAX_LIST_LEVELS}th as text.`, flattenedLine);
  }
  const sections = buildSections(root);
  readSeedOrGeneric(sections, ctx, reading);
  assignItemIds(ctx);
  reportNumberGaps(ctx);
  resolveMilestoneTasks(ctx);
  checkConsistency(ctx);
  if (ctx.header.title === null && text.trim() === '') ctx.sink.warning('doc/empty', 'The doc is empty.', null);
  else if (ctx.items.length === 0) ctx.sink.warning('doc/no-items', `The doc tracks nothing: ${NO_ITEMS_HINT}`, null);
}

/** What the "no items" messages say the doc stage reads (the CLI error repeats it). */
export const NO_ITEMS_HINT =
  'no "File N:" entries, checkbox lines (- [ ] / - [x]), lines led by a status mark (✅ 🔄 ⏳ ❌), headings with a Status field or mark, table rows with a Status column, or lines under a status heading ("## Completed", "## Next Steps") were found; run `migratrack explain` to see how the doc was read.';

/** Adds the generic readers' items from the unclaimed parts of a seed-family doc, ids kept unique. */
function mergeGeneric(ctx: ParseContext, extra: ParseContext, claimed: (line: number) => boolean): void {
  if (extra.items.length === 0) {
    ctx.unread.push(...extra.unread.filter((entry) => !claimed(entry.line)));
    return;
  }
  const categoryIds = new Set(ctx.categories.map((category) => category.id));
  const renamed = new Map<string, string>();
  for (const category of extra.categories) {
    let id = category.id;
    for (let count = 2; categoryIds.has(id); count++) id = `${category.id}-${count}`;
    categoryIds.add(id);
    renamed.set(category.id, id);
    ctx.categories.push({ ...category, id });
  }
  const itemIds = new Set(ctx.items.map((item) => item.id));
  for (const item of extra.items) {
    let id = item.id;
    for (let count = 2; itemIds.has(id); count++) id = `${item.id}-${count}`;
    itemIds.add(id);
    ctx.items.push({ ...item, id, categoryId: renamed.get(item.categoryId) ?? item.categoryId });
  }
  ctx.summary.push(...extra.summary.map((row) => ({ ...row, categoryId: row.categoryId === null ? null : (renamed.get(row.categoryId) ?? row.categoryId) })));
  ctx.unread.push(...extra.unread.filter((entry) => !claimed(entry.line)));
  ctx.sink.diagnostics.push(...extra.sink.diagnostics);
}

/** A test for "is this line inside one of these ranges", in constant time per line. */
function claimedLines(ranges: ReadonlyArray<{ startLine: number; endLine: number }>): (line: number) => boolean {
  const last = ranges.reduce((max, range) => Math.max(max, range.endLine), 0);
  // +1 per range start, -1 after its end: a line is claimed where the running sum is positive.
  const edges = new Int32Array(last + 2);
  for (const range of ranges) {
    if (range.endLine < range.startLine) continue;
    edges[Math.max(0, range.startLine)]! += 1;
    edges[range.endLine + 1]! -= 1;
  }
  const claimed = new Uint8Array(last + 2);
  for (let line = 0, open = 0; line <= last; line++) claimed[line] = (open += edges[line]!) > 0 ? 1 : 0;
  return (line) => line >= 0 && line <= last && claimed[line] === 1;
}

/**
 * The seed family ("Task N" / "File N" / **Path:**) reads first, exactly as it always has; a doc it
 * finds no items in is read by the generic readers (doc/readers/claim.ts) instead, with only the
 * seed reading's header, commands and milestones kept; in a doc where it does find items, the generic readers
 * read only what it did not claim (its categories, milestones and summary table are its own).
 */
function readSeedOrGeneric(sections: Section, ctx: ParseContext, reading: ReadingOptions): void {
  const seedSink = new DiagnosticSink(ctx.sink.file);
  const seed = newContext(ctx.text, seedSink);
  walkDoc(sections, seed);
  if (seed.items.length > 0) {
    Object.assign(ctx, { ...seed, sink: ctx.sink });
    ctx.sink.diagnostics.push(...seedSink.diagnostics);
    // Any mix in one doc: the parts the seed family did not claim are offered to the generic readers.
    // A summary row's table starts two lines above it (header and delimiter rows).
    const claimed = [...seed.categories.map((c) => c.source), ...seed.milestones.map((m) => m.source), ...seed.summary.map((r) => ({ startLine: r.source.startLine - 2, endLine: r.source.endLine }))];
    const extra = newContext(ctx.text, new DiagnosticSink(ctx.sink.file));
    extra.header = ctx.header;
    const isClaimed = claimedLines(claimed);
    readGeneric(buildOutline(sections, ctx.text), extra, reading, isClaimed, true);
    mergeGeneric(ctx, extra, isClaimed);
    return;
  }
  ctx.header = seed.header;
  ctx.commands = seed.commands;
  ctx.progressLine = seed.progressLine;
  // Dated milestone sections ("### Week 1 (2026-12-03 - 2026-12-09)" under "## Milestones") read the
  // same in any doc; `init --pattern` writes them into a checklist doc (issue 19).
  ctx.milestones = seed.milestones;
  ctx.pendingTaskRefs = seed.pendingTaskRefs;
  readGeneric(buildOutline(sections, ctx.text), ctx, reading);
}

/**
 * Parses a migration tracking doc.
 *
 * @param input the doc's bytes (preferred: encoding problems are detected and repaired) or text.
 * @param path the doc's path as it should appear in diagnostics (repo-relative when possible).
 * @returns the model; problems are in `diagnostics`, never thrown.
 * @example
 * const doc = parseTrackingDoc(await readFile('JITTER-ADOPTION-TRACKING.md'), 'docs/JITTER-ADOPTION-TRACKING.md');
 * doc.items.filter((item) => item.status.status === 'done').length; // files done, per the doc
 */
export function parseTrackingDoc(input: Buffer | string, path: string, reading: ReadingOptions = {}): TrackingDoc {
  return parseWith(input, path, FRESH_CHUNKS, reading);
}

/**
 * A parseTrackingDoc for many versions of one doc (the history backfill): markdown chunks seen in
 * an earlier version are not parsed again. Same result as parseTrackingDoc, version by version.
 */
export function createTrackingDocParser(reading: ReadingOptions = {}): (input: Buffer | string, path: string) => TrackingDoc {
  const chunks = memoizedChunkParser();
  return (input, path) => parseWith(input, path, chunks, reading);
}

/** Docs validated without zod's compiled validators at the start of a process (see parseWith). */
const JITLESS_VALIDATIONS = 2;
let validations = 0;
/**
 * The model is checked against its schema where it stands: zod's parse would only return a copy of
 * it (see schema-check.ts). A model the check refuses is parsed by zod, which says what is wrong.
 */
const parsedInPlace = inPlaceParser(TrackingDoc);

function parseWith(input: Buffer | string, path: string, chunks: ChunkParser, reading: ReadingOptions): TrackingDoc {
  const sink = new DiagnosticSink(path);
  const decoded = decodeDoc(input, sink);
  const ctx = newContext(decoded.text ?? '', sink);
  if (decoded.text !== null) {
    try {
      readDoc(decoded.text, ctx, chunks, reading);
    } catch (error) {
      // A parser bug must not take the whole build down: report it and return what was read.
      sink.error('doc/internal-error', `The parser failed on this doc (${error instanceof Error ? error.message : String(error)}); the model may be incomplete. Please report this.`, null);
    }
  }
  // Diagnostics in doc order (doc-wide ones first), as an editor's problem list shows them.
  sink.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const model = toModel(ctx, path, decoded.encoding);
  if (parsedInPlace?.(model) === true) return model;
  // zod compiles a fast validator for each object schema on first use, which costs a fresh process
  // more than validating its first docs without it (issue 21's cold parse); later parses use it.
  const checked = TrackingDoc.safeParse(model, { error: issueMessage, jitless: validations++ < JITLESS_VALIDATIONS });
  if (checked.success) return checked.data;
  // Should never happen; if it does, keep the output valid and say why.
  const fallback = toModel(newContext('', new DiagnosticSink(path)), path, decoded.encoding);
  fallback.diagnostics.push(...sink.diagnostics, {
    severity: 'error',
    code: 'doc/internal-error',
    message: `The parsed model failed validation (${checked.error.issues[0]?.path.join('.') ?? ''}: ${checked.error.issues[0]?.message ?? ''}); it was discarded. Please report this.`,
    file: path,
    line: null,
    column: null,
  });
  return fallback;
}
