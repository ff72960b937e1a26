/** `migratrack explain`'s text: each item with its line, reader and status source; then what was not read. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainDoc, parseTrackingDoc } from '../../src/lib/doc/index.js';

const style = (name: string): string => readFileSync(path.join(import.meta.dirname, 'styles', name), 'utf8');

describe('explainDoc', () => {
  it('names the reader, the status source and its span for each item', () => {
    const lines = explainDoc(parseTrackingDoc(style('09-legend-overrides.md'), 'docs/T.md'));
    expect(lines[0]).toBe('docs/T.md: 5 items in 2 categories (read by task-line 3, status-line 2)');
    const b = lines.findIndex((line) => line.includes('test/unit/b.test.js'));
    expect(lines[b]).toMatch(/^ {2}line 12 +task-line +not-started test\/unit\/b\.test\.js {2}→ test\/unit\/b\.test\.js$/);
    expect(lines[b + 1]).toBe('             status from its leading mark "⏳" at 12:7-8, meaning from the doc\'s legend');
  });

  it('lists what looks like an item but was not read, and why', () => {
    const lines = explainDoc(parseTrackingDoc(style('14-not-items.md'), 'docs/T.md'));
    const start = lines.indexOf('Not read as items (5):');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1)).toEqual([
      '  line 16    "Completed": it is under "Status Legend", a legend',
      '  line 17    "In Progress": it is under "Status Legend", a legend',
      '  line 21    "No console calls left": it is under "Success Criteria", the doc\'s success criteria',
      '  line 22    "Logs are structured": it is under "Success Criteria", the doc\'s success criteria',
      '  line 31    "Timestamps drift on Windows": it is under "Known Issues", an issue list',
    ]);
  });

  it('says how a seed-family doc was read too', () => {
    const doc = parseTrackingDoc('# T\n\n## Task 1: Move\n\n### File 1: a.py\n- **Path:** `a.py`\n- **Status:** ✅ Complete\n', 'docs/T.md');
    const lines = explainDoc(doc);
    expect(lines[0]).toBe('docs/T.md: 1 item in 1 category (read by seed 1)');
    expect(lines).toContain('             status from its Status field "✅ Complete"');
  });
});
