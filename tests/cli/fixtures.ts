/**
 * Schema-valid snapshots for the CLI tests, built from a few fields. Each is validated with the
 * real Snapshot schema, so a fixture can never drift from the contract the commands read.
 */
import { Snapshot, type Match, type SnapshotItem, type SnapshotMetric } from '../../src/lib/snapshot/schema.js';

export function match(path: string, line: number, text: string): Match {
  return { path, line, text, before: [], after: [] };
}

export function metric(id: string, value: number | null, matches: Match[] = [], extra: Partial<SnapshotMetric> = {}): SnapshotMetric {
  const byFile = new Map<string, number>();
  for (const m of matches) byFile.set(m.path, (byFile.get(m.path) ?? 0) + 1);
  return {
    id,
    label: `${id} calls`,
    command: null,
    unit: 'lines',
    value,
    error: value === null ? 'grep: invalid pattern' : null,
    better: 'lower',
    categoryId: null,
    source: 'config',
    docLine: null,
    byFile: [...byFile].map(([path, count]) => ({ path, count })),
    byDirectory: [],
    matches,
    url: `metrics/${id}/`,
    ...extra,
  };
}

export function item(id: string, path: string | null, declared: SnapshotItem['declaredStatus'], detected: SnapshotItem['detectedStatus'], remaining: Match[] = []): SnapshotItem {
  return {
    id,
    number: Number(id.replace(/\D/g, '')) || null,
    category: '3.3',
    subgroup: null,
    name: path === null ? 'unresolved slot' : (path.split('/').pop() ?? path),
    path,
    declaredStatus: declared,
    declaredStatusText: declared,
    detectedStatus: detected,
    url: `files/${path ?? id}/`,
    docLine: 40,
    updatedBy: null,
    date: null,
    checks: [],
    remaining,
    renamedTo: null,
    checklist: [],
    fields: [],
    sameFileItems: [],
    // An item without a path here stands for a group's unresolved slot, as in a seed-family doc.
    groupId: path === null ? 'group-1' : null,
  };
}

export function snapshot(parts: { metrics?: SnapshotMetric[]; items?: SnapshotItem[]; drift?: Snapshot['drift']; commit?: string | null } = {}): Snapshot {
  const items = parts.items ?? [];
  const declaredDone = items.filter((i) => i.declaredStatus === 'done').length;
  const verifiedDone = items.filter((i) => i.detectedStatus === 'done').length;
  return Snapshot.parse({
    schemaVersion: 1,
    generatedAt: '2026-02-08T12:00:00.000Z',
    repo: { root: '/repo', commit: parts.commit === undefined ? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' : parts.commit, isGit: true, webUrl: null, host: null },
    doc: { path: 'docs/TRACKING.md', title: 'Jitter Adoption & Connection Pooling', project: null, startDate: '2026-01-19', commit: null, repairedFrom: null },
    totals: { slots: items.length, declaredDone, verifiedDone },
    categories: [
      {
        id: '3.3',
        title: 'BigQuery Pooling',
        slots: items.length,
        declared: { done: declaredDone, inProgress: 0, notStarted: items.length - declaredDone, blocked: 0, unknown: 0 },
        verified: { done: verifiedDone, partial: 0, notStarted: items.length - verifiedDone, missing: 0, unknown: 0 },
        remaining: { calls: items.reduce((n, i) => n + i.remaining.length, 0), files: items.filter((i) => i.remaining.length > 0).length, what: 'bigquery.Client(' },
        url: 'categories/3.3/',
        docLine: 30,
      },
    ],
    items,
    metrics: parts.metrics ?? [],
    drift: parts.drift ?? [],
    diagnostics: [],
    milestones: [],
    burndown: null,
  });
}
