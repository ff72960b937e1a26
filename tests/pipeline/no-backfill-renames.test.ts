/**
 * `--no-backfill` still knows where moved files went (issue 22 item 6): on the demo repo, each
 * rename the generator planted shows as "renamed to" its new path, exactly as with a backfill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import { buildSnapshot } from '../../src/lib/pipeline/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { buildOptions, freshDemo, quietLogger, removeTempDirs, tempDir } from './helpers.js';

let info: DemoRepoInfo;
let snapshot: Snapshot;
beforeAll(async () => {
  const work = tempDir();
  info = await freshDemo(work);
  ({ snapshot } = await buildSnapshot(buildOptions(work, info.root, info.docPath, { backfill: false }), quietLogger(work)));
}, 300_000);
afterAll(removeTempDirs);

describe('renames without a backfill', () => {
  it('shows each planted rename under its new path', () => {
    const renames = info.drift.filter((d) => d.kind === 'renamed');
    expect(renames.length).toBeGreaterThan(0);
    for (const c of renames) {
      const item = snapshot.items.find((i) => i.number === c.itemNumber)!;
      expect({ path: item.path, renamedTo: item.renamedTo }).toEqual({ path: c.path, renamedTo: c.details.newPath });
    }
  });

  it('claims no rename for a file that is simply missing', () => {
    const planted = new Set(info.drift.filter((d) => d.kind === 'renamed').map((d) => d.path));
    const others = snapshot.items.filter((i) => i.renamedTo !== null && !planted.has(i.path ?? ''));
    expect(others).toEqual([]);
  });
});
