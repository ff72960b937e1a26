/**
 * Spec folder for the generic readers (issue 17): each doc in tests/doc/styles is written in one
 * style of tracking doc, and <name>.expected.json beside it says, by hand, what a person reads in
 * it: every item with its status, category, path and the reader that should claim it, and the
 * exact text of the status span (what `migratrack sync` would rewrite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';

const DIR = path.join(import.meta.dirname, 'styles');
const styles = readdirSync(DIR).filter((name) => name.endsWith('.md')).sort();

interface Expected {
  categories: string[];
  items: Array<{ name: string; status: string; category: string; path: string | null; reader: string; mark: string | null; renameTo?: string; progress?: string }>;
  diagnostics?: string[];
}

function reading(doc: TrackingDoc): Expected {
  const titles = new Map(doc.categories.map((category) => [category.id, category.title]));
  return {
    categories: doc.categories.map((category) => category.title),
    items: doc.items.map((item) => ({
      name: item.name,
      status: item.status.status,
      category: titles.get(item.categoryId) ?? `?${item.categoryId}`,
      path: item.path,
      reader: item.reading?.reader ?? 'seed',
      mark: item.reading?.statusSpan?.text ?? null,
      ...(item.reading?.renameTo ? { renameTo: item.reading.renameTo } : {}),
      ...(item.reading?.progress ? { progress: `${item.reading.progress.done}/${item.reading.progress.total}` } : {}),
    })),
  };
}

describe('tracking doc styles', () => {
  it('covers at least ten styles', () => {
    expect(styles.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of styles) {
    it(`reads ${name} as a person would`, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(DIR, name.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
      const doc = parseTrackingDoc(text, `docs/${name}`);
      expect(TrackingDoc.safeParse(doc).success).toBe(true);
      const { diagnostics, ...want } = expected;
      expect(reading(doc)).toEqual(want);
      for (const code of diagnostics ?? []) expect(doc.diagnostics.map((d) => d.code)).toContain(code);
    });

    it(`gives ${name}'s status spans exactly`, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const doc = parseTrackingDoc(text, `docs/${name}`);
      const lines = doc.text.split('\n');
      for (const item of doc.items) {
        const span = item.reading?.statusSpan;
        if (!span) continue;
        expect(doc.text.slice(span.start, span.end)).toBe(span.text);
        expect(lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1)).toBe(span.text);
      }
    });
  }
});
