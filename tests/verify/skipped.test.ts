/** `skipped` items (n/a, won't do, `[-]`) are left out of every denominator (issue 17). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { Snapshot } from '../../src/lib/snapshot/schema.js';
import { assembleSnapshot, verifyDoc } from '../../src/lib/verify/index.js';
import { memTree } from './helpers.js';

const text = readFileSync(path.join(import.meta.dirname, '../doc/styles/02-gfm-extra-marks.md'), 'utf8');
const repo = { root: '/tmp/repo', commit: 'abc123', isGit: true, webUrl: null, host: null };

describe('skipped items', () => {
  it('count in no category slots nor the totals', async () => {
    const doc = parseTrackingDoc(text, 'docs/T.md');
    const statuses = doc.items.map((item) => item.status.status);
    expect(statuses.filter((status) => status === 'skipped')).toHaveLength(1);
    const verification = await verifyDoc(doc, memTree({}));
    const [category] = verification.categories;
    expect(category?.slots).toBe(doc.items.length - 1);
    expect(category?.declared).toMatchObject({ done: 3, skipped: 1 });
    const snapshot = assembleSnapshot({ doc, repo, docCommit: 'def', metrics: [], verification, generatedAt: '2026-02-08T00:00:00.000Z' });
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot.totals).toMatchObject({ slots: doc.items.length - 1, declaredDone: 3 });
    expect(snapshot.items.find((item) => item.declaredStatus === 'skipped')?.name).toBe('Keep the hash router for the admin app');
  });
});
