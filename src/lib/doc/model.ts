/**
 * The typed model of a migration tracking doc: what the parser produces and every later stage reads.
 * One zod schema validates and types it (see ../../../docs/ARCHITECTURE.md).
 */
import * as z from 'zod/v4';
import { Diagnostic, SourceRange } from '../diagnostics.js';

/**
 * Numbers read from the doc's words as written, however absurd: a 400-digit table cell is Infinity,
 * a "(99999999999999999999 files)" heading 1e20. zod 3's `z.number()` and `.int()` accepted both;
 * zod 4's refuse ±Infinity and integers beyond 2^53, and a refused model is discarded whole
 * (see parse.ts), so these fields keep zod 3's rules.
 */
const DocNumber = z.union([z.number(), z.literal([Infinity, -Infinity])]);
const DocCount = z.number().refine(Number.isInteger, 'expected an integer');

/**
 * A status as a person wrote it, normalised. `unknown` keeps the raw words for a diagnostic.
 * `skipped` (n/a, won't do, keep as-is, out of scope) is left out of every denominator.
 */
export const DeclaredStatus = z.enum(['done', 'in-progress', 'not-started', 'blocked', 'skipped', 'unknown']);
export type DeclaredStatus = z.infer<typeof DeclaredStatus>;

export const StatusText = z.object({
  status: DeclaredStatus,
  /** The text after `Status:` as written (after mojibake repair). */
  raw: z.string(),
  /** "(each)": the status applies to every slot of a group. */
  each: z.boolean(),
});
export type StatusText = z.infer<typeof StatusText>;

/** A `- **Key:** value` bullet (or `**Key:** value` paragraph) kept verbatim. */
export const Field = z.object({
  key: z.string(),
  value: z.string(),
  /** Inline code spans in the value, in order. */
  codeSpans: z.array(z.string()),
  /** Nested bullet lines under the field (e.g. "Lines to Modify:" sub-items). */
  children: z.array(z.string()),
  source: SourceRange,
});
export type Field = z.infer<typeof Field>;

/** A GFM task-list line under "Changes:" / "Subtasks:". */
export const ChecklistEntry = z.object({
  text: z.string(),
  checked: z.boolean(),
  codeSpans: z.array(z.string()),
  source: SourceRange,
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

/** "62-78 (`_is_serialization_conflict` function)": a line range and what it names. */
export const LineSpan = z.object({
  kind: z.enum(['lines', 'remove', 'modify']),
  start: z.number().int().positive(),
  end: z.number().int().positive(),
  label: z.string(),
  codeSpans: z.array(z.string()),
  source: SourceRange,
});
export type LineSpan = z.infer<typeof LineSpan>;

/**
 * Where an item's status was written: the exact span a `migratrack sync` rewrites. Offsets index
 * `TrackingDoc.text` (UTF-16, LF line ends); line and columns are 1-based, columns counted in
 * UTF-16 units from the start of the line, `endColumn` exclusive.
 */
export const StatusSpan = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text of the span as written ("[x]", "✅", "Not Started", "`pending`"). */
  text: z.string(),
});
export type StatusSpan = z.infer<typeof StatusSpan>;

/** The shapes the doc stage reads items from (the readers, in claim order: see doc/readers/claim.ts). */
export const ItemReader = z.enum(['seed', 'status-heading', 'table-row', 'task-line', 'status-line', 'section-line']);
export type ItemReader = z.infer<typeof ItemReader>;

/** How a generic reader read an item: which reader, where its status came from, and its span. */
export const ItemReading = z.object({
  reader: ItemReader,
  /**
   * What gave the status: a checkbox, a leading mark, a Status field, a table's status or check
   * columns, the heading of the section it sits in, or nothing.
   */
  statusFrom: z.enum(['checkbox', 'mark', 'field', 'heading-mark', 'column', 'check-columns', 'section', 'none']),
  /** True when the doc's legend, not the default vocabulary, gave the mark its meaning. */
  byLegend: z.boolean(),
  statusSpan: StatusSpan.nullable(),
  /** Sub-steps (nested boxes, or a status heading's boxes): how many are ticked of how many. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** `a.js → a.ts`: the path the item becomes; `path` is the source. */
  renameTo: z.string().nullable(),
});
export type ItemReading = z.infer<typeof ItemReading>;

