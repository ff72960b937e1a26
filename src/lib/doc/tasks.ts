/**
 * Task-level trackers ("### Task 1.1: Add retry helper ⚪" with `**Status:**`, `**Assignee:**`,
 * `**Subtasks:**` and `**Files Modified:**`) track tasks, not numbered files. Such a task becomes one
 * item per file it modifies (so each can be checked against the code), or one path-less item.
 */
import type { RawField } from './blocks.js';
import type { ParseContext, Scope } from './context.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { applyItemFields } from './item-fields.js';
import { newItem } from './items.js';
import type { Category } from './model.js';
import { leadingPath, readPath } from './paths.js';
import { plainText } from './inline.js';

const FILE_LIST_KEYS = new Set(['files modified', 'files', 'files changed', 'files to modify', 'files touched', 'file']);
const TASK_FIELD_KEYS = new Set(['status', 'subtasks', 'assignee', 'owner', 'estimated', 'estimate', 'files modified', 'files changed']);

/**
 * A heading that only names a status section ("### ✅ COMPLETED (8 files)", "## Remaining (3
 * files)"): its status is the one it gives the lines under it (the generic readers'), not a task's.
 */
const STATUS_SECTION_ONLY = /^[\s\p{Extended_Pictographic}\uFE0F]*(?:completed?|done|finished|in[\s-]progress|remaining|pending|to[\s-]?do|not\s+started|next\s+steps?|backlog|blocked)[\s\p{Extended_Pictographic}\uFE0F]*(?:\([^()]*\))?[\s\p{Extended_Pictographic}\uFE0F]*$/iu;

/** True when a category reads as a task of a task-level tracker rather than a heading over files. */
export function isTaskLike(category: Category, fields: readonly RawField[]): boolean {
  // The heading's parts: its status words ("COMPLETED") and what is left of the title ("").
  if (fields.length === 0 && STATUS_SECTION_ONLY.test(`${category.status?.raw ?? ''} ${category.title}`)) return false;
  return category.status !== null || fields.some((field) => TASK_FIELD_KEYS.has(field.norm));
}

/** Makes the items of a task that lists no "File N" entries. */
export function readTaskItems(category: Category, fields: readonly RawField[], scope: Scope, ctx: ParseContext): void {
  const paths: Array<string | null> = [];
  for (const field of fields.filter((candidate) => FILE_LIST_KEYS.has(candidate.norm))) {
    // Code spans and list lines run up to a separator may hold spaces ("old copy of x.py").
    const values = [...field.codeSpans, ...field.children.map((child) => child.codeSpans[0] ?? leadingPath(plainText(child.text)))]
      .map((value) => ({ value, delimited: true }));
    if (field.codeSpans.length === 0 && field.value !== '') values.unshift(...plainText(field.value).split(/\s*,\s*/).map((value) => ({ value, delimited: false })));
    for (const { value, delimited } of values) {
      const reading = readPath(value, { delimited });
      if (reading.kind === 'path') paths.push(reading.path);
      else if (reading.kind === 'unsafe') ctx.sink.error('doc/unsafe-path', `The path "${value}" of Task ${category.id} was ignored because ${reading.reason}.`, field.line, field.column);
      else if (reading.kind === 'glob') ctx.sink.warning('doc/glob-path', `Task ${category.id} lists the glob "${value}" as a modified file; list files one by one so each can be checked.`, field.line, field.column);
    }
  }
  if (paths.length === 0) paths.push(null);
  // Only the first item reports field problems; the others share the same fields.
  const quiet: ParseContext = { ...ctx, sink: new DiagnosticSink(ctx.sink.file) };
  for (const [index, path] of paths.entries()) {
    const item = newItem(null, path ?? category.title, scope, category.source);
    item.id = index === 0 ? `task-${category.id}` : `task-${category.id}-${index + 1}`;
    applyItemFields(item, fields, index === 0 ? ctx : quiet);
    item.path = path;
    if (item.status.raw === '' && category.status) item.status = category.status;
    ctx.items.push(item);
  }
}
