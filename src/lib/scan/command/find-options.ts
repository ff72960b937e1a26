/**
 * `find [START…] [EXPRESSION]` for listing files (issue 22): tests -name, -iname, -path, -ipath,
 * -wholename, -type f|d|l, operators !/-not, -a/-and, -o/-or, \( \), -print, and the global
 * -maxdepth/-mindepth. Anything else (-exec, -delete, -newer, -size, -prune…) is refused by name:
 * nothing is ever run.
 */
import type { Word } from './tokenize.js';

export type FindExpr =
  | { kind: 'true' }
  | { kind: 'name'; glob: string; fold: boolean }
  | { kind: 'path'; glob: string; fold: boolean }
  | { kind: 'type'; type: 'f' | 'd' | 'l' }
  | { kind: 'not'; expr: FindExpr }
  | { kind: 'and' | 'or'; left: FindExpr; right: FindExpr };

export interface FindQuery {
  starts: string[];
  expr: FindExpr;
  minDepth: number;
  maxDepth: number | null;
}

const TESTS: Record<string, (glob: string) => FindExpr> = {
  '-name': (glob) => ({ kind: 'name', glob, fold: false }),
  '-iname': (glob) => ({ kind: 'name', glob, fold: true }),
  '-path': (glob) => ({ kind: 'path', glob, fold: false }),
  '-wholename': (glob) => ({ kind: 'path', glob, fold: false }),
  '-ipath': (glob) => ({ kind: 'path', glob, fold: true }),
};

class Refused extends Error {}

/** Parses the words after `find`. */
export function parseFindArgs(words: readonly Word[]): FindQuery | { reason: string } {
  const w = words.map((x) => x.text);
  let k = 0;
  const starts: string[] = [];
  while (k < w.length && !/^[-!(]/.test(w[k] as string)) starts.push(w[k++] as string);
  if (starts.length === 0) starts.push('.');
  let minDepth = 0;
  let maxDepth: number | null = null;
  const rest: string[] = [];
  for (; k < w.length; k++) {
    const t = w[k] as string;
    if (t === '-maxdepth' || t === '-mindepth') {
      const n = w[++k];
      if (n === undefined || !/^\d+$/.test(n)) return { reason: `find \`${t}\` needs a number` };
      if (t === '-maxdepth') maxDepth = Number(n);
      else minDepth = Number(n);
    } else rest.push(t);
  }
  let i = 0;
  const peek = (): string | undefined => rest[i];
  // find's grammar: or ← and (-o and)*; and ← unary ((-a)? unary)*; unary ← (!|-not) unary | primary.
  const or = (): FindExpr => {
    let left = and();
    while (peek() === '-o' || peek() === '-or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): FindExpr => {
    let left = unary();
    while (peek() !== undefined && peek() !== '-o' && peek() !== '-or' && peek() !== ')') {
      if (peek() === '-a' || peek() === '-and') i++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): FindExpr => {
    const t = rest[i++];
    if (t === undefined) throw new Refused('find: expected an expression');
    if (t === '!' || t === '-not') return { kind: 'not', expr: unary() };
    if (t === '(') {
      const e = or();
      if (rest[i++] !== ')') throw new Refused('find: unbalanced `(`');
      return e;
    }
    if (t === '-print') return { kind: 'true' };
    const test = TESTS[t];
    if (test) {
      const glob = rest[i++];
      if (glob === undefined) throw new Refused(`find \`${t}\` needs a pattern`);
      return test(glob);
    }
    if (t === '-type') {
      const type = rest[i++];
      if (type !== 'f' && type !== 'd' && type !== 'l') throw new Refused(`unsupported find \`-type ${type ?? ''}\` (f, d and l only)`);
      return { kind: 'type', type };
    }
    throw new Refused(`unsupported find word \`${t}\` (supported: -name -iname -path -ipath -type -not ! -a -o \\( \\) -print -maxdepth -mindepth)`);
  };
  try {
    const expr = rest.length === 0 ? { kind: 'true' as const } : or();
    if (i < rest.length) throw new Refused(`find: unexpected \`${rest[i]}\``);
    return { starts, expr, minDepth, maxDepth };
  } catch (e) {
    if (e instanceof Refused) return { reason: e.message };
    throw e;
  }
}
