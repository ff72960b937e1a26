/**
 * Drift inside the doc itself: the progress summary table (and header "Progress:") against the
 * entries, and heading counts ("(18 files)") against the slots listed under them.
 */
import type { TrackingDoc } from '../doc/model.js';
import type { Drift, SnapshotCategory } from '../snapshot/schema.js';
import { declaredStatusOf } from './declared.js';

/** summary-disagrees and declared-count-mismatch drift, from the doc and the category tallies. */
export function docDrift(doc: TrackingDoc, categories: readonly SnapshotCategory[]): Drift[] {
  return [...summaryDrift(doc, categories), ...headerDrift(doc, categories), ...countDrift(doc, categories)];
}

function summaryDrift(doc: TrackingDoc, categories: readonly SnapshotCategory[]): Drift[] {
  const out: Drift[] = [];
  for (const row of doc.summary) {
    const cats = row.isTotal ? categories : categories.filter((c) => c.id === row.categoryId);
    if (cats.length === 0) continue;
    const slots = sum(cats.map((c) => c.slots));
    const done = sum(cats.map((c) => c.declared.done));
    const expected: Array<[string, number | null, number]> = [
      ['total', row.total, slots],
      ['completed', row.completed, done],
      ['remaining', row.remaining, slots - done],
      ['in progress', row.inProgress, sum(cats.map((c) => c.declared.inProgress))],
      ['not started', row.notStarted, sum(cats.map((c) => c.declared.notStarted))],
    ];
    const wrong = expected.filter(([, said, actual]) => said !== null && said !== actual);
    const percent = slots > 0 ? (done / slots) * 100 : 0;
    if (row.percent !== null && Math.abs(row.percent - percent) > 1) wrong.push(['% complete', row.percent, Math.round(percent)]);
    if (wrong.length === 0) continue;
    out.push({
      kind: 'summary-disagrees',
      severity: 'warning',
      message: `The summary row "${row.label}" disagrees with the entries below it`,
      itemId: null,
      path: null,
      docLine: row.source.startLine,
      evidence: wrong.map(([what, said, actual]) => `${what}: table says ${said}, entries give ${actual}`).join('; '),
    });
  }
  return out;
}

/** The header's "Progress: 0/76 files" against the entries. */
function headerDrift(doc: TrackingDoc, categories: readonly SnapshotCategory[]): Drift[] {
  const progress = doc.header.progress;
  if (!progress || categories.length === 0) return [];
  const slots = sum(categories.map((c) => c.slots));
  const done = sum(categories.map((c) => c.declared.done));
  if (progress.done === done && progress.total === slots) return [];
  const lineIndex = doc.text.split('\n').findIndex((l) => /\*\*Progress:?\*\*/.test(l));
  return [{
    kind: 'summary-disagrees',
    severity: 'warning',
    message: `The header says ${progress.done}/${progress.total} files; the entries give ${done}/${slots}`,
    itemId: null,
    path: null,
    docLine: lineIndex >= 0 ? lineIndex + 1 : null,
    evidence: `${done} of ${slots} tracked files are declared complete`,
  }];
}

function countDrift(doc: TrackingDoc, categories: readonly SnapshotCategory[]): Drift[] {
  const out: Drift[] = [];
  for (const category of doc.categories) {
    const verdict = categories.find((c) => c.id === category.id);
    if (verdict && category.declaredCount !== null && category.declaredCount !== verdict.slots) {
      out.push(countMismatch(`"${category.title}" says ${category.declaredCount} files`, verdict.slots, category.source.startLine));
    }
    for (const sub of category.subgroups) {
      const items = doc.items.filter((i) => i.categoryId === category.id && i.subgroup === sub.title);
      if (sub.declaredCount !== null && sub.declaredCount !== items.length) {
        out.push(countMismatch(`"${sub.title}" says ${sub.declaredCount} files`, items.length, sub.source.startLine));
      }
      const done = items.filter((i) => declaredStatusOf(i, doc) === 'done').length;
      if (sub.completeMarker && done < items.length) {
        out.push({
          kind: 'summary-disagrees',
          severity: 'warning',
          message: `"${sub.title}" is marked complete but ${items.length - done} of its entries are not`,
          itemId: null,
          path: null,
          docLine: sub.source.startLine,
          evidence: `${done}/${items.length} entries declared complete`,
        });
      }
    }
  }
  return out;
}

function countMismatch(said: string, actual: number, docLine: number): Drift {
  return {
    kind: 'declared-count-mismatch',
    severity: 'warning',
    message: `${said} but lists ${actual}`,
    itemId: null,
    path: null,
    docLine,
    evidence: `${actual} file entries (group slots included) under the heading`,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
