/** The optional `<!-- migratrack:summary -->` block: refreshed on each sync, read as nothing else. */
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { BLOCK_CLOSE, BLOCK_OPEN, applyEdits, planSync, type CategoryProgress } from '../../src/lib/sync/index.js';
import { changedLines } from './helpers.js';

const DOC = ['# Cleanup', '', BLOCK_OPEN, 'stale text', BLOCK_CLOSE, '', '## Backend', '', '- [ ] `a.py`', '- [x] `b.py`', ''].join('\r\n');
const progress: CategoryProgress[] = [{ title: 'Backend | API', done: 2, total: 2, remainingCalls: 0 }];

function sync(bytes: Buffer, verified: Map<string, 'done'>) {
  const doc = parseTrackingDoc(bytes, 'T.md');
  const plan = planSync(doc, { verified, progress, demote: false }, (text) => parseTrackingDoc(text, 'T.md'));
  return { doc, plan, after: applyEdits(bytes, doc, plan.edits, { repairEncoding: false }) };
}

describe('the generated summary block', () => {
  const bytes = Buffer.from(DOC);
  const first = sync(bytes, new Map([['item-a-py', 'done']]));
  const text = first.after.toString('utf8');

  it('holds the progress table between the markers, in the doc\'s line ends, and nothing outside changes but the status', () => {
    expect(first.doc.items.map((item) => item.id)).toEqual(['item-a-py', 'item-b-py']);
    const inner = text.slice(text.indexOf(BLOCK_OPEN) + BLOCK_OPEN.length, text.indexOf(BLOCK_CLOSE));
    expect(inner.split('\r\n')).toEqual(['', '| Category | Verified | Remaining calls |', '|---|---|---|', '| Backend \\| API | 2/2 | 0 |', '| All | 2/2 | 0 |', '', '_Written by `migratrack sync` from what the code shows; edits between these markers are replaced._', '']);
    expect(text).toContain('- [x] `a.py`');
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
    const outside = (value: string) => value.slice(0, value.indexOf(BLOCK_OPEN)) + value.slice(value.indexOf(BLOCK_CLOSE));
    expect(changedLines(Buffer.from(outside(DOC)), Buffer.from(outside(text)))).toEqual([7]);
  });

  it('is read as no item and no summary, and a second sync leaves it as it is', () => {
    const reread = parseTrackingDoc(first.after, 'T.md');
    expect(reread.items.map((item) => [item.id, item.status.status])).toEqual([['item-a-py', 'done'], ['item-b-py', 'done']]);
    expect(reread.summary).toEqual([]);
    const again = sync(first.after, new Map([['item-a-py', 'done']]));
    expect(again.plan.edits).toEqual([]);
  });

  it('is not added to a doc without the markers', () => {
    const plain = sync(Buffer.from('# Cleanup\n\n- [ ] `a.py`\n'), new Map([['item-a-py', 'done']]));
    expect(plain.after.toString('utf8')).toBe('# Cleanup\n\n- [x] `a.py`\n');
  });
});
