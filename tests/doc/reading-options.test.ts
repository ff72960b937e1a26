/** Config `reading` (issue 17): corrections to the generic readers' guesses, validated like every key. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/index.js';
import { parseTrackingDoc, type ReadingOptions } from '../../src/lib/doc/index.js';
import { tempDir, writeFiles } from '../cli/helpers.js';

const style = (name: string): string => readFileSync(path.join(import.meta.dirname, 'styles', name), 'utf8');
const read = (text: string, reading: ReadingOptions) => parseTrackingDoc(text, 'docs/T.md', reading);

describe('reading options', () => {
  it('runs only the readers named', () => {
    const doc = read(style('10-renames-and-paths.md'), { readers: ['table-row'] });
    expect(doc.items.map((item) => item.reading?.reader)).toEqual(['table-row', 'table-row']);
  });

  it('takes the categories from the heading level named', () => {
    const text = '# Plan\n\n## Backend\n\n### API\n\n- [ ] a\n\n### DB\n\n- [x] b\n\n## Frontend\n\n- [ ] c\n';
    expect(read(text, {}).categories.map((category) => category.title)).toEqual(['Backend', 'Frontend']);
    expect(read(text, { categoryLevel: 3 }).categories.map((category) => category.title)).toEqual(['API', 'DB', 'Other']);
  });

  it('reads extra status words and marks', () => {
    const text = '# Tests\n\n| File | Status |\n|---|---|\n| `a.ts` | keep as legacy |\n| `b.ts` | ported |\n\n- 🔕 `c.ts`\n';
    const plain = read(text, {});
    expect(plain.items.map((item) => item.status.status)).toEqual(['unknown', 'unknown']);
    const doc = read(text, { statusWords: { skipped: ['keep as legacy', '🔕'], done: ['ported'] } });
    expect(doc.items.map((item) => [item.path, item.status.status])).toEqual([['a.ts', 'skipped'], ['b.ts', 'done'], ['c.ts', 'skipped']]);
  });

  it('skips the sections named', () => {
    const doc = read(style('11-nested-substeps.md'), { ignoreSections: ['config'] });
    expect(doc.categories.map((category) => category.title)).toEqual(['Widgets', 'Services']);
    expect(doc.unread?.some((entry) => /reading\.ignoreSections/.test(entry.why))).toBe(true);
  });

  it('refuses a bad reading config with one line per problem', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'migratrack.config.json': JSON.stringify({ doc: 'T.md', reading: { categoryLevel: 9, readers: ['guess'], statusWords: { finished: ['x'] } } }) });
    const error = await loadConfig(dir).then(() => null, (caught: unknown) => caught as Error);
    expect(error?.message).toMatch(/reading\.readers\[0\]:/);
    expect(error?.message).toMatch(/reading\.categoryLevel: expected a heading level from 1 to 6/);
    expect(error?.message).toMatch(/reading\.statusWords/);
  });
});
