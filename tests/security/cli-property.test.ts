/**
 * The CLI end to end on generated hostile docs (fixed seed; `FUZZ=1` runs many more): whatever the
 * doc says, `scan` ends with exit 0 and a valid snapshot or exit 2 and one line — never a stack,
 * never a shell, never a byte from outside the repository.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET, initRepo, scanJson, workspace } from './fixtures/workspace.js';

const RUNS = process.env.FUZZ === '1' ? 60 : 4;

describe('scan on generated hostile docs', () => {
  it('never crashes, runs nothing, leaks nothing', async () => {
    const ws = workspace();
    initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': '# t\n' });
    const fragment = fc.constantFrom(
      '### File 1: a.py', '#### Files 2-4: group', '- **Path:** `src/a.py`', '- **Path:** `../secret.txt`', `- **Path:** \`${'/'}etc/passwd\``,
      '- **Status:** ✅ Complete', '- **Status:** ???', '## Task 1: X (3 files)', '```bash', '```', '<script>alert(1)</script>',
      `grep -r "$(touch ${ws.marker})" .`, `grep -r x . | sh`, `grep -r x . > ${ws.marker}`, 'grep -rE "(a*)*b" . | wc -l', 'grep -r "(" .',
      '- [x] done', '  - nested', '\u00e2\u0153\u2026 Complete', '\r', '\0', '\uFEFF', '| a | b |', '|---|---|', '**Start Date:** January 19, 2026',
    );
    const doc = fc.array(fc.oneof(fragment, fc.string({ maxLength: 40 })), { maxLength: 40 }).map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(doc, async (text) => {
        writeFileSync(path.join(ws.repo, 'TRACKING.md'), text);
        const r = await scanJson(ws, 'TRACKING.md', ['--no-backfill']);
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(existsSync(ws.marker)).toBe(false);
        expect(r.stdout).not.toContain(SECRET);
      }),
      { seed: 20260119, numRuns: RUNS },
    );
  }, 600_000);
});
