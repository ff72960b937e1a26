/**
 * The doc stage's Unicode patterns answered by cheaper twins (src/lib/doc/ascii-twin.ts, issue 21):
 * every one answers as the pattern it stands for, on random text from the vocabulary the doc
 * stage reads mixed with the characters where Unicode and ASCII rules part (ſ, K, ⓜ, U+0345,
 * İ, letters outside the BMP, emoji), and the seed doc parses without compiling a `\p{L}` or an
 * `iu` pattern, which a fresh process pays 1–3 ms for each.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { foldAsciiCase, TWINNED } from '../../src/lib/doc/ascii-twin.js';
import { parseTrackingDoc } from '../../src/lib/doc/index.js';
import { CLEAN_SEED } from './helpers.js';

const FUZZ = process.env.FUZZ === '1';

// Words and shapes the twinned patterns read: status words, ignored-section titles, fields, paths, counts.
const WORDS = [
  'not started', 'Not Started', 'NOT-STARTED', 'todo', 'to do', 'pending', 'open', 'incomplete', 'backlog', 'não iniciado', 'NÃO INICIADA', 'por hacer',
  'in progress', 'In-Progress', 'wip', 'partially done', 'partial complete', 'started', 'in review', 'testing', 'em andamento', 'iniciado',
  'blocked', 'on hold', 'stuck', 'failed', 'waiting', 'bloqueado', 'complete', 'Completed', 'done', 'DONE', 'finished', 'merged', 'concluído', 'CONCLUÍDA', 'hecho',
  'risks', 'Risk', 'high-risk areas', 'mitigation plan', 'known issues', 'FAQ', 'issue tracker', 'summary', 'Progress Summary', 'dashboard', 'totals',
  'at a glance', 'summary of work', 'quality metrics', 'references', 'Table of Contents', 'glossary', 'team members', 'discrepancies', 'recommendations',
  '**Status:**', '__Key__:', 'Status:', 'Files Modified:', 'Owner', '**Path**:', 'src/a.ts', 'data_processors/raw/x.py', '@scope/pkg', 'a\\b.js', '*.tsx',
  '3/10 files', '12 / 40 tasks', '5/7', '1.2.', '2)', '10', 'Phase 2', '(each)', '(2 files)', '- [x]', '`code`', '~x',
];
// Where Unicode and ASCII rules part: ſ folds to s and K to k only under `iu`; ⓜ is Ⓜ's lower case
// (Ⓜ is Extended_Pictographic); U+0345 folds to a letter; İ and ı; letters outside the BMP; marks.
const ODD = ['ſ', '\u212A', 'ⓜ', 'Ⓜ', '\u0345', 'İ', 'ı', 'é', 'É', 'Ã', 'ã', 'Í', 'ß', 'Σ', '𝒜', '𝓈', '😀', '📊', '⚪', '✅', '\uFE0F', '\u200D', '\u00A0', '\u2028', '\uD800'];
const SEPARATORS = [' ', '  ', '\t', '\n', '-', ':', '*', '**', '_', '(', ')', '/', '.', ',', '|', '#', '1', '42', 'a', 'Z', 's', 'k', 'S', 'K'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'grapheme' }) },
);
// A word with one letter swapped for an odd character: where a case or class rule would matter.
const bent = fc.tuple(fc.constantFrom(...WORDS), fc.nat(), fc.constantFrom(...ODD)).map(([word, at, odd]) => word.slice(0, at % (word.length + 1)) + odd + word.slice((at % (word.length + 1)) + 1));
const text = fc.array(fc.oneof(piece, bent), { maxLength: 12 }).map((parts) => parts.join(''));

function shapeOf(match: RegExpExecArray | null): unknown {
  return match === null ? null : { index: match.index, length: match[0].length, groups: match.slice(1).map((group) => group?.length ?? null) };
}

describe('the twinned patterns answer as the patterns they stand for', () => {
  it('registers the doc stage\'s twinned patterns', () => {
    // status words (4), ignored-section subjects (4), path shape, list item and line starts, field, fraction
    expect(TWINNED.length).toBeGreaterThanOrEqual(13);
  });

  it('on random text', () => {
    fc.assert(
      fc.property(text, (sample) => {
        for (const { definition, pattern } of TWINNED) {
          expect(shapeOf(pattern.exec(sample)), `/${definition.source}/${definition.flags} on ${JSON.stringify(sample)}`).toEqual(shapeOf(definition.exec(sample)));
          expect(pattern.test(sample)).toBe(definition.test(sample));
        }
      }),
      { numRuns: FUZZ ? 100_000 : 3000, seed: 20261204 },
    );
  });

  it('on every vocabulary word with every odd character before, inside and after it', () => {
    for (const word of WORDS) {
      for (const odd of ODD) {
        for (const at of new Set([0, 1, word.length >> 1, word.length - 1, word.length])) {
          for (const sample of [word.slice(0, at) + odd + word.slice(at), word.slice(0, at) + odd + word.slice(at + 1), `${odd} ${word}${odd}`]) {
            for (const { definition, pattern } of TWINNED) expect(shapeOf(pattern.exec(sample)), `/${definition.source}/${definition.flags} on ${JSON.stringify(sample)}`).toEqual(shapeOf(definition.exec(sample)));
          }
        }
      }
    }
  });

  it('folds exactly what `iu` folds onto ASCII letters and word characters, and closes the decoration class over ⓜ only', () => {
    const decorationIu = /^[\p{Extended_Pictographic}\uFE0F\s]$/iu;
    const decorationU = /^[\p{Extended_Pictographic}\u24DC\uFE0F\s]$/u;
    const misfits: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const folded = foldAsciiCase(char);
      if (folded.length !== char.length) misfits.push(`${code.toString(16)}: length`);
      if (/^[a-z]$/iu.test(char) !== /^[a-z]$/.test(folded) || (/^[a-z]$/.test(folded) && !new RegExp(`^${folded}$`, 'iu').test(char))) misfits.push(`${code.toString(16)}: letter`);
      if (/^\w$/iu.test(char) !== /^\w$/u.test(folded)) misfits.push(`${code.toString(16)}: word`);
      if (decorationIu.test(char) !== decorationU.test(folded)) misfits.push(`${code.toString(16)}: decoration`);
    }
    expect(misfits).toEqual([]);
  });
});

describe('the seed doc in a fresh process', () => {
  const exec = RegExp.prototype.exec;
  afterEach(() => {
    RegExp.prototype.exec = exec;
  });

  it('runs no `\\p{L}`, `\\p{N}` or `iu` pattern, which cost a fresh process 1–3 ms each to compile', () => {
    const costly = new Set<string>();
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      // String tests only: a pattern here would call this spy again.
      if (this.source.includes('\\p{L}') || this.source.includes('\\p{N}') || (this.flags.includes('i') && this.flags.includes('u'))) costly.add(`/${this.source}/${this.flags}`);
      return exec.call(this, input);
    };
    const doc = parseTrackingDoc(readFileSync(CLEAN_SEED), 'seed.md');
    RegExp.prototype.exec = exec;
    expect(doc.items.length).toBeGreaterThan(0);
    expect([...costly]).toEqual([]);
  });
});
