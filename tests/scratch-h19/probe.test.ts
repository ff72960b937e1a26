import { it } from 'vitest';
import { statusSpansOf } from '../../src/lib/doc/index.js';
import { fixtureDocs, flipped, syncBytes, declaredOf } from '../sync/helpers.js';
it('probe', () => {
  for (const { name, bytes } of fixtureDocs()) {
    const base = syncBytes(name, bytes, new Map());
    const run = syncBytes(name, bytes, flipped(base.doc));
    const spans = statusSpansOf(base.doc);
    const decl = declaredOf(base.doc);
    console.log(`\n=== ${name}: ${base.doc.items.length} items`);
    const kinds = new Map<string, number>();
    for (const item of base.doc.items) { const k = `${item.reading?.reader ?? 'seed'}/${item.reading?.statusFrom ?? (item.groupId ? 'slot' : 'field')}:${decl.get(item.id)}`; kinds.set(k, (kinds.get(k) ?? 0) + 1); }
    console.log([...kinds].map(([k, n]) => `${k}×${n}`).join(' '));
    for (const left of run.plan.leftAlone) console.log(`  left ${left.line} ${left.name}: ${left.declared}->${left.verified}: ${left.why}`);
  }
});
