/**
 * Property (issue 22): for random patterns, flags and lines, the parts we print for `grep -o`
 * (and the lines -x and -P select) equal what real GNU grep prints. Fixed seed; FUZZ=1 runs more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, scanBuffer, type PatternFlavour } from '../../src/lib/scan/index.js';
import { runTool } from './oracle.js';

const POSIX_TOKENS = ['a', 'b', 'é', ' ', '_', '.', '*', '[ab]', '[^a]', 'a*', 'b\\{1,2\\}', '\\(a\\)', '\\1', '\\w', '\\W', '\\<', '\\>', '\\|', 'x\\?'];
const ERE_TOKENS = ['a', 'b', 'é', ' ', '_', '.', '*', '+', '?', '[ab]', '[^a]', '(a|b)', '(a*)', '\\1', '\\w', '\\b', '|', '{2}'];
const PERL_TOKENS = ['a', 'b', 'é', ' ', '_', '.', '*', '+', '?', '*?', '+?', '[ab]', '[^a]', '(?:a|b)', '(a*)', '\\w', '\\W', '\\d', '\\s', '\\S', '\\b', '\\B', '|', '{2}', '(?i)'];
const LINE_CHARS = ['a', 'b', 'A', 'é', ' ', '_', '1', '-', '.'];

const runs = process.env.FUZZ ? 2000 : 120;

const tokensOf = (f: PatternFlavour): string[] => (f === 'extended' ? ERE_TOKENS : f === 'perl' ? PERL_TOKENS : POSIX_TOKENS);

describe('grep -o / -x / -P vs GNU grep', () => {
  it('prints the same matched parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PatternFlavour>('basic', 'extended', 'fixed', 'perl').chain((flavour) =>
          fc.tuple(fc.constant(flavour), fc.array(fc.constantFrom(...tokensOf(flavour)), { minLength: 1, maxLength: 5 }).map((t) => t.join(''))),
        ),
        fc.boolean(),
        fc.constantFrom('', 'w', 'x'),
        fc.array(fc.array(fc.constantFrom(...LINE_CHARS), { maxLength: 10 }).map((c) => c.join('')), { minLength: 1, maxLength: 6 }),
        ([flavour, pattern], ignoreCase, bound, lines) => {
          // A quantifier on an anchor (`\b{2}`, `^*`): grep's DFA and GNU regex disagree (see regex-fuzz).
          fc.pre(flavour === 'perl' || flavour === 'fixed' || !/(^|[(|^$]|\\[(|<>bB])(\\?[*+?{])/.test(pattern));
          const wordRegexp = bound === 'w';
          const lineRegexp = bound === 'x';
          const args = ['-o', '-n', flavour === 'extended' ? '-E' : flavour === 'fixed' ? '-F' : flavour === 'perl' ? '-P' : '-G'];
          if (ignoreCase) args.push('-i');
          if (bound) args.push(`-${bound}`);
          const input = lines.join('\n') + '\n';
          const real = runTool('grep', [...args, '-e', pattern], { input });
          const compiled = compilePattern({ pattern, flavour, ignoreCase, wordRegexp, lineRegexp, invert: false, onlyMatching: true });
          if (real.status === 2) {
            expect('error' in compiled, `grep refused ${pattern}: ${real.stderr}`).toBe(true);
            return;
          }
          if ('error' in compiled) {
            // Only -P -o -w is refused while grep runs it (PCRE lookaround).
            expect(compiled.error).toMatch(/^unsupported/);
            expect(flavour === 'perl' && wordRegexp).toBe(true);
            return;
          }
          const ours = scanBuffer(input, compiled).hits.flatMap((h) => (h.parts ?? []).map((p) => `${h.line}:${p}`));
          const theirs = real.stdout.toString('utf8').split('\n').filter((l) => l !== '');
          expect(ours, `grep ${args.join(' ')} -e ${JSON.stringify(pattern)}`).toEqual(theirs);
        },
      ),
      { seed: 20261203, numRuns: runs },
    );
  }, 30 * 60_000);
});
