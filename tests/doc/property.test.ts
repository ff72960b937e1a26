/**
 * Property test: random and mutated docs never make the parser throw, and its output always passes
 * the schema. Fixed seed for CI; FUZZ=1 runs many more cases (issue 3, issue 8).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CLEAN_SEED, fixtureBytes } from './helpers.js';
import { workOf } from './work-meter.js';

const FUZZ = process.env.FUZZ === '1';
const RUNS = FUZZ ? 2000 : 60;
const SEED = 20260119;

const seedLines = readFileSync(CLEAN_SEED, 'utf8').split('\n');
const variantLines = fixtureBytes('variant-task-tracker.md').toString('utf8').split('\n');
// The generic readers' shapes (issue 17): every line of the styles spec folder, plus odd marks.
const STYLES = path.join(import.meta.dirname, 'styles');
const styleLines = readdirSync(STYLES)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => readFileSync(path.join(STYLES, name), 'utf8').split('\n'));
const genericFragments = [
  '- [/] x', '- [ X ] `a/b.ts`', '  - [x] sub', '    - [-] subsub', '1. ✅ **x**', '- ✅🔒 `f`', '- ⏳ = pending', 'Legend:',
  '**Status**: ❌ 0/9 (0%)', '- **Status:** `pending`', 'Status: done', '## ✅ Completed (3 files)', '## Next Steps', '### 1. A.tsx ✅',
  '| Task | Status |', '|---|---|', '| a | ✅ Done |', '| `x.py` | ✓ | ✗ |', '| **Total** | 3 |', '## Phase 1', '### Week 2: y',
  '- [x] `a.js` → `a.ts`', '- [ ] C:\\x\\y.js', '- [ ] /abs/p.js', '- [ ] ../up.js', '## Risks', '## Success Criteria', '---\ntitle: x\n---',
];

/** Pieces real docs are made of, so random docs hit the parser's interesting paths. */
const fragment = fc.oneof(
  fc.constantFrom(...seedLines, ...variantLines),
  fc.constantFrom(...styleLines, ...genericFragments),
  fc.constantFrom('### File 7: x.py', '#### Files 3-1: g', '- **Path:** `../../etc`', '- **Status:** 🤷', '| a | b |', '```bash', '```', '---', '\t- [x] t', '**Target:** 9/0 files (NaN%)', '### Week 9 (Feb 30-31)', '## Task 1.2.3.4.5: x (999999999999 files)'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const randomDoc = fc.array(fragment, { maxLength: 60 }).map((lines) => lines.join('\n'));

/** The seed with lines dropped, duplicated, swapped or corrupted. */
const mutatedSeed = fc
  .array(fc.tuple(fc.nat(seedLines.length - 1), fc.constantFrom('drop', 'dup', 'swap', 'garble', 'indent'), fc.string({ maxLength: 8 })), { maxLength: 12 })
  .map((mutations) => {
    const lines = [...seedLines];
    for (const [index, kind, noise] of mutations) {
      const line = lines[index] ?? '';
      if (kind === 'drop') lines.splice(index, 1);
      else if (kind === 'dup') lines.splice(index, 0, line);
      else if (kind === 'swap') [lines[index], lines[0]] = [lines[0] ?? '', line];
      else if (kind === 'garble') lines[index] = line.slice(0, noise.length) + noise + line.slice(noise.length * 2);
      else lines[index] = `  ${line}`;
    }
    return lines.join('\n');
  });

function checkTotal(input: Buffer | string): void {
  const doc = parseTrackingDoc(input, 'docs/fuzz.md');
  const result = TrackingDoc.safeParse(doc);
  if (!result.success) throw new Error(`schema: ${JSON.stringify(result.error.issues[0])}`);
  // The model is parsed in place (src/lib/schema-check.ts): it must be exactly zod's copy of it.
  expect(JSON.stringify(doc)).toBe(JSON.stringify(result.data));
  expect(doc.diagnostics.some((entry) => entry.code === 'doc/internal-error')).toBe(false);
}

describe('parseTrackingDoc on hostile input', { timeout: FUZZ ? 3_600_000 : 120_000 }, () => {
  it('never throws and stays schema-valid on random docs', () => {
    fc.assert(fc.property(randomDoc, (text) => checkTotal(text)), { seed: SEED, numRuns: RUNS });
  });

  it('never throws and stays schema-valid on mutated copies of the seed', () => {
    fc.assert(fc.property(mutatedSeed, (text) => checkTotal(text)), { seed: SEED, numRuns: Math.ceil(RUNS / 3) });
  });

  it('never throws and stays schema-valid on docs made of the generic shapes', () => {
    const generic = fc.array(fc.oneof(fc.constantFrom(...styleLines, ...genericFragments), fc.string({ maxLength: 12 })), { maxLength: 80 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(generic, (text) => {
        checkTotal(text);
        // Every status span points at the text it says it covers.
        const doc = parseTrackingDoc(text, 'docs/fuzz.md');
        for (const item of doc.items) {
          const span = item.reading?.statusSpan;
          if (span) expect(doc.text.slice(span.start, span.end)).toBe(span.text);
        }
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('reads the generic shapes in linear work: 8× the doc, about 8× the work units (work-meter.ts)', () => {
    const block = styleLines.join('\n');
    const doc = (copies: number) => Array.from({ length: copies }, (_, index) => block.replace(/^# /gm, `# ${index} `)).join('\n\n');
    const workFor = (copies: number): number => {
      const text = doc(copies);
      return workOf(() => parseTrackingDoc(text, 'docs/big.md'));
    };
    workFor(2); // modules loaded and first-use caches filled before measuring
    const [small, large] = [workFor(4), workFor(32)];
    // The count is exact, so the bound can be tight: it is 8.1× now; the doc's headings collected
    // again for each table (the quadratic reading 0166e4b fixed) makes it 25×.
    expect(small).toBeGreaterThan(10_000);
    expect(large / small).toBeGreaterThan(7);
    expect(large / small).toBeLessThan(10);
  });

  it('the work meter tells quadratic from linear code on the same input', () => {
    const lines = styleLines.slice(0, 400);
    const meter = (n: number, quadratic: boolean) => workOf(() => {
      const seen = new Set<string>();
      for (const line of lines.slice(0, n)) (quadratic ? lines.slice(0, n).some((other) => other === `${line}!`) : seen.has(line)) || seen.add(line);
    });
    expect(meter(400, false) / meter(50, false)).toBeLessThan(10);
    expect(meter(400, true) / meter(50, true)).toBeGreaterThan(30);
  });

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkTotal(Buffer.from(bytes))), { seed: SEED, numRuns: RUNS });
  });
});
