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

/** One match in a line, in code points, with its text. */
export interface Occurrence {
  start: number;
  end: number;
  text?: string;
}

export interface Backtracker {
  /** Whether some substring of the line matches (with -w: one bounded by non-word characters; -x: the whole line). */
  test(line: string): boolean;
  /** The non-empty matches grep -o prints, left to right. */
  occurrences(line: string): Occurrence[];
}

export interface MatchMode {
  ignoreCase: boolean;
  wordRegexp: boolean;
  lineRegexp: boolean;
}

export function makeBacktracker(root: Node, groups: number, mode: MatchMode, budget = STEP_BUDGET): Backtracker {
  const { ignoreCase, wordRegexp, lineRegexp } = mode;
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
          // An iteration matching empty ends the loop but still counts: GNU regex sets the group to
          // the empty match, so `\(a*\)*\1b` matches "b" (issue 20, item 12).
          if ((max === null || count < max) && body(i, (j) => (j === i && count >= min ? k(j) : rep(count + 1, j, k)))) return true;
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
  const load = (line: string): void => {
    s = [...line].map((c) => c.codePointAt(0) ?? 0);
    steps = 0;
  };
  const guarded = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      if (e instanceof RangeError) throw new BudgetExceeded('pattern is too expensive to match (recursion limit)');
      throw e;
    }
  };
  /** Every end a match starting at `start` can reach (all paths, under the budget). */
  const endsFrom = (start: number): Set<number> => {
    const ends = new Set<number>();
    caps.fill(-1);
    m(start, (j) => (ends.add(j), false));
    return ends;
  };
  /**
   * The match grep -o prints starting at `start`, or null: -x only the whole line; -w the longest
   * end followed by a non-word character (grep shrinks a match until it is word-bounded, and
   * never accepts an empty one); otherwise the longest (POSIX leftmost-longest).
   */
  const occurrenceAt = (start: number): number | null => {
    if (lineRegexp) return start === 0 && endsFrom(0).has(s.length) ? s.length : null;
    if (wordRegexp && start > 0 && isWord(start - 1)) return null;
    let best: number | null = null;
    for (const j of endsFrom(start)) {
      if (wordRegexp && (j === start || isWord(j))) continue;
      if (best === null || j > best) best = j;
    }
    return best;
  };
  return {
    test(line: string): boolean {
      load(line);
      return guarded(() => {
        if (lineRegexp) {
          caps.fill(-1);
          return m(0, (j) => j === s.length);
        }
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
      });
    },
    occurrences(line: string): Occurrence[] {
      load(line);
      return guarded(() => {
        const out: Occurrence[] = [];
        let from = 0;
        while (from <= s.length) {
          let hit: Occurrence | null = null;
          for (let start = from; start <= s.length && hit === null; start++) {
            const end = occurrenceAt(start);
            if (end !== null) hit = { start, end };
          }
          if (hit === null) break;
          // grep -o prints no empty match and looks again one character further on.
          if (hit.end > hit.start) out.push(hit);
          from = hit.end > hit.start ? hit.end : hit.start + 1;
        }
        return out.map((o) => ({ start: o.start, end: o.end, text: String.fromCodePoint(...s.slice(o.start, o.end)) }));
      });
    },
  };
}
