/**
 * POSIX bracket expressions (`[a-z]`, `[^]x]`, `[[:space:]]`, `[[.-.]]`, `[[=e=]]`), as GNU regex
 * reads them: `]` first is literal, `\` is literal inside brackets, `-` first or last is literal.
 */
import { NAMED_CLASSES, type ClassItem, type NamedClass, type Node } from './ast.js';

export class PatternSyntaxError extends Error {}

const UNMATCHED = 'Unmatched [, [^, [:, [., or [=';

/** Parses the bracket expression starting at `cps[start]` (the `[`); returns the node and the next index. */
export function parseBracket(cps: readonly number[], start: number): { node: Node; next: number } {
  let i = start + 1;
  const at = (k: number): number | undefined => cps[k];
  let negated = false;
  if (at(i) === 0x5e /* ^ */) {
    negated = true;
    i++;
  }
  // grep: "character class syntax is [[:space:]], not [:space:]"
  if (!negated && at(i) === 0x3a /* : */) {
    const close = cps.indexOf(0x5d, i + 1);
    if (close > i + 1 && at(close - 1) === 0x3a) {
      throw new PatternSyntaxError('character class syntax is [[:space:]], not [:space:]');
    }
  }
  const items: ClassItem[] = [];
  let first = true;
  for (;;) {
    const c = at(i);
    if (c === undefined) throw new PatternSyntaxError(UNMATCHED);
    if (c === 0x5d /* ] */ && !first) return { node: { type: 'class', negated, items }, next: i + 1 };
    first = false;
    let lo: number;
    if (c === 0x5b /* [ */ && (at(i + 1) === 0x3a || at(i + 1) === 0x2e || at(i + 1) === 0x3d)) {
      const delim = at(i + 1) as number;
      const end = findClose(cps, i + 2, delim);
      const name = cps.slice(i + 2, end).map((c) => String.fromCodePoint(c)).join('');
      i = end + 2;
      if (delim === 0x3a) {
        if (!NAMED_CLASSES.includes(name)) throw new PatternSyntaxError('Invalid character class name');
        items.push({ kind: 'named', name: name as NamedClass });
        continue;
      }
      // [.c.] and [=c=]: single ASCII characters only (glibc's C.UTF-8 has no others).
      const chars = [...name];
      if (chars.length !== 1 || (chars[0]?.codePointAt(0) ?? 0) > 0x7f) throw new PatternSyntaxError('Invalid collation character');
      lo = chars[0]?.codePointAt(0) ?? 0;
    } else {
      lo = c;
      i++;
    }
    // A range: `-` not followed by the closing `]`.
    if (at(i) === 0x2d && at(i + 1) !== undefined && at(i + 1) !== 0x5d) {
      let hi = at(i + 1) as number;
      i += 2;
      if (hi === 0x5b && at(i) === 0x2e) {
        const end = findClose(cps, i + 1, 0x2e);
        const chars = cps.slice(i + 1, end).map((c) => String.fromCodePoint(c));
        if (chars.length !== 1) throw new PatternSyntaxError('Invalid collation character');
        hi = chars[0]?.codePointAt(0) ?? 0;
        i = end + 2;
      }
      // glibc C.UTF-8 (Debian, grep 3.8): a range with a non-ASCII end point does not compile.
      if (lo > 0x7f || hi > 0x7f) throw new PatternSyntaxError('Invalid collation character');
      if (hi < lo) throw new PatternSyntaxError('Invalid range end');
      // glibc regcomp: a range end point cannot start another range (`[1-3-5]`, `[a-c-e]`);
      // a `-` right before the closing `]` stays literal (issue 22).
      if (at(i) === 0x2d && at(i + 1) !== undefined && at(i + 1) !== 0x5d) throw new PatternSyntaxError('Invalid range end');
      items.push({ kind: 'range', lo, hi });
    } else {
      items.push({ kind: 'range', lo, hi: lo });
    }
  }
}

function findClose(cps: readonly number[], from: number, delim: number): number {
  for (let k = from; k + 1 < cps.length; k++) {
    if (cps[k] === delim && cps[k + 1] === 0x5d) return k;
  }
  throw new PatternSyntaxError(UNMATCHED);
}