/**
 * One tracked slot. A plain "File N" entry is one item; a group ("Files 30-39") becomes one item per
 * number in its range, each with the path the doc's list gives it or `path: null` when unresolved.
 */
export const TrackedItem = z.object({
  /**
   * Stable id: "file-27", or "file-41" for a group slot. A number the doc uses twice gets
   * "file-27-dup-2" for its second use. Task-level trackers (no file numbers) give "task-1.1" for a
   * task, or "task-1.1-2" for the second path of its "Files Modified" list.
   */
  id: z.string(),
  number: z.number().int().nullable(),
  categoryId: z.string(),
  /** Sub-group heading it sits under ("Raw Processors"), if any. */
  subgroup: z.string().nullable(),
  /** The heading text after "File N:". */
  name: z.string(),
  /** Repo-relative POSIX path, or null for an unresolved group slot. */
  path: z.string().nullable(),
  status: StatusText,
  /** Group this slot belongs to, by `ItemGroup.id`. */
  groupId: z.string().nullable(),
  fields: z.array(Field),
  lineSpans: z.array(LineSpan),
  importsToAdd: z.array(z.string()),
  pattern: z.string().nullable(),
  notes: z.array(z.string()),
  updatedBy: z.string().nullable(),
  /** YYYY-MM-DD when the doc gives one (Date field or "(Session 119, 2026-01-19)"). */
  date: z.string().nullable(),
  checklist: z.array(ChecklistEntry),
  source: SourceRange,
  /** Set by the generic readers (issue 17); absent for the seed family's entries. */
  reading: ItemReading.optional(),
});
export type TrackedItem = z.infer<typeof TrackedItem>;

/** "Files 30-39", "Files 40-56", "Files 58-76": how the doc said to find the group's members. */
export const ItemGroup = z.object({
  id: z.string(),
  categoryId: z.string(),
  title: z.string(),
  first: z.number().int(),
  last: z.number().int(),
  /** Globs from "Paths:" or expected-files lines (`orchestration/cloud_functions/*\/main.py`). */
  globs: z.array(z.string()),
  /** Concrete paths listed by the doc, in order. */
  listedPaths: z.array(z.string()),
  /** Lines the parser could not turn into a path ("~14 additional scraper files"). */
  vagueLines: z.array(z.string()),
  /** `TrackingCommand.id`s of "Command to find" blocks that define membership. */
  commandIds: z.array(z.string()),
  status: StatusText,
  source: SourceRange,
});
export type ItemGroup = z.infer<typeof ItemGroup>;

export const Subgroup = z.object({
  title: z.string(),
  declaredCount: DocCount.nullable(),
  /** "10/10 COMPLETE ✅" style marker in the heading. */
  completeMarker: z.boolean(),
  /** `**Note:** …` style fields written under the sub-group heading, before its items. */
  fields: z.array(Field),
  source: SourceRange,
});
export type Subgroup = z.infer<typeof Subgroup>;

export const Category = z.object({
  /** "3.1.1", or a slug of the heading when it has no task number. */
  id: z.string(),
  title: z.string(),
  /** "(18 files)" in the heading. */
  declaredCount: DocCount.nullable(),
  completeMarker: z.boolean(),
  /** A status written in or under the heading (task-level trackers), if any. */
  status: StatusText.nullable(),
  subgroups: z.array(Subgroup),
  /**
   * Fields written under the heading itself (task-level trackers: `**Assignee:**`, `**Estimated:**`,
   * `**Subtasks:**`, `**Files Modified:**`), verbatim.
   */
  fields: z.array(Field),
  source: SourceRange,
});
export type Category = z.infer<typeof Category>;

