/**
 * The in-place parse (src/lib/schema-check.ts) against zod's own parse: it must say yes exactly when
 * zod's parse succeeds with a copy equal to the value (same keys, same order), and leave the value
 * equal to that copy, a tree. Then the doc stage: every fixture's model takes the in-place path and
 * shares no object with another parse (zod's copy never did).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/v4';
import { parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';
import { inPlaceParser } from '../../src/lib/schema-check.js';
import { Count, Int, PositiveInt } from '../../src/lib/schema-numbers.js';
import { CLEAN_SEED, FIXTURES } from './helpers.js';

const Range = z.object({ startLine: Count, endLine: PositiveInt });
const Sample = z.object({
  name: z.string(),
  kind: z.enum(['a', 'b']),
  count: Int.nullable(),
  flag: z.boolean(),
  ratio: z.union([z.number(), z.literal([Infinity, -Infinity])]),
  even: z.number().refine((value) => value % 2 === 0, 'even'),
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.string()),
  range: Range,
  ranges: z.array(Range),
  extra: Range.nullable().optional(),
});

const parse = inPlaceParser(Sample)!;

function valid(): Record<string, unknown> {
  return { name: 'x', kind: 'a', count: 3, flag: true, ratio: Infinity, even: 4, tags: ['t'], fields: { k: 'v' }, range: { startLine: 0, endLine: 1 }, ranges: [{ startLine: 2, endLine: 3 }] };
}

describe('inPlaceParser', () => {
  it('accepts a valid value as it stands: the same object, equal to zod\'s copy', () => {
    const value = valid();
    const copy = Sample.parse(value);
    expect(parse(value)).toBe(true);
    expect(JSON.stringify(value)).toBe(JSON.stringify(copy));
  });

  it('refuses what zod refuses, strips or reorders', () => {
    const cases: Array<[string, (value: Record<string, unknown>) => void]> = [
      ['a wrong leaf', (value) => (value.name = 1)],
      ['a failed .int()', (value) => (value.count = 1.5)],
      ['a failed .positive()', (value) => ((value.range as Record<string, unknown>).endLine = 0)],
      ['a failed refine', (value) => (value.even = 3)],
      ['NaN', (value) => (value.ratio = Number.NaN)],
      ['a value outside the enum', (value) => (value.kind = 'c')],
      ['a missing key', (value) => delete value.flag],
      ['an unknown key (zod strips it)', (value) => (value.other = 1)],
      ['an unknown key deep down', (value) => ((value.ranges as Array<Record<string, unknown>>)[0]!.other = 1)],
      ['keys out of the shape\'s order', (value) => { const { name } = value; delete value.name; value.name = name; }],
      ['a symbol key in a record', (value) => ((value.fields as Record<symbol, string>)[Symbol('s')] = 'v')],
    ];
    for (const [what, change] of cases) {
      const value = valid();
      change(value);
      const zodAgrees = Sample.safeParse(value).success && JSON.stringify(Sample.parse(value)) === JSON.stringify(value);
      expect(zodAgrees, what).toBe(false);
      expect(parse(value), what).toBe(false);
    }
  });

  it('refuses a class instance where zod would give a plain object', () => {
    const value = valid();
    value.range = Object.assign(new (class Range {})(), { startLine: 0, endLine: 1 });
    expect(Object.getPrototypeOf(Sample.parse(value).range)).toBe(Object.prototype);
    expect(parse(value)).toBe(false);
  });

  it('keeps an optional key only where the value has it, as zod does', () => {
    const absent = valid();
    const present = { ...valid(), extra: undefined };
    expect(parse(absent)).toBe(true);
    expect(parse(present)).toBe(true);
    expect('extra' in absent).toBe(false);
    expect(Object.keys(present)).toEqual(Object.keys(Sample.parse(present)));
  });

  it('replaces an object reached twice by a copy, so the value is a tree like zod\'s copy', () => {
    const value = valid();
    const shared = { startLine: 4, endLine: 5 };
    value.range = shared;
    value.ranges = [shared, shared];
    expect(parse(value)).toBe(true);
    const ranges = value.ranges as object[];
    expect(value.range).toBe(shared);
    expect(ranges[0]).not.toBe(shared);
    expect(ranges[1]).not.toBe(ranges[0]);
    expect(ranges).toEqual([shared, shared]);
  });

  it('gives no in-place parse for schemas it does not walk', () => {
    expect(inPlaceParser(z.object({ when: z.date() }))).toBeNull();
    expect(inPlaceParser(z.object({ name: z.string().transform((text) => text.trim()) }))).toBeNull();
    expect(inPlaceParser(z.object({ name: z.coerce.string() }))).toBeNull();
    expect(inPlaceParser(z.object({ a: z.string() }).catchall(z.number()))).toBeNull();
    expect(inPlaceParser(z.array(z.string()).min(1))).toBeNull();
  });

  it('agrees with zod on random values', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('a', 'b', 'c'));
    const range = fc.record({ startLine: leaf, endLine: leaf }, { requiredKeys: [] });
    const value = fc.record(
      { name: leaf, kind: leaf, count: leaf, flag: leaf, ratio: fc.oneof(leaf, fc.constantFrom(Infinity, -Infinity)), even: leaf, tags: fc.array(leaf, { maxLength: 2 }), fields: fc.dictionary(fc.string({ maxLength: 2 }), leaf, { maxKeys: 2 }), range, ranges: fc.array(range, { maxLength: 2 }), extra: fc.oneof(range, fc.constant(null)) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(value, (input) => {
        const zod = Sample.safeParse(input);
        const exact = zod.success && JSON.stringify(zod.data) === JSON.stringify(input) && Object.keys(zod.data).join() === Object.keys(input).join();
        expect(parse(input)).toBe(exact);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});

describe('the doc model is parsed in place', () => {
  afterEach(() => vi.restoreAllMocks());

  const STYLES = path.join(import.meta.dirname, 'styles');
  const docs = [
    ...readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name)),
    ...readdirSync(STYLES).filter((name) => name.endsWith('.md')).map((name) => path.join(STYLES, name)),
    CLEAN_SEED,
  ];

  /** Every object and array of a value; `shared` gets the paths of those met again. */
  function objectsOf(value: unknown, into: Set<object>, shared: string[], at = ''): void {
    if (typeof value !== 'object' || value === null) return;
    if (into.has(value)) {
      shared.push(at);
      return;
    }
    into.add(value);
    for (const [key, inner] of Object.entries(value)) objectsOf(inner, into, shared, `${at}.${key}`);
  }

  // File entries and a group with no Status: their status is a fresh object each (it was a module constant).
  const NO_STATUS_DOC = '# T\n\n## Task 1: x\n\n### File 1: a.py\n\n- **Path:** `a.py`\n\n### Files 2-3: g\n\n- **Paths:** `b/*.py`\n';
  const cases: Array<[string, Buffer]> = [...docs.map((file): [string, Buffer] => [path.basename(file), readFileSync(file)]), ['no statuses', Buffer.from(NO_STATUS_DOC)]];

  it.each(cases)('%s: no zod copy, equal to it, a tree sharing nothing with another parse', (_name, bytes) => {
    const zodParse = vi.spyOn(TrackingDoc, 'safeParse');
    const doc = parseTrackingDoc(bytes, 'doc.md');
    expect(zodParse).not.toHaveBeenCalled();
    zodParse.mockRestore();
    expect(JSON.stringify(doc)).toBe(JSON.stringify(TrackingDoc.parse(doc)));
    const seen = new Set<object>();
    const shared: string[] = [];
    objectsOf(doc, seen, shared);
    objectsOf(parseTrackingDoc(bytes, 'doc.md'), seen, shared);
    expect(shared).toEqual([]);
  });
});
