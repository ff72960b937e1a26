/**
 * Summaries written across several lines (issue 19): a block of count fields ("**Total**: 4",
 * "**Completed**: 2", "**Completion**: 50%") gets each figure rewritten on its own line, and a
 * claim whose fraction counts something else ("0/616 console.* calls (0 files completed)") keeps
 * that fraction: only the file count the reader compares moves.
 */
import { describe, expect, it } from 'vitest';
import { syncBytes } from './helpers.js';

const DOC = `# Cleanup

## Logging

Status: 0/616 console.* calls replaced (0 files completed)

- [ ] \`src/log.ts\`
- [ ] \`src/db.ts\`
- [x] \`src/io.ts\`

## Progress

**Total**: 4
**Completed**: 2
**In Progress**: 0
**Completion**: 50.0%
`;

describe('a summary across several lines', () => {
  const run = syncBytes('T.md', Buffer.from(DOC), new Map([['item-src-log-ts', 'done']]));

  it('rewrites each figure of the block on its own line, and only the file count of the calls claim', () => {
    expect(run.after.toString('utf8')).toBe(DOC
      .replace('- [ ] `src/log.ts`', '- [x] `src/log.ts`')
      .replace('(0 files completed)', '(2 files completed)')
      .replace('**Total**: 4', '**Total**: 3')
      .replace('**Completion**: 50.0%', '**Completion**: 66.7%'));
    expect(run.plan.edits.filter((edit) => edit.kind === 'summary').map((edit) => edit.line)).toEqual([5, 13, 16]);
  });

  it('leaves figures the entries agree with, and the doc reads them back as the entries', () => {
    const row = run.reread.summary.find((candidate) => candidate.label.startsWith('Total'));
    expect(row && { total: row.total, completed: row.completed, inProgress: row.inProgress, percent: row.percent, lines: [row.source.startLine, row.source.endLine] }).toEqual({ total: 3, completed: 2, inProgress: 0, percent: 66.7, lines: [13, 16] });
    expect(syncBytes('T.md', run.after, new Map([['item-src-log-ts', 'done']])).plan.edits).toEqual([]);
  });
});

describe('a small table of counts', () => {
  const doc = '# Cleanup\n\n## Summary\n\n| Metric | Count |\n|---|---|\n| **Total** | 3 |\n| Completed | 1 |\n| Remaining | 2 |\n\n## Files\n\n- [ ] `a.py`\n- [x] `b.py`\n- [ ] `c.py`\n';

  it('is read as one declared summary and gets each row\'s figure rewritten', () => {
    const run = syncBytes('T.md', Buffer.from(doc), new Map([['item-a-py', 'done']]));
    expect(run.doc.summary.map((row) => [row.total, row.completed, row.remaining, row.source.startLine, row.source.endLine])).toEqual([[3, 1, 2, 7, 9]]);
    expect(run.after.toString('utf8')).toBe(doc.replace('- [ ] `a.py`', '- [x] `a.py`').replace('| Completed | 1 |', '| Completed | 2 |').replace('| Remaining | 2 |', '| Remaining | 1 |'));
    expect(syncBytes('T.md', run.after, new Map([['item-a-py', 'done']])).plan.edits).toEqual([]);
  });
});