/** A row of the progress summary table: what the doc *claims*, kept apart from its entries. */
export const SummaryRow = z.object({
  label: z.string(),
  categoryId: z.string().nullable(),
  isTotal: z.boolean(),
  total: DocNumber.nullable(),
  completed: DocNumber.nullable(),
  remaining: DocNumber.nullable(),
  inProgress: DocNumber.nullable(),
  notStarted: DocNumber.nullable(),
  percent: DocNumber.nullable(),
  source: SourceRange,
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const Fraction = z.object({ done: z.number(), total: z.number(), percent: DocNumber.nullable() });
export type Fraction = z.infer<typeof Fraction>;

export const Milestone = z.object({
  id: z.string(),
  title: z.string(),
  /** YYYY-MM-DD, resolved with the doc's start year. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  target: Fraction.nullable(),
  /** The Target field as written ("26/76 files (34%)", "all adoption tasks merged"), or null. */
  targetText: z.string().nullable(),
  tasks: z.array(
    z.object({ text: z.string(), checked: z.boolean(), categoryIds: z.array(z.string()), source: SourceRange }),
  ),
  source: SourceRange,
});
export type Milestone = z.infer<typeof Milestone>;

/** A command line from a fenced shell block. Never executed: the scanner interprets it. */
export const TrackingCommand = z.object({
  id: z.string(),
  /** The `# comment` above it, or the heading it sits under. */
  label: z.string(),
  command: z.string(),
  /** Category it was found in ("Command to find" under Task 3.3), or null for doc-level commands. */
  categoryId: z.string().nullable(),
  /** Item group it defines, if it is a group's "Command to find". */
  groupId: z.string().nullable(),
  source: SourceRange,
});
export type TrackingCommand = z.infer<typeof TrackingCommand>;

export const DocHeader = z.object({
  title: z.string().nullable(),
  project: z.string().nullable(),
  startDate: z.string().nullable(),
  status: StatusText.nullable(),
  progress: Fraction.nullable(),
  /** Every `**Key:** value` header field, verbatim. */
  fields: z.record(z.string(), z.string()),
  /**
   * Where each of `fields` was written (the footer's "Last Updated" is at the end of the doc).
   * The parser always fills it; it is optional only so hand-built docs in other stages' tests stay valid.
   */
  fieldSources: z.record(z.string(), SourceRange).optional(),
  lastUpdated: z.string().nullable(),
});
export type DocHeader = z.infer<typeof DocHeader>;

export const DocEncoding = z.object({
  /** How the bytes were read: clean UTF-8, or UTF-8 that had been decoded as another charset. */
  repairedFrom: z.enum(['mac-roman', 'windows-1252']).nullable(),
  bom: z.boolean(),
  crlf: z.boolean(),
});
export type DocEncoding = z.infer<typeof DocEncoding>;

export const TrackingDoc = z.object({
  path: z.string(),
  encoding: DocEncoding,
  header: DocHeader,
  summary: z.array(SummaryRow),
  categories: z.array(Category),
  items: z.array(TrackedItem),
  groups: z.array(ItemGroup),
  milestones: z.array(Milestone),
  commands: z.array(TrackingCommand),
  /**
   * Lines that look like items but were not read, and why (for `migratrack explain`). The parser
   * always fills it; optional so hand-built docs in other stages' tests stay valid.
   */
  unread: z.array(z.object({ line: z.number().int().nonnegative(), text: z.string(), why: z.string() })).optional(),
  /** The doc text after repair (clean UTF-8, LF line ends): what the site renders. */
  text: z.string(),
  diagnostics: z.array(Diagnostic),
});
export type TrackingDoc = z.infer<typeof TrackingDoc>;
