import { describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { codes, fixtureBytes, withoutEncoding } from './helpers.js';

const parse = (name: string) => parseTrackingDoc(fixtureBytes(name), `docs/${name}`);

describe('a task-level tracker', () => {
  const doc = parse('variant-task-tracker.md');

  it('makes each task a category with its status and bold-paragraph fields', () => {
    expect(doc.categories.map((category) => [category.id, category.status?.status])).toEqual([
      ['1.1', 'done'], ['1.2', 'in-progress'], ['2.1', 'done'], ['2.2', 'blocked'], ['2.3', 'not-started'],
    ]);
    expect(doc.categories[0]?.fields.map((field) => field.key)).toEqual(['Status', 'Assignee', 'Estimated', 'Completed', 'Subtasks', 'Files Modified']);
  });

  it('tracks one item per modified file, or one path-less item per task', () => {
    expect(doc.items.map((item) => [item.id, item.path])).toEqual([
      ['task-1.1', 'shared/utils/bigquery_retry.py'],
      ['task-1.1-2', 'tests/unit/test_bigquery_retry.py'],
      ['task-1.2', 'shared/clients/bigquery_pool.py'],
      ['task-2.1', 'data_processors/raw/processor_base.py'],
      ['task-2.2', null],
      ['task-2.3', null],
    ]);
    expect(doc.items[0]?.checklist.map((entry) => entry.checked)).toEqual([true, true, true]);
    expect(doc.items[0]).toMatchObject({ updatedBy: 'Session 98', date: '2025-12-30' });
  });

  it('reads extra summary columns and counts tasks, not files, against the TOTAL row', () => {
    expect(doc.summary.find((row) => row.isTotal)).toMatchObject({ total: 5, completed: 2, inProgress: 1, notStarted: 1, percent: 40 });
    expect(codes(doc).filter((code) => code.startsWith('doc/summary-mismatch'))).toEqual([]);
  });

  it('resolves sprint dates across the new year and task ranges', () => {
    expect(doc.milestones.map((milestone) => [milestone.startDate, milestone.endDate])).toEqual([
      ['2025-12-29', '2026-01-04'],
      ['2026-01-05', '2026-01-11'],
    ]);
    expect(doc.milestones[1]?.tasks[0]?.categoryIds).toEqual(['2.1', '2.2', '2.3']);
    expect(doc.milestones[1]).toMatchObject({ target: null, targetText: 'all adoption tasks merged' });
  });
});

describe('a doc with progress made', () => {
  const doc = parse('variant-progressed.md');

  it('reads statuses, who and when, from bullets, bold paragraphs and group lists', () => {
    expect(doc.items.map((item) => `${item.id}:${item.status.status}`)).toEqual([
      'file-1:done', 'file-2:in-progress', 'file-3:blocked',
      'file-4:done', 'file-5:not-started', 'file-6:not-started', 'file-7:not-started',
      'file-8:not-started', 'file-9:not-started', 'file-10:not-started', 'file-11:not-started', 'file-12:not-started',
    ]);
    expect(doc.items[1]).toMatchObject({ path: 'orchestration/workflow_executor.py', updatedBy: 'Session 132', date: '2026-02-04' });
    expect(doc.items[3]).toMatchObject({ path: 'orchestration/cloud_functions/phase2_to_phase3/main.py', updatedBy: 'Session 133', date: '2026-02-05' });
    expect(doc.items[6]?.path).toBeNull();
  });

  it('reads the footer after the last section as doc fields', () => {
    expect(doc.header.lastUpdated).toBe('2026-02-05');
    expect(parse('variant-task-tracker.md').header.lastUpdated).toBe('2026-01-02');
  });

  it('reports COMPLETE markers over unfinished entries and nothing else', () => {
    expect(codes(doc)).toEqual(['doc/complete-marker@21', 'doc/complete-marker@59']);
  });

  it('links a category-level "Command to find" to the only group under it', () => {
    expect(doc.commands).toMatchObject([{ label: 'Scrapers still calling requests directly', categoryId: '4.3', groupId: 'files-8-12' }]);
  });

  it('parses identically from a Windows-1252 mojibake copy with CRLF, a BOM and tabs', () => {
    const mangled = parseTrackingDoc(fixtureBytes('variant-progressed-cp1252-crlf-bom.md'), 'docs/variant-progressed.md');
    const clean = parseTrackingDoc(fixtureBytes('variant-progressed.md'), 'docs/variant-progressed.md');
    expect(mangled.encoding).toEqual({ repairedFrom: 'windows-1252', bom: true, crlf: true });
    expect(withoutEncoding(mangled)).toEqual(withoutEncoding(clean));
  });
});

describe('a broken doc', () => {
  const doc = parse('variant-broken.md');
  const messages = doc.diagnostics.map((entry) => entry.message);

  it('reports every problem with its line', () => {
    expect(codes(doc)).toEqual([
      'doc/unplaced@3',
      'doc/bad-date@6',
      'doc/summary-mismatch@13',
      'doc/summary-mismatch@14',
      'doc/summary-unmatched@15',
      'doc/summary-mismatch@16',
      'doc/count-mismatch@18',
      'doc/bad-date@23',
      'doc/unsafe-path@26',
      'doc/unknown-status@27',
      'doc/duplicate-number@30',
      'doc/unsafe-path@31',
      'doc/missing-path@34',
      'doc/number-gap@34',
      'doc/bad-line-range@36',
      'doc/count-mismatch@38',
      'doc/unplaced@40',
      'doc/unplaced@42',
      'doc/status-conflict@48',
      'doc/bad-range@50',
      'doc/group-overflow@53',
      'doc/number-gap@56',
      'doc/template-item@60',
      'doc/bad-date@65',
      'doc/duplicate-category@68',
      'doc/count-mismatch@68',
      'doc/status-conflict@70',
      'doc/ambiguous-status@76',
    ]);
  });

  it('says it in sentences a person understands', () => {
    expect(messages).toContain('Task 1 says "(6 files)" but lists 4.');
    expect(messages).toContain('The path "../outside/secrets.py" of secrets.py was ignored because it contains "..", which could leave the repository.');
    expect(messages).toContain('File number 2 is used again here (first at line 25); this entry was given the id "file-2-dup-2". Renumber one of them.');
    expect(messages).toContain('The summary row for Task 1 - Loggers says 0/4 done, but the entries say 2/4 (completed 0 (entries: 2), remaining 4 (entries: 2)); the table looks stale.');
  });

  it('keeps unsafe paths out of the model', () => {
    expect(doc.items.map((item) => item.path)).toEqual([
      'src/app.py', null, null, null, 'src/handlers/handler.py', 'src/notify/email.py', 'src/notify/sms.py',
      'src/dup dir/dup.py', 'src/left_template.py',
    ]);
    expect(doc.diagnostics.find((entry) => entry.code === 'doc/unsafe-path')).toMatchObject({ severity: 'error', file: 'docs/variant-broken.md', line: 26, column: 13 });
  });
});

describe('a doc with named sections instead of task numbers', () => {
  const doc = parse('variant-named-sections.md');

  it('makes categories from headings that hold file entries, at any level', () => {
    expect(doc.categories.map((category) => [category.id, category.declaredCount])).toEqual([['services', 3], ['jobs', null]]);
    expect(doc.items.map((item) => [item.id, item.categoryId, item.path, item.status.status])).toEqual([
      ['file-1', 'services', 'services/billing/settings.py', 'done'],
      ['file-2', 'services', 'services/search/settings.py', 'in-progress'],
      ['file-3', 'services', 'services/mail/settings.py', 'not-started'],
      ['file-4', 'jobs', 'jobs/nightly.py', 'done'],
      ['file-5', 'jobs', 'jobs/weekly report.py', 'not-started'],
    ]);
  });

  it('reports prose and HTML it does not track, as info only', () => {
    expect(doc.diagnostics.map((entry) => [entry.severity, entry.code, entry.line])).toEqual([
      ['info', 'doc/unplaced', 3],
      ['info', 'doc/unplaced', 5],
      ['info', 'doc/unplaced', 12],
    ]);
    expect(doc.diagnostics[1]?.message).toBe('The parser could not place an HTML block under Config Loader Migration (line 5); it is not part of the tracked model.');
  });

  it('reads milestone dates written with a dash or ISO range', () => {
    expect(doc.milestones.map((milestone) => [milestone.title, milestone.startDate, milestone.endDate])).toEqual([
      ['Milestone 1', '2026-03-02', '2026-03-06'],
      ['Milestone 2', '2026-03-09', '2026-03-13'],
    ]);
  });
});
