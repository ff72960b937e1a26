import { it } from 'vitest';
import { unifiedDiff } from '../../src/lib/sync/index.js';
import { fixtureDocs, flipped, syncBytes } from '../sync/helpers.js';
it('diff', () => {
  for (const { name, bytes } of fixtureDocs().filter((d) => (process.env.ONLY ?? '').split(',').includes(d.name))) {
    const base = syncBytes(name, bytes, new Map());
    const run = syncBytes(name, bytes, flipped(base.doc));
    console.log(unifiedDiff(name, bytes, run.after));
    console.log(JSON.stringify(run.plan.moves), run.plan.leftAlone.map((l) => `${l.line}: ${l.why}`));
  }
});
