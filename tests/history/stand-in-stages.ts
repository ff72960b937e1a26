/**
 * Deliberately simple stand-ins for the parser, scanner and verifier, to test the backfill's
 * machinery (replay, sampling, reuse, edge cases) on its own. The real stages are tested in
 * backfill-demo.test.ts.
 */
import type { TrackingDoc } from '../../src/lib/doc/model.js';
import type { HistoryStages } from '../../src/lib/history/index.js';

/** A doc of lines "item <id> <category> <status>", plus "start YYYY-MM-DD". */
export function parseLines(bytes: Buffer, path: string): TrackingDoc {
  const lines = bytes.toString('utf8').split('\n');
  const items = lines.flatMap((line) => {
    const m = /^item (\S+) (\S+) (\S+)$/.exec(line);
    return m ? [{ id: m[1], categoryId: m[2], status: { status: m[3], raw: m[3] ?? '', each: false } }] : [];
  });
  const start = lines.map((l) => /^start (\S+)$/.exec(l)?.[1]).find(Boolean) ?? null;
  return { path, header: { startDate: start }, items, categories: [], milestones: [] } as unknown as TrackingDoc;
}

/** Counts lines containing `metric.command` (a fixed string) in every file: a trivial "grep -r | wc -l". */
export const standInStages: HistoryStages = {
  parseDoc: parseLines,
  async evaluateMetric(metric, tree) {
    let count = 0;
    for (const path of tree.paths) {
      const bytes = await tree.read(path);
      if (bytes === null) continue;
      count += bytes.toString('utf8').split('\n').filter((line) => line.includes(metric.command)).length;
    }
    return count;
  },
  async verify(doc, tree) {
    // "Detected done" when a file named after the item contains "migrated".
    const items = await Promise.all(doc.items.map(async (item) => {
      const bytes = tree.paths.includes(`${item.id}.py`) ? await tree.read(`${item.id}.py`) : null;
      return { itemId: item.id, detectedStatus: bytes?.toString('utf8').includes('migrated') ? 'done' : 'not-started' };
    }));
    const ids = [...new Set(doc.items.map((i) => i.categoryId))];
    const categories = ids.map((id) => {
      const mine = doc.items.filter((i) => i.categoryId === id);
      return {
        id,
        slots: mine.length,
        declared: { done: mine.filter((i) => i.status.status === 'done').length },
        verified: { done: items.filter((v) => v.detectedStatus === 'done' && mine.some((i) => i.id === v.itemId)).length },
      };
    });
    return { items, categories };
  },
};
