/**
 * Group member lists as the demo repo's doc grows them: a "**Found by the command (…):**" list that
 * resolves a "Command to find" group, each line ticked as it is done, and a listed path holding
 * spaces. The fixture is an excerpt of the demo doc (Files 40-56 on 2026-01-29, Files 58-76 at HEAD).
 */
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, type TrackingDoc } from '../../src/lib/doc/index.js';
import { codes, fixtureBytes } from './helpers.js';

const demo = parseTrackingDoc(fixtureBytes('demo-group-lists.md'), 'docs/demo-group-lists.md');

function slots(doc: TrackingDoc, groupId: string): Array<[string, string | null, string]> {
  return doc.items.filter((item) => item.groupId === groupId).map((item) => [item.id, item.path, item.status.status]);
}

/** A one-group doc: the heading, the group's fields, then the given lines. */
function groupDoc(body: string): TrackingDoc {
  return parseTrackingDoc(`# T\n\n**Start Date:** 2026-01-19\n\n## Task 1: Pooling (3 files)\n\n#### Files 1-3: Processors\n${body}\n`, 'docs/t.md');
}

describe('a bold-labelled path list under a group', () => {
  it('fills the Files 40-56 slots in order from "Found by the command", each with its own tick', () => {
    const found = slots(demo, 'files-40-56');
    expect(found).toHaveLength(17);
    expect(found.every(([, path]) => path !== null)).toBe(true);
    expect(found[0]).toEqual(['file-40', 'data_processors/raw/nbacom/nbac_injury_report_processor.py', 'done']);
    expect(found[16]).toEqual(['file-56', 'data_processors/publishing/daily_export/daily_export_exporter.py', 'in-progress']);
    // Six lines carry ✅; the rest fall back to the group's "🟡 In Progress (6/17 complete)".
    expect(found.filter(([, , status]) => status === 'done').map(([id]) => id)).toEqual(['file-40', 'file-41', 'file-42', 'file-43', 'file-44', 'file-45']);
    const group = demo.groups.find((entry) => entry.id === 'files-40-56');
    expect(group?.listedPaths).toHaveLength(17);
    expect(group?.commandIds).toEqual(['cmd-1']);
    // The list is not also kept as a field of every slot.
    expect(demo.items.find((item) => item.id === 'file-40')?.fields.map((field) => field.key)).toEqual(['Strategy']);
  });

  it('credits the ticks as declared done: 6 + 17 = the header\'s 23', () => {
    expect(demo.items.filter((item) => item.status.status === 'done')).toHaveLength(23);
    expect(demo.header.progress).toMatchObject({ done: 23, total: 36 });
    expect(codes(demo)).toEqual(['doc/number-gap@68']);
  });

  it('takes any label, and reads each line\'s status mark in every form the docs use', () => {
    const doc = groupDoc([
      '- **Status:** ⚪ Not Started (each)',
      '',
      '**Grep output, Jan 27:**',
      '- data_processors/raw/a_processor.py - ✅ Complete (Session 131, 2026-01-30)',
      '- data_processors/raw/b_processor.py ⚪ Not Started',
      '- data_processors/raw/c_processor.py',
    ].join('\n'));
    expect(slots(doc, 'files-1-3')).toEqual([
      ['file-1', 'data_processors/raw/a_processor.py', 'done'],
      ['file-2', 'data_processors/raw/b_processor.py', 'not-started'],
      ['file-3', 'data_processors/raw/c_processor.py', 'not-started'],
    ]);
    expect(doc.items[0]).toMatchObject({ updatedBy: 'Session 131', date: '2026-01-30' });
    expect(doc.items[2]?.status).toEqual({ status: 'not-started', raw: '⚪ Not Started (each)', each: true });
    expect(doc.diagnostics.filter((entry) => entry.severity !== 'info')).toEqual([]);
  });

  it('reads "✅ Complete" after the path as done', () => {
    const doc = groupDoc('- **Status:** 🟡 In Progress\n\n**Found:**\n1. a/x.py ✅ Complete\n2. a/y.py\n3. a/z.py');
    expect(slots(doc, 'files-1-3').map(([, , status]) => status)).toEqual(['done', 'in-progress', 'in-progress']);
  });

  it('leaves prose and checklists under a bold label alone', () => {
    const doc = groupDoc([
      '- **Status:** ⚪ Not Started (each)',
      '',
      '**Strategy:**',
      '- First update the base classes',
      '- Then grep for processors creating clients',
      '',
      '**Changes per file:**',
      '- [ ] Replace bigquery.Client() in a/x.py',
    ].join('\n'));
    expect(slots(doc, 'files-1-3').map(([, path]) => path)).toEqual([null, null, null]);
    expect(doc.items[0]?.fields.map((field) => field.key)).toEqual(['Strategy', 'Changes per file']);
  });
});

describe('a listed path with spaces', () => {
  it('keeps the whole file name up to the status mark (demo Files 58-76)', () => {
    expect(slots(demo, 'files-58-76')[8]).toEqual(['file-66', 'backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py', 'done']);
    expect(demo.items.find((item) => item.id === 'file-67')?.path).toBe('scrapers/nbacom/nbac_schedule_scraper.py');
  });

  it('ends the path at " - ", " — ", "(" or a status emoji, and keeps code-span paths whole', () => {
    const doc = groupDoc([
      '- **Status:** ⚪ Not Started (each)',
      '',
      '**Files:**',
      '- a/old copy.py - ✅ Complete',
      '- `b/with space/x.py` ✅',
      '- c/new one.py (moved from lib/)',
    ].join('\n'));
    expect(slots(doc, 'files-1-3')).toEqual([
      ['file-1', 'a/old copy.py', 'done'],
      ['file-2', 'b/with space/x.py', 'done'],
      ['file-3', 'c/new one.py', 'not-started'],
    ]);
  });

  it('reads a Path field with spaces, but not prose after a path', () => {
    const doc = parseTrackingDoc([
      '# T', '', '## Task 1: Pooling (2 files)', '',
      '### File 1: old copy', '- **Path:** scrapers/old copy of x.py', '- **Status:** ✅ Complete', '',
      '### File 2: y', '- **Path:** scrapers/y.py now uses the pool', '- **Status:** ✅ Complete', '',
    ].join('\n'), 'docs/t.md');
    expect(doc.items.map((item) => item.path)).toEqual(['scrapers/old copy of x.py', 'scrapers/y.py']);
  });
});
