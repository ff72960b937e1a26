/**
 * The optional generated block: a doc that holds `<!-- migratrack:summary -->` and
 * `<!-- /migratrack:summary -->` gets, between the two, a small table of verified progress per
 * category (done/total, remaining calls), rewritten on each sync. Nothing outside the markers is
 * touched, and a doc without them gets no block.
 */
import type { CategoryProgress, SyncEdit } from './types.js';

export const BLOCK_OPEN = '<!-- migratrack:summary -->';
export const BLOCK_CLOSE = '<!-- /migratrack:summary -->';

/** Table cells carry category titles from the doc: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** The block's contents (between the markers, lines of their own). */
export function summaryBlock(progress: readonly CategoryProgress[]): string {
  const done = progress.reduce((sum, category) => sum + category.done, 0);
  const total = progress.reduce((sum, category) => sum + category.total, 0);
  const calls = progress.reduce((sum, category) => sum + category.remainingCalls, 0);
  return [
    '',
    '| Category | Verified | Remaining calls |',
    '|---|---|---|',
    ...progress.map((category) => `| ${cell(category.title)} | ${category.done}/${category.total} | ${category.remainingCalls} |`),
    `| All | ${done}/${total} | ${calls} |`,
    '',
    '_Written by `migratrack sync` from what the code shows; edits between these markers are replaced._',
    '',
  ].join('\n');
}

/** The edit refreshing the block, or none when the doc has no block or it is current. */
export function summaryBlockEdit(text: string, progress: readonly CategoryProgress[]): SyncEdit[] {
  const open = text.indexOf(BLOCK_OPEN);
  if (open === -1) return [];
  const start = open + BLOCK_OPEN.length;
  const close = text.indexOf(BLOCK_CLOSE, start);
  if (close === -1) return [];
  const replacement = summaryBlock(progress);
  if (text.slice(start, close) === replacement) return [];
  const line = text.slice(0, start).split('\n').length;
  return [{ start, end: close, replacement, line, kind: 'summary-block', itemId: null }];
}
