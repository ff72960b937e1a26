/**
 * Property: for random small patterns and lines, our translation selects exactly the lines real
 * GNU grep selects, and refuses exactly the patterns grep refuses. Fixed seed; FUZZ=1 runs more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, matchingLines } from '../../src/lib/scan/index.js';
import { grepSelects } from './oracle.js';

const TOKENS = [
  'a', 'b', 'c', 'é', ' ', '_', '.', '*', '^', '$', '[', ']', '-', '\\', '\\(', '\\)', '\\|', '\\{', '\\}',
  '(', ')', '|', '{', '}', '+', '?', '\\+', '\\?', ',', '1', '2', '\\1', '\\w', '\\W', '\\s', '\\b', '\\<', '\\>',
  '[ab]', '[^a]', '[[:alpha:]]', '[[:space:]]', '[[:punct:]]', 'a*', 'b\\{1,2\\}', '(a|b)',
];
const LINE_CHARS = ['a', 'b', 'c', 'é', ' ', '_', '(', ')', '{', '1', '|', '*', '+', '.', '-', '\\', 'B'];

const runs = process.env.FUZZ ? 3000 : 150;

describe('regex translation property vs GNU grep', () => {
  it('selects the same lines and refuses the same patterns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((t) => t.join('')),
        fc.constantFrom('basic', 'extended', 'fixed') as fc.Arbitrary<'basic' | 'extended' | 'fixed'>,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.array(fc.constantFrom(...LINE_CHARS), { maxLength: 8 }).map((c) => c.join('')), { minLength: 1, maxLength: 8 }),
        (pattern, flavour, ignoreCase, wordRegexp, lines) => {
          // grep -w -E pastes the pattern inside "(^|\W)(" … ")(\W|$)" for its DFA, so an unbalanced
          // `)` closes grep's own group: a grep quirk we do not reproduce.
          // Likewise with -w grep locates matches with GNU regex, which drops a quantifier at the start of
          // an ERE or after an anchor where its DFA (used without -w) applies it: skip those oddities.
          const bare = pattern.replace(/\\./g, '');
          fc.pre(!(wordRegexp && flavour === 'extended' && bare.split(')').length > bare.split('(').length));
          fc.pre(!(wordRegexp && flavour === 'extended' && /(^|[(|^$]|\\[<>bB])[*+?{]/.test(pattern)));
          // An interval brace where nothing can repeat: grep's DFA and regex parsers disagree (and
          // grep's verdict depends on which one runs); no tracking doc writes that.
          fc.pre(!/(^|[(|^$]|\\[(|<>bB])\\?\{/.test(pattern));
          const args = [flavour === 'extended' ? '-E' : flavour === 'fixed' ? '-F' : '-G'];
          if (ignoreCase) args.push('-i');
          if (wordRegexp) args.push('-w');
          const input = lines.join('\n') + '\n';
          const expected = grepSelects(args, pattern, input);
          const compiled = compilePattern({ pattern, flavour, ignoreCase, wordRegexp, invert: false });
          if ('error' in expected) {
            expect('error' in compiled, `grep refused ${pattern}: ${expected.error}`).toBe(true);
          } else {
            if ('error' in compiled) throw new Error(`refused ${JSON.stringify(pattern)} (${flavour}): ${compiled.error}`);
            expect(matchingLines(input, compiled).map((h) => h.line)).toEqual(expected);
          }
        },
      ),
      { seed: 20261128, numRuns: runs },
    );
  }, 30 * 60_000);
});
