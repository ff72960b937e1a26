/**
 * Spec folder: every doc in tests/fixtures/docs is parsed and its full model pinned in
 * __snapshots__/<name>.model.json (review those by eye when they change).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';
import { FIXTURES, fixtureBytes, snapshotOf } from './helpers.js';

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();

describe('fixture docs', () => {
  it('has the seed and at least three variants', () => {
    expect(fixtures).toContain('seed-mojibake.md');
    expect(fixtures.filter((name) => name.startsWith('variant-')).length).toBeGreaterThanOrEqual(3);
  });

  for (const name of fixtures) {
    it(`pins the model of ${name}`, async () => {
      const doc = parseTrackingDoc(fixtureBytes(name), `docs/${name}`);
      expect(TrackingDoc.safeParse(doc).success).toBe(true);
      await expect(snapshotOf(doc)).toMatchFileSnapshot(`./__snapshots__/${name.replace(/\.md$/, '')}.model.json`);
    });
  }
});
