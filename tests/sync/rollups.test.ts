/**
 * Statuses that sum up items (issue 19): the header's Status, a group's Status and a category
 * heading's mark follow the items after a sync, in the doc's own words; raised always, lowered only
 * with --demote, a heading's ✅ never removed.
 */
import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../src/lib/snapshot/schema.js';
import { syncBytes } from './helpers.js';

const DOC = [
  '# Pooling - File Tracking',
  '',
  '**Status:** 🟡 In Progress',
  '**Progress:** 2/4 files (50%)',
  '',
  '## Task 1: Clients (2 files) 🔄',
  '',
  '### File 1: a.py',
  '- **Path:** `a.py`',
  '- **Status:** ✅ Complete',
  '',
  '### File 2: b.py',
  '- **Path:** `b.py`',
  '- **Status:** ⚪ Not Started',
  '',
  '## Task 2: Scrapers (2 files)',
  '',
  '#### Files 3-4: Scraper modules',
  '- **Status:** 🟡 In Progress (1/2 complete)',
  '',
  '**Files:**',
  '1. **s1.py** - ✅ Complete',
  '2. **s2.py** - ⚪ Not Started',
  '',
].join('\n');

function sync(verified: Record<string, ItemStatus>, demote = false, doc = DOC) {
  const run = syncBytes('T.md', Buffer.from(doc), new Map(Object.entries(verified)), { demote });
  return { ...run, text: run.after.toString('utf8'), again: syncBytes('T.md', run.after, new Map(Object.entries(verified)), { demote }) };
}

describe('statuses that sum up items', () => {
  it('all done: the header, the group and the heading\'s mark say so in the doc\'s words, figures beside them kept right', () => {
    const run = sync({ 'file-2': 'done', 'file-4': 'done' });
    expect(run.text).toBe(DOC
      .replace('**Status:** 🟡 In Progress', '**Status:** ✅ Complete')
      .replace('2/4 files (50%)', '4/4 files (100%)')
      .replace('Clients (2 files) 🔄', 'Clients (2 files) ✅')
      .replace('- **Status:** 🟡 In Progress (1/2 complete)', '- **Status:** ✅ Complete (2/2 complete)')
      .replace('- **Status:** ⚪ Not Started', '- **Status:** ✅ Complete')
      .replace('2. **s2.py** - ⚪ Not Started', '2. **s2.py** - ✅ Complete'));
    expect(run.reread.header.status?.status).toBe('done');
    expect(run.reread.categories.find((category) => category.title.includes('Clients'))?.status?.status).toBe('done');
    expect(run.again.plan.edits).toEqual([]);
  });

  it('some done: the heading keeps its mark and the header stays in progress; the group whose slots are all done says so', () => {
    const run = sync({ 'file-4': 'done' });
    expect(run.text).toContain('Clients (2 files) 🔄');
    expect(run.text).toContain('**Status:** 🟡 In Progress\n');
    expect(run.plan.edits.filter((edit) => edit.kind === 'rollup').map((edit) => [edit.line, edit.replacement])).toEqual([[19, '✅ Complete']]);
  });

  it('lowers the header and a group only with --demote, and never a heading\'s ✅', () => {
    const done = DOC.replace('**Status:** 🟡 In Progress', '**Status:** ✅ Complete').replace('Clients (2 files) 🔄', 'Clients (2 files) ✅');
    const verified: Record<string, ItemStatus> = { 'file-1': 'not-started', 'file-3': 'not-started' };
    expect(sync(verified, false, done).plan.edits).toEqual([]);
    const run = sync(verified, true, done);
    expect(run.text).toContain('**Status:** ⚪ Not Started\n');
    expect(run.text).toContain('- **Status:** ⚪ Not Started (0/2 complete)');
    expect(run.text).toContain('Clients (2 files) ✅');
  });
});
