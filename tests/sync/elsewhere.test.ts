/**
 * Statuses that are not a span of the item's own line (issue 19): a status section's lines move to
 * the section for their new status, check-column rows get their cells ticked, a group's "(each)"
 * Status is rewritten when its slots agree, and a plain checkbox doc writes "in progress" only with
 * a box its legend names. Each keeps every other byte and reads back as written.
 */
import { describe, expect, it } from 'vitest';
import { toMojibake } from '../../src/lib/doc/index.js';
import type { ItemStatus } from '../../src/lib/snapshot/schema.js';
import { changedAcrossMoves, declaredOf, syncBytes } from './helpers.js';

function sync(doc: string | Buffer, verified: Record<string, ItemStatus>, demote = false) {
  const bytes = typeof doc === 'string' ? Buffer.from(doc) : doc;
  const run = syncBytes('T.md', bytes, new Map(Object.entries(verified)), { demote });
  const again = syncBytes('T.md', run.after, new Map(Object.entries(verified)), { demote });
  return { ...run, text: run.after.toString('utf8'), again, bytes };
}

const SECTIONS = [
  '# Port',
  '',
  '## Files',
  '',
  '### ✅ COMPLETED (2 files)',
  '',
  '- `src/a.ts`',
  '- `src/b.ts`',
  '',
  '### 🔄 REMAINING (3 files)',
  '',
  '* `src/c.ts`',
  '    * note: the hard one   ',
  '    * second note',
  '* `src/d.ts`',
  '* `src/e.ts`',
  '',
  '## Notes',
  '',
  'Nothing else.',
  '',
].join('\n');

describe('a status section\'s line', () => {
  it('moves with its nested lines to the end of the section for its new status, in that list\'s marker, and the counts follow', () => {
    const run = sync(SECTIONS, { 'item-src-c-ts': 'done' });
    expect(run.text).toBe(SECTIONS
      .replace('### ✅ COMPLETED (2 files)', '### ✅ COMPLETED (3 files)')
      .replace('### 🔄 REMAINING (3 files)', '### 🔄 REMAINING (2 files)')
      .replace('- `src/b.ts`\n', '- `src/b.ts`\n- `src/c.ts`\n    * note: the hard one   \n    * second note\n')
      .replace('* `src/c.ts`\n    * note: the hard one   \n    * second note\n', ''));
    expect(declaredOf(run.reread).get('item-src-c-ts')).toBe('done');
    expect(run.plan.moves).toEqual([{ itemId: 'item-src-c-ts', fromLine: 12, toLine: 14, beforeLine: 9, fromSectionLine: 10, sectionLine: 5 }]);
    expect(changedAcrossMoves(run.bytes, run.after, run.plan.moves)).toEqual({ changed: [5, 10], alteredMoves: [] });
    expect(run.again.plan.edits).toEqual([]);
  });

  it('takes the next number in a numbered list, and a singular count', () => {
    const doc = '# Port\n\n## Completed (1 file)\n\n1. `a.py`\n\n## Next Steps (2 files)\n\n- `b.py`\n- `c.py`\n';
    const run = sync(doc, { 'item-b-py': 'done', 'item-c-py': 'done' });
    expect(run.text).toBe('# Port\n\n## Completed (3 files)\n\n1. `a.py`\n2. `b.py`\n3. `c.py`\n\n## Next Steps (0 files)\n\n');
    expect([...declaredOf(run.reread).values()]).toEqual(['done', 'done', 'done']);
    expect(run.again.plan.edits).toEqual([]);
  });

  it('keeps a CRLF doc\'s line ends and a mojibake\'d line\'s bytes, and works at the end of a doc without a final newline', () => {
    const doc = Buffer.from(toMojibake('# Portação\r\n\r\n## Done\r\n\r\n- `a.py` ✓\r\n\r\n## To do\r\n\r\n- `b.py` — não é fácil', 'mac-roman'), 'utf8');
    const run = sync(doc, { 'item-b-py': 'done' });
    expect(run.after.toString('utf8')).toBe(toMojibake('# Portação\r\n\r\n## Done\r\n\r\n- `a.py` ✓\r\n- `b.py` — não é fácil\r\n\r\n## To do\r\n', 'mac-roman'));
    expect(run.reread.encoding).toEqual(run.doc.encoding);
    expect(declaredOf(run.reread).get('item-b-py')).toBe('done');
    expect(run.again.plan.edits).toEqual([]);
  });

  it('moves a table row into the table of the section for its new status', () => {
    const doc = '# Port\n\n## Completed\n\n| File | Owner |\n|---|---|\n| `a.py` | ann |\n\n## In Progress\n\n| File | Owner |\n|---|---|\n| `b.py` | bob |\n';
    const run = sync(doc, { 'item-b-py': 'done' });
    expect(run.text).toBe('# Port\n\n## Completed\n\n| File | Owner |\n|---|---|\n| `a.py` | ann |\n| `b.py` | bob |\n\n## In Progress\n\n| File | Owner |\n|---|---|\n');
    expect(declaredOf(run.reread).get('item-b-py')).toBe('done');
  });

  it('is listed and left alone when the doc has no section for its new status', () => {
    const doc = '# Port\n\n## Next Steps\n\n- `a.py`\n';
    const run = sync(doc, { 'item-a-py': 'done' });
    expect(run.after.equals(run.bytes)).toBe(true);
    expect(run.plan.leftAlone.map((left) => left.why)).toEqual(['its status is the section it sits in, and the doc has no section for done to move it to']);
  });

  it('moves a done item back to its not-started section only with --demote', () => {
    const doc = '# Port\n\n## Completed\n\n- `a.py`\n- `b.py`\n\n## Remaining\n\n- `c.py`\n';
    expect(sync(doc, { 'item-a-py': 'not-started' }).plan.edits).toEqual([]);
    const run = sync(doc, { 'item-a-py': 'not-started' }, true);
    expect(run.text).toBe('# Port\n\n## Completed\n\n- `b.py`\n\n## Remaining\n\n- `c.py`\n- `a.py`\n');
  });
});

