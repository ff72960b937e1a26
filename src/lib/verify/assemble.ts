/**
 * assembleSnapshot: the verify stage's output, the doc, the metric results and the history
 * stage's series put together into the snapshot every renderer reads. Built to its type, not
 * validated here: whatever writes or prints it validates it, once (snapshot/checked.ts).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { TrackingDoc } from '../doc/model.js';
import { nounOf } from '../snapshot/figures.js';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type Snapshot,
  type ItemStatus,
  type SnapshotItem,
  type SnapshotMetric,
} from '../snapshot/schema.js';
import { declaredStatusOf, declaredStatusTextOf } from './declared.js';
import type { ItemEvaluation, VerifyResult } from './types.js';
import { itemUrl, metricUrl } from './urls.js';

/** A metric as the pipeline computed it (the snapshot adds its url). */
export type MetricInput = Omit<SnapshotMetric, 'url'>;

/** Metric pages list at most this many matches. */
export const MAX_METRIC_MATCHES = 500;

/** Everything the snapshot is made of. */
export interface AssembleInput {
  doc: TrackingDoc;
  repo: Snapshot['repo'];
  /** Commit the doc was read at, when it came from git. */
  docCommit: string | null;
  metrics: readonly MetricInput[];
  verification: VerifyResult;
  /** Diagnostics from other stages (config, scan, history); the doc's own are added here. */
  diagnostics?: readonly Diagnostic[];
  milestones?: Snapshot['milestones'];
  burndown?: Snapshot['burndown'];
  /** ISO timestamp; passed in so tests and reproducible builds can fix it. */
  generatedAt: string;
}

/** Builds the snapshot (tests/verify/assemble.test.ts holds it to its schema). */
export function assembleSnapshot(input: AssembleInput): Snapshot {
  const { doc, verification } = input;
  const evaluations = new Map(verification.items.map((e) => [e.itemId, e]));
  const items = doc.items.map((item) => snapshotItem(item, evaluations.get(item.id), doc));
  linkSameFile(items);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    repo: input.repo,
    doc: {
      path: doc.path,
      title: doc.header.title,
      project: doc.header.project,
      startDate: doc.header.startDate,
      commit: input.docCommit,
      repairedFrom: doc.encoding.repairedFrom,
      text: doc.text,
    },
    totals: {
      // Items declared skipped are out of every denominator.
      slots: items.filter((i) => i.declaredStatus !== 'skipped').length,
      declaredDone: items.filter((i) => i.declaredStatus === 'done').length,
      verifiedDone: items.filter((i) => i.detectedStatus === 'done').length,
      noun: nounOf(items),
    },
    categories: verification.categories.map((c) => ({ ...c, noun: nounOf(items.filter((i) => i.category === c.id)) })),
    items,
    metrics: input.metrics.map((m) => ({ ...m, matches: m.matches.slice(0, MAX_METRIC_MATCHES), url: metricUrl(m.id) })),
    drift: verification.drift,
    diagnostics: [...doc.diagnostics, ...verification.diagnostics, ...(input.diagnostics ?? [])],
    milestones: input.milestones ?? [],
    burndown: input.burndown ?? null,
  };
}

function snapshotItem(item: TrackingDoc['items'][number], evaluation: ItemEvaluation | undefined, doc: TrackingDoc): SnapshotItem {
  const path = evaluation?.path ?? item.path;
  return {
    id: item.id,
    number: item.number,
    category: item.categoryId,
    subgroup: item.subgroup,
    name: item.name,
    path,
    declaredStatus: declaredStatusOf(item, doc) satisfies ItemStatus,
    declaredStatusText: declaredStatusTextOf(item, doc),
    detectedStatus: evaluation?.detectedStatus ?? 'unknown',
    url: itemUrl({ id: item.id, number: item.number, path }),
    docLine: item.source.startLine,
    updatedBy: item.updatedBy,
    date: item.date,
    checks: evaluation?.checks ?? [],
    remaining: evaluation?.remaining ?? [],
    renamedTo: evaluation?.renamedTo ?? null,
    checklist: item.checklist.map((c) => ({ text: c.text, checked: c.checked, docLine: c.source.startLine })),
    fields: item.fields.map((f) => ({ key: f.key, value: f.value, children: f.children })),
    sameFileItems: [],
    groupId: item.groupId,
    summary: evaluation?.summary ?? 'not verified',
  };
}

/** processor_base.py is File 1 and File 27: each lists the other. */
function linkSameFile(items: SnapshotItem[]): void {
  const byPath = new Map<string, SnapshotItem[]>();
  for (const item of items) if (item.path !== null) byPath.set(item.path, [...(byPath.get(item.path) ?? []), item]);
  for (const group of byPath.values()) {
    for (const item of group) item.sameFileItems = group.filter((other) => other !== item).map((other) => other.id);
  }
}
