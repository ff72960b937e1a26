/**
 * The sync stage (issue 19): what the code shows, written back into the tracking doc. Pure
 * functions: plan the edits on the doc's text, apply them to its bytes, show them as a diff.
 * Everything else in this folder is internal.
 */
export { planSync, applyToText, type Reparse } from './plan.js';
export { applyEdits, type ApplyOptions } from './apply.js';
export { unifiedDiff } from './diff.js';
export { summaryBlock, BLOCK_OPEN, BLOCK_CLOSE } from './summary-block.js';
export type { CategoryProgress, LeftAlone, MovedLine, SectionMove, StatusChange, SyncEdit, SyncInput, SyncPlan } from './types.js';
