/**
 * Verification for any doc (issue 17): a config metric pattern makes every item of a generically
 * read doc that has a path a "must be gone" check on its file, so a plain checklist gets verified
 * figures. The oracle for what is left is GNU grep on the same files.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { fsTree } from '../../src/lib/scan/index.js';
import { configCategoryPatterns, verifyDoc } from '../../src/lib/verify/index.js';
import { grep, writeTemp } from './helpers.js';

const FILES: Record<string, string> = {
  'src/a.ts': 'logger.info("x");\n',
  'src/b.ts': 'console.log(1);\nconst y = 2; console.error(y);\n',
  'src/c.ts': 'export const c = 1;\n',
};
const root = writeTemp(FILES);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DOC = '# Logging\n\n## High\n\n- [x] src/a.ts\n- [x] src/b.ts\n\n## Low\n\n- [ ] src/c.ts\n- [ ] src/gone.ts\n- [ ] Tell the team\n';
const metric = (category?: string) => ({ id: 'console', name: 'console.* calls', pattern: 'console\\.', flavour: 'basic' as const, ignoreCase: false, better: 'lower' as const, ...(category ? { category } : {}) });

describe('a config metric verifies the items of any doc', () => {
  it('marks each item done when the pattern is gone from its file, as grep sees it', async () => {
    const doc = parseTrackingDoc(DOC, 'docs/T.md');
    const result = await verifyDoc(doc, fsTree(root), { categoryPatterns: configCategoryPatterns([metric()], []) });
    const status = new Map(result.items.map((e) => [doc.items.find((i) => i.id === e.itemId)?.path ?? e.itemId, e.detectedStatus]));
    const left = new Set(grep(['-l', 'console\\.', 'src/a.ts', 'src/b.ts', 'src/c.ts'], root));
    expect(left).toEqual(new Set(['src/b.ts']));
    expect(status.get('src/a.ts')).toBe('done');
    expect(status.get('src/b.ts')).not.toBe('done');
    expect(status.get('src/c.ts')).toBe('done');
    expect(status.get('src/gone.ts')).toBe('missing');
    const b = result.items.find((e) => doc.items.find((i) => i.id === e.itemId)?.path === 'src/b.ts');
    expect(b?.remaining.map((m) => m.line)).toEqual(grep(['-n', 'console\\.', 'src/b.ts'], root).map((l) => Number(l.split(':')[0])));
    // The declared-vs-verified drift: b is declared done but still calls console.
    expect(result.drift.some((d) => d.message.includes('src/b.ts') || d.itemId === b?.itemId)).toBe(true);
  });

  it('leaves the seed family alone unless the metric says "*"', async () => {
    const seed = parseTrackingDoc('# T\n\n## Task 1: Logs\n\n### File 1: b\n- **Path:** `src/b.ts`\n- **Status:** ✅ Complete\n', 'docs/T.md');
    const plain = await verifyDoc(seed, fsTree(root), { categoryPatterns: configCategoryPatterns([metric()], []) });
    expect(plain.items[0]?.checks.some((c) => c.kind === 'metric-zero')).toBe(false);
    const every = await verifyDoc(seed, fsTree(root), { categoryPatterns: configCategoryPatterns([metric('*')], []) });
    expect(every.items[0]?.checks.some((c) => c.kind === 'metric-zero' && c.passed === false)).toBe(true);
  });
});
