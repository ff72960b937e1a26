/**
 * The mutable state of one parse: the model being filled, the diagnostics, and the doc facts later
 * readers need (the start year for short dates). Readers append to it in document order.
 */
import type { Category, DocHeader, ItemGroup, Milestone, SummaryRow, TrackedItem, TrackingCommand } from './model.js';
import type { DiagnosticSink } from './diagnostic-sink.js';

/** A milestone task's "Task 3.1" references, resolved to category ids once every category is known. */
export interface PendingTaskRefs {
  milestone: Milestone;
  refs: string[][];
}

export interface ParseContext {
  text: string;
  sink: DiagnosticSink;
  /** Line of the header's Progress field, for the diagnostic when the entries disagree with it. */
  progressLine: number | null;
  header: DocHeader;
  summary: SummaryRow[];
  categories: Category[];
  items: TrackedItem[];
  groups: ItemGroup[];
  milestones: Milestone[];
  commands: TrackingCommand[];
  pendingTaskRefs: PendingTaskRefs[];
  /** Raw summary labels that named no "Task X" id, matched to categories by title at the end. */
  summaryLabels: Map<SummaryRow, string>;
  /** Lines that look like items but were not read, and why (generic readers; `migratrack explain`). */
  unread: Array<{ line: number; text: string; why: string }>;
}

/** Where a section sits: which category and sub-group its items belong to. */
export interface Scope {
  category: Category | null;
  subgroup: Category['subgroups'][number] | null;
}

/** A fresh context for one doc's text. */
export function newContext(text: string, sink: DiagnosticSink): ParseContext {
  return {
    text,
    sink,
    progressLine: null,
    header: { title: null, project: null, startDate: null, status: null, progress: null, fields: {}, fieldSources: {}, lastUpdated: null },
    summary: [],
    categories: [],
    items: [],
    groups: [],
    milestones: [],
    commands: [],
    pendingTaskRefs: [],
    summaryLabels: new Map(),
    unread: [],
  };
}