describe('check columns', () => {
  const doc = '| Module | Ported | Tests |\n|---|---|---|\n| `a.py` | ✔ | ✘ |\n| `b.py` | ✘ | ✘ |\n| `c.py` | ✔ | ✔ |\n| `d.py` | ✔ | ✔ |\n';
  it('promotes a row by ticking its open checks with the table\'s own tick', () => {
    const run = sync(doc, { 'item-a-py': 'done', 'item-b-py': 'done' });
    expect(run.text).toBe(doc.replace('| `a.py` | ✔ | ✘ |', '| `a.py` | ✔ | ✔ |').replace('| `b.py` | ✘ | ✘ |', '| `b.py` | ✔ | ✔ |'));
    expect(run.again.plan.edits).toEqual([]);
  });

  it('demotes to not started by clearing every check, and leaves "in progress" alone (which check is open the code cannot tell)', () => {
    // (A column left with no tick would no longer read as a check column: the read-back refuses that; d.py keeps them ticked.)
    const run = sync(doc, { 'item-c-py': 'not-started', 'item-b-py': 'in-progress' }, true);
    expect(run.text).toBe(doc.replace('| `c.py` | ✔ | ✔ |', '| `c.py` | ✘ | ✘ |'));
    expect(run.plan.leftAlone.map((left) => [left.itemId, left.why])).toEqual([['item-b-py', 'its status is its check columns, and which checks are still open the code cannot tell']]);
  });
});

describe('a group\'s "(each)" status', () => {
  const doc = [
    '# Pooling',
    '',
    '## Task 1: Scrapers (3 files)',
    '',
    '#### Files 1-3: Scraper modules',
    '- **Paths:** `scrapers/*.py`',
    '- **Status:** ⚪ Not Started (each)',
    '',
    '### File 4: pool.py',
    '- **Path:** `pool.py`',
    '- **Status:** ✅ Complete',
    '',
  ].join('\n');
  const slots = (status: ItemStatus, last: ItemStatus = status): Record<string, ItemStatus> => ({ 'file-1': status, 'file-2': status, 'file-3': last });

  it('is rewritten in the doc\'s words when every slot it speaks for agrees', () => {
    const run = sync(doc, slots('done'));
    expect(run.text).toBe(doc.replace('⚪ Not Started (each)', '✅ Complete (each)'));
    expect(run.plan.changes.map((change) => change.itemId)).toEqual(['file-1', 'file-2', 'file-3']);
    expect(run.again.plan.edits).toEqual([]);
  });

  it('is listed and left alone when they do not agree', () => {
    const run = sync(doc, slots('done', 'not-started'));
    expect(run.after.equals(run.bytes)).toBe(true);
    expect(run.plan.leftAlone.map((left) => left.why)).toEqual(Array(2).fill('the group\'s "(each)" status speaks for other slots the code does not agree on'));
  });
});

describe('in progress in a plain checkbox doc', () => {
  const plain = '# Port\n\n- [ ] `a.py`\n- [x] `b.py`\n';
  it('is left unchanged when the doc has no in-progress box', () => {
    const run = sync(plain, { 'item-a-py': 'in-progress' });
    expect(run.after.equals(run.bytes)).toBe(true);
    expect(run.plan.leftAlone.map((left) => left.why)).toEqual(['the doc has no way to write in-progress there (a checkbox, and no in-progress box in its legend or its lines)']);
  });

  it('writes the box the doc\'s legend names for it', () => {
    const doc = `# Port\n\nLegend: \`[ ]\` to do, \`[~]\` in progress, \`[x]\` done\n\n- [ ] \`a.py\`\n- [x] \`b.py\`\n`;
    const run = sync(doc, { 'item-a-py': 'in-progress' });
    expect(run.text).toBe(doc.replace('- [ ] `a.py`', '- [~] `a.py`'));
    expect(declaredOf(run.reread).get('item-a-py')).toBe('in-progress');
  });
});

describe('moves at the end of a doc without a final newline', () => {
  it('take the last lines out whole, and a second sync changes nothing', () => {
    const doc = '# Port\n\n## Done\n\n- `a.py`\n\n## To do\n\n- `b.py`\n- `c.py`';
    const run = sync(doc, { 'item-b-py': 'done', 'item-c-py': 'done' });
    expect(run.text).toBe('# Port\n\n## Done\n\n- `a.py`\n- `b.py`\n- `c.py`\n\n## To do\n');
    expect(run.again.plan.edits).toEqual([]);
  });
});
