/** Table-driven cases for the small readers the parser is built from. */
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateRange } from '../../src/lib/doc/dates.js';
import { readHeadingParts, readItemHeading } from '../../src/lib/doc/heading-parts.js';
import { repairMojibake } from '../../src/lib/doc/mojibake.js';
import { leadingPath, readPath } from '../../src/lib/doc/paths.js';
import { readStatus } from '../../src/lib/doc/status.js';

describe('readStatus', () => {
  it.each([
    ['✅ Complete', 'done'],
    ['⚠️ In Progress', 'in-progress'],
    ['🟡 In Progress', 'in-progress'],
    ['⚪ Not Started', 'not-started'],
    ['❌ Blocked', 'blocked'],
    ['Done', 'done'],
    ['not started', 'not-started'],
    ['WIP', 'in-progress'],
    ['On hold', 'blocked'],
    ['✅', 'done'],
    ['✅ Complete (Session 119, 2026-01-19)', 'done'],
    ['Meh', 'unknown'],
    ['✅ Complete | ⚠️ In Progress | ⚪ Not Started', 'unknown'],
  ])('%s → %s', (raw, status) => {
    expect(readStatus(raw).status.status).toBe(status);
  });

  it('flags "(each)"', () => {
    expect(readStatus('⚪ Not Started (each)').status).toEqual({ status: 'not-started', raw: '⚪ Not Started (each)', each: true });
  });
});

describe('dates', () => {
  it.each([
    ['January 19, 2026', null, '2026-01-19'],
    ['2026-01-19', null, '2026-01-19'],
    ['Jan 19', '2026-01-19', '2026-01-19'],
    ['Jan 19', null, null],
    ['Jan 5', '2025-12-29', '2026-01-05'],
    ['Feb 30, 2026', null, null],
    ['1/19/2026', null, '2026-01-19'],
  ])('parseDate(%s, %s) → %s', (text, anchor, expected) => {
    expect(parseDate(text, anchor)).toBe(expected);
  });

  it.each([
    ['Jan 19-25', { start: '2026-01-19', end: '2026-01-25' }],
    ['Jan 26 - Feb 1', { start: '2026-01-26', end: '2026-02-01' }],
    ['Dec 28 - Jan 3', { start: '2026-12-28', end: '2027-01-03' }],
    ['2026-03-01 to 2026-03-07', { start: '2026-03-01', end: '2026-03-07' }],
  ])('parseDateRange(%s)', (text, expected) => {
    expect(parseDateRange(text, '2026-01-19')).toEqual(expected);
  });
});

describe('readPath', () => {
  it.each([
    ['data_processors/raw/processor_base.py', { kind: 'path', path: 'data_processors/raw/processor_base.py' }],
    ['./src//a.py', { kind: 'path', path: 'src/a.py' }],
    ['src\\win\\a.py', { kind: 'path', path: 'src/win/a.py' }],
    ['orchestration/cloud_functions/*/main.py', { kind: 'glob', glob: 'orchestration/cloud_functions/*/main.py' }],
    ['~14 additional scraper files', { kind: 'not-a-path', raw: '~14 additional scraper files' }],
  ])('%s', (raw, expected) => {
    expect(readPath(raw)).toEqual(expected);
  });

  it.each(['../x.py', 'a/../../x.py', '/etc/passwd', 'C:\\x\\y.py', '~/x.py', 'https://example.com/a.py'])('refuses %s', (raw) => {
    expect(readPath(raw).kind).toBe('unsafe');
  });
});

describe('leadingPath', () => {
  it.each([
    ['a/b.py ✅', 'a/b.py'],
    ['a/b.py - ✅ Complete (Session 1, 2026-01-19)', 'a/b.py'],
    ['backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py ✅', 'backfill_jobs/scrapers/old copy of bdl_boxscores_backfill.py'],
    ['a/old copy.py — done', 'a/old copy.py'],
    ['a/old copy.py (moved from lib/)', 'a/old copy.py'],
    ['a/old copy.py', 'a/old copy.py'],
    ['a/b.py now uses the pool', 'a/b.py'],
    ['backfill_jobs/scrapers/* (multiple files)', 'backfill_jobs/scrapers/*'],
    ['~14 additional scraper files', '~14'],
    ['First update base classes (Files 27-29)', 'First'],
  ])('%s → %s', (plain, expected) => {
    expect(leadingPath(plain)).toBe(expected);
  });
});

describe('headings', () => {
  it.each([
    ['Remove Duplicate Serialization Logic (2 files)', { title: 'Remove Duplicate Serialization Logic', declaredCount: 2, completeMarker: false, status: null }],
    ['Base Classes (High Priority - 3 files)', { title: 'Base Classes (High Priority)', declaredCount: 3, completeMarker: false, status: null }],
    ['Raw Processors - 10/10 COMPLETE ✅', { title: 'Raw Processors', declaredCount: null, completeMarker: true, status: { status: 'done', raw: '10/10 COMPLETE ✅', each: false } }],
    ['Add shared retry module ⚪', { title: 'Add shared retry module', declaredCount: null, completeMarker: false, status: { status: 'not-started', raw: '⚪', each: false } }],
  ])('%s', (text, expected) => {
    expect(readHeadingParts(text)).toEqual(expected);
  });

  it.each([
    ['File 4: espn_team_roster_processor.py', { kind: 'file', number: 4, rest: 'espn_team_roster_processor.py' }],
    ['File 30-39: All Cloud Function main.py files', { kind: 'group', first: 30, last: 39, rest: 'All Cloud Function main.py files' }],
    ['Files 40–56: Individual processor files', { kind: 'group', first: 40, last: 56, rest: 'Individual processor files' }],
    ['File X: filename.py', { kind: 'template', rest: 'filename.py' }],
    ['File Update Template', null],
  ])('%s', (text, expected) => {
    expect(readItemHeading(text)).toEqual(expected);
  });
});

describe('repairMojibake', () => {
  it.each([
    ['‚úÖ Complete', '✅ Complete', 'mac-roman'],
    ['\uF8FF\u00FC\u00FC\u00B0 In Progress', '🟡 In Progress', 'mac-roman'],
    ['âœ… Complete', '✅ Complete', 'windows-1252'],
    ['Ã©tÃ©', 'été', 'windows-1252'],
    ['✅ already clean — café', '✅ already clean — café', null],
  ])('%s → %s', (text, repaired, charset) => {
    expect(repairMojibake(text)).toMatchObject({ text: repaired, charset });
  });

  it('repairs both kinds in one doc, naming the commoner one', () => {
    expect(repairMojibake('‚úÖ a ‚ö†Ô∏è b âœ… c')).toEqual({ text: '✅ a ⚠️ b ✅ c', charset: 'mac-roman', repairedRuns: 3 });
  });
});
