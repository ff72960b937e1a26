import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';
import { CLEAN_SEED, fixtureBytes, snapshotOf, withoutEncoding } from './helpers.js';

const DOC_PATH = 'docs/JITTER-ADOPTION-TRACKING.md';
const mojibake = parseTrackingDoc(fixtureBytes('seed-mojibake.md'), DOC_PATH);
const clean = parseTrackingDoc(readFileSync(CLEAN_SEED), DOC_PATH);

describe('the seed doc', () => {
  it('pins the full model', async () => {
    await expect(snapshotOf(clean)).toMatchFileSnapshot('./__snapshots__/seed.model.json');
  });

  it('parses the mojibake copy to the same model, reporting the repair', () => {
    expect(mojibake.encoding).toEqual({ repairedFrom: 'mac-roman', bom: false, crlf: false });
    expect(clean.encoding).toEqual({ repairedFrom: null, bom: false, crlf: false });
    expect(withoutEncoding(mojibake)).toEqual(withoutEncoding(clean));
    expect(mojibake.diagnostics.map((entry) => entry.code)).toEqual(['doc/mojibake-repaired']);
    expect(mojibake.text).toBe(readFileSync(CLEAN_SEED, 'utf8'));
  });

  it('is schema-valid and has no diagnostics when clean', () => {
    expect(TrackingDoc.safeParse(clean).success).toBe(true);
    expect(clean.diagnostics).toEqual([]);
  });

  it('reads the header', () => {
    expect(clean.header).toMatchObject({
      title: 'Jitter Adoption & Connection Pooling - File Tracking',
      project: 'Phase 3 - Retry & Connection Pooling',
      startDate: '2026-01-19',
      status: { status: 'in-progress', raw: '🟡 In Progress', each: false },
      progress: { done: 0, total: 76, percent: 0 },
      lastUpdated: '2026-01-19',
    });
  });

  it('has 76 slots across 6 categories, matching each declared count', () => {
    expect(clean.items).toHaveLength(76);
    expect(clean.categories.map((category) => [category.id, category.declaredCount])).toEqual([
      ['3.1.1', 2], ['3.1.2', 1], ['3.1.3', 18], ['3.2', 5], ['3.3', 30], ['3.4', 20],
    ]);
    for (const category of clean.categories) {
      expect(clean.items.filter((item) => item.categoryId === category.id)).toHaveLength(category.declaredCount ?? -1);
    }
    expect(clean.items.map((item) => item.id)).toEqual(Array.from({ length: 76 }, (_, index) => `file-${index + 1}`));
  });

  it('agrees with its own summary table: 0/76 claimed, 0/76 in the entries', () => {
    const total = clean.summary.find((row) => row.isTotal);
    expect(total).toMatchObject({ total: 76, completed: 0, remaining: 76, percent: 0 });
    expect(clean.items.filter((item) => item.status.status === 'done')).toHaveLength(0);
    expect(clean.summary.filter((row) => !row.isTotal).map((row) => row.categoryId)).toEqual(['3.1.1', '3.1.2', '3.1.3', '3.2', '3.3', '3.4']);
  });

  it('tracks processor_base.py and workflow_executor.py twice, as two items each', () => {
    const byPath = (path: string) => clean.items.filter((item) => item.path === path).map((item) => item.id);
    expect(byPath('data_processors/raw/processor_base.py')).toEqual(['file-1', 'file-27']);
    expect(byPath('orchestration/workflow_executor.py')).toEqual(['file-26', 'file-57']);
  });

  it('reads the three groups, their slots and what defines them', () => {
    expect(clean.groups.map((group) => [group.id, group.listedPaths.length, group.globs, group.vagueLines, group.commandIds])).toEqual([
      ['files-30-39', 10, ['orchestration/cloud_functions/*/main.py'], [], []],
      ['files-40-56', 0, [], [], ['cmd-1']],
      ['files-58-76', 5, ['backfill_jobs/scrapers/*'], ['~14 additional scraper files'], ['cmd-2']],
    ]);
    const slots = (groupId: string) => clean.items.filter((item) => item.groupId === groupId);
    expect(slots('files-30-39').map((item) => item.path)).toContain('orchestration/cloud_functions/self_heal/main.py');
    expect(slots('files-40-56').every((item) => item.path === null && item.status.each)).toBe(true);
    expect(slots('files-58-76').filter((item) => item.path === null)).toHaveLength(14);
  });

  it('reads line spans, imports and checklists', () => {
    const first = clean.items[0];
    expect(first?.lineSpans).toEqual([
      { kind: 'remove', start: 62, end: 78, label: '_is_serialization_conflict function', codeSpans: ['_is_serialization_conflict'], source: { startLine: 29, endLine: 29 } },
    ]);
    expect(clean.items[2]?.lineSpans.map((span) => [span.kind, span.start, span.end])).toEqual([
      ['modify', 32, 34], ['modify', 306, 343], ['modify', 417, 441],
    ]);
    expect(first?.importsToAdd).toEqual(['from shared.utils.bigquery_retry import is_serialization_error, SERIALIZATION_RETRY, QUOTA_RETRY']);
    expect(clean.items.find((item) => item.id === 'file-27')?.checklist[0]?.codeSpans).toEqual([
      'from google.cloud import bigquery',
      'from shared.clients.bigquery_pool import get_bigquery_client',
    ]);
  });

  it('resolves milestones to dates and categories', () => {
    expect(clean.milestones.map((milestone) => [milestone.title, milestone.startDate, milestone.endDate, milestone.target])).toEqual([
      ['Week 1', '2026-01-19', '2026-01-25', { done: 26, total: 76, percent: 34 }],
      ['Week 2', '2026-01-26', '2026-02-01', { done: 76, total: 76, percent: 100 }],
      ['Week 3', '2026-02-02', '2026-02-08', null],
    ]);
    expect(clean.milestones[0]?.tasks[0]?.categoryIds).toEqual(['3.1.1', '3.1.2', '3.1.3']);
  });

  it('reads every command with its label, and not the template', () => {
    expect(clean.commands.map((command) => [command.label, command.categoryId, command.groupId])).toEqual([
      ['Command to find', '3.3', 'files-40-56'],
      ['Command to find', '3.4', 'files-58-76'],
      ['Count completed files', null, null],
      ['Find remaining bigquery.Client() calls', null, null],
      ['Find remaining direct requests calls', null, null],
      ['Verify BigQuery pooling usage', null, null],
      ['Verify HTTP pooling usage', null, null],
    ]);
    expect(clean.items.some((item) => item.name === 'filename.py')).toBe(false);
  });
});
