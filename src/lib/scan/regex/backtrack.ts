/**
 * An exact matcher for what RE2 cannot express (back-references, GNU's `\<` `\>` `\b` `\B` with
 * Unicode word characters). It backtracks, so it runs under a step budget: a pattern that would
 * take exponential time on a line throws BudgetExceeded instead of hanging the build (issue 8).
 */
import type { Node } from './ast.js';
import { INVALID_BYTE_MARK, jsClass, WORD_CHAR } from './emit.js';

export class BudgetExceeded extends Error {}

type K = (i: number) => boolean;
type M = (i: number, k: K) => boolean;

const MARK = INVALID_BYTE_MARK.codePointAt(0) ?? 10;

/** Default steps per line: generous for real code, cuts exponential blow-ups in milliseconds. */
export const STEP_BUDGET = 2_000_000;

export interface Backtracker {
  /** Whether some substring of the line matches (with -w: one bounded by non-word characters). */
  test(line: string): boolean;
}

export function makeBacktracker(root: Node, groups: number, ignoreCase: boolean, wordRegexp: boolean, budget = STEP_BUDGET): Backtracker {
  let s: number[] = [];
  let steps = 0;
  const caps = new Int32Array(2 * (groups + 1));
  const fold = (cp: number): number => {
    if (!ignoreCase) return cp;
    const lower = String.fromCodePoint(cp).toLowerCase();
    return lower.length <= 2 && [...lower].length === 1 ? (lower.codePointAt(0) ?? cp) : cp;
  };
  const isWord = (i: number): boolean => {
    const c = s[i];
    return c !== undefined && c !== MARK && WORD_CHAR.test(String.fromCodePoint(c));
  };
  const tick = (): void => {
    if (++steps > budget) throw new BudgetExceeded('pattern is too expensive to match (backtracking limit)');
  };

  const build = (node: Node): M => {
    switch (node.type) {
      case 'char': {
        const want = fold(node.cp);
        return (i, k) => (tick(), i < s.length && fold(s[i] as number) === want && k(i + 1));
      }
      case 'any':
        return (i, k) => (tick(), i < s.length && s[i] !== MARK && k(i + 1));
      case 'class': {
        const re = jsClass(node.negated, node.items, ignoreCase);
        const memo = new Map<number, boolean>();
        const has = (cp: number): boolean => {
          let v = memo.get(cp);
          if (v === undefined) memo.set(cp, (v = cp !== MARK && re.test(String.fromCodePoint(cp))));
          return v;
        };
        return (i, k) => (tick(), i < s.length && has(s[i] as number) && k(i + 1));
      }
      case 'bol':
        return (i, k) => i === 0 && k(i);
      case 'eol':
        return (i, k) => i === s.length && k(i);
      case 'word': {
        const kind = node.kind;
        return (i, k) => {
          const before = i > 0 && isWord(i - 1);
          const after = isWord(i);
          const ok = kind === 'boundary' ? before !== after : kind === 'not-boundary' ? before === after
            : kind === 'start' ? !before && after : before && !after;
          return ok && k(i);
        };
      }
      case 'group': {
        const body = build(node.body);
        const g = node.index * 2;
        return (i, k) => body(i, (j) => {
          const s0 = caps[g] as number, s1 = caps[g + 1] as number;
          caps[g] = i;
          caps[g + 1] = j;
          if (k(j)) return true;
          caps[g] = s0;
          caps[g + 1] = s1;
          return false;
        });
      }
      case 'concat':
        return node.items.map(build).reduceRight<M>((rest, m) => (i, k) => m(i, (j) => rest(j, k)), (i, k) => k(i));
      case 'alt': {
        const alts = node.items.map(build);
        return (i, k) => alts.some((m) => m(i, k));
      }
      case 'repeat': {
        const body = build(node.body);
        const { min, max } = node;
        const rep = (count: number, i: number, k: K): boolean => {
          tick();
          if ((max === null || count < max) && body(i, (j) => (j === i && count >= min ? false : rep(count + 1, j, k)))) return true;
          return count >= min && k(i);
        };
        return (i, k) => rep(0, i, k);
      }
      case 'backref': {
        const g = node.index * 2;
        return (i, k) => {
          const a = caps[g] as number, b = caps[g + 1] as number;
          if (a < 0) return false; // GNU: a reference to a group that did not participate fails
          const len = b - a;
          if (i + len > s.length) return false;
          for (let t = 0; t < len; t++) {
            tick();
            if (fold(s[a + t] as number) !== fold(s[i + t] as number)) return false;
          }
          return k(i + len);
        };
      }
    }
  };

  const m = build(root);
  return {
    test(line: string): boolean {
      s = [...line].map((c) => c.codePointAt(0) ?? 0);
      steps = 0;
      try {
        for (let start = 0; start <= s.length; start++) {
          caps.fill(-1);
          if (!wordRegexp) {
            if (m(start, () => true)) return true;
            continue;
          }
          // -w (grep's EGexecute): a match must be preceded and followed by non-word characters;
          // grep shrinks a failing match but never accepts a shrunk empty one, so an empty
          // match counts only when it is the longest match at that start.
          if (start > 0 && isWord(start - 1)) continue;
          let nonEmpty = false;
          if (m(start, (j) => (j > start ? ((nonEmpty = true), !isWord(j)) : false))) return true;
          if (!nonEmpty && !isWord(start) && m(start, (j) => j === start)) return true;
        }
        return false;
      } catch (e) {
        if (e instanceof RangeError) throw new BudgetExceeded('pattern is too expensive to match (recursion limit)');
        throw e;
      }
    },
  };
}
