/**
 * Declared summaries of a generically read doc (issue 17): the doc's own claims about its progress
 * are read apart from its items, and verify reports each disagreement as drift.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { fsTree } from '../../src/lib/scan/index.js';
import { verifyDoc } from '../../src/lib/verify/index.js';

const DOC = `# Port

**Status:** 1/3 files done

## Api (\`src/api.ts\`)

- ✅ \`a\`
- ❌ \`b\`

**Status**: ⚠️ 1/2 functions (50%)

## Logging

Status: 0/616 console.* calls replaced (0 files completed)

- [ ] src/log.ts

## Progress

**Total**: 4
**Completed**: 2
**In Progress**: 0
`;

const root = mkdtempSync(path.join(tmpdir(), 'summaries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('declared summaries', () => {
  const doc = parseTrackingDoc(DOC, 'docs/T.md');

  it('reads fractions, file counts and count fields, each with the category it speaks for', () => {
    const rows = doc.summary.map((row) => ({ label: row.label, categoryId: row.categoryId, isTotal: row.isTotal, total: row.total, completed: row.completed, inProgress: row.inProgress, percent: row.percent, line: row.source.startLine }));
    expect(rows).toEqual([
      { label: 'Status: 1/3 files done', categoryId: null, isTotal: true, total: 3, completed: 1, inProgress: null, percent: null, line: 3 },
      { label: 'Status: ⚠️ 1/2 functions (50%)', categoryId: 'api-src-api-ts', isTotal: false, total: 2, completed: 1, inProgress: null, percent: 50, line: 10 },
      // 616 counts calls, not items: only the "(0 files completed)" is compared.
      { label: 'Status: 0/616 console.* calls replaced (0 files completed)', categoryId: 'logging', isTotal: false, total: null, completed: 0, inProgress: null, percent: null, line: 14 },
      { label: 'Total / Completed / In Progress', categoryId: null, isTotal: true, total: 4, completed: 2, inProgress: 0, percent: null, line: 20 },
    ]);
  });

  it('turns each disagreement with the items into a drift entry', async () => {
    const result = await verifyDoc(doc, fsTree(root), {});
    const drift = result.drift.filter((entry) => entry.kind === 'summary-disagrees').map((entry) => `${entry.docLine}: ${entry.evidence}`);
    // The header's 1/3 and the Api's 1/2 agree with the items; the count fields do not.
    expect(drift).toEqual(['20: total: table says 4, entries give 3; completed: table says 2, entries give 1']);
  });
});

describe('count checks name generic categories as the doc does', () => {
  it('by heading title, counting items (not files) when they have no path', () => {
    const doc = parseTrackingDoc('# Cleanup\n\n## Router (3 files)\n\n- [x] Remove the old router\n- [ ] Drop the polyfills\n\n## Paths (2 files)\n\n- [x] `src/a.ts`\n', 'doc.md');
    const counts = doc.diagnostics.filter((entry) => entry.code === 'doc/count-mismatch').map((entry) => [entry.line, entry.message]);
    expect(counts).toEqual([
      [3, '"Router" declares 3 but lists 2 items.'],
      [8, '"Paths" declares 2 but lists 1 file.'],
    ]);
  });
});
