/** snapshot/figures.ts: the words and numbers the site and the summaries share (issue 18 item 7). */
import { describe, expect, it } from 'vitest';
import { callsLeftText, callsWhat, categoryFigures, plural } from '../../src/lib/snapshot/figures.js';
import { siteData } from './helpers.js';

describe('shared figures', () => {
  it('puts nouns in the number of their count', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file'), plural(1, 'match', 'matches'), plural(3, 'match', 'matches')]).toEqual(['0 files', '1 file', '2 files', '1 match', '3 matches']);
    expect(callsWhat('`bigquery.Client(`', 1)).toBe('`bigquery.Client(` call');
    expect(callsWhat('`bigquery.Client(` calls', 1)).toBe('`bigquery.Client(` call');
    expect(callsWhat('`a(`, `b(`', 2)).toBe('`a(`, `b(` calls');
    expect(callsWhat('', 1)).toBe('call');
    expect(callsLeftText({ calls: 1, callFiles: 1, what: callsWhat('`x(`', 1) })).toBe('1 `x(` call in 1 file');
  });

  it('counts each category’s files left from its items’ remaining lines, most first', () => {
    const { snapshot } = siteData();
    for (const c of snapshot.categories) {
      const f = categoryFigures(snapshot, c);
      const lines = new Set(snapshot.items.filter((i) => i.category === c.id).flatMap((i) => i.remaining.map((m) => `${m.path}:${m.line}`)));
      expect(f.filesLeft.reduce((n, x) => n + x.count, 0)).toBe(lines.size);
      expect(f.filesLeft.map((x) => x.count)).toEqual([...f.filesLeft.map((x) => x.count)].sort((a, b) => b - a));
      expect(f.filesRemaining).toBe(c.slots - c.verified.done);
    }
  });
});
