/**
 * Emits a parsed pattern as RE2 syntax for re2js, and the character classes as JS `u` regexps for
 * the backtracker. Classes follow glibc's C.UTF-8 classification (what grep uses in a UTF-8
 * locale): `[[:alpha:]]` and `\w` include non-ASCII letters, combining marks are punctuation.
 */
import type { ClassItem, NamedClass, Node } from './ast.js';

/** Marker for bytes that are not valid UTF-8 in a line: nothing but `\W`/non-word matches it. */
export const INVALID_BYTE_MARK = '\n';

type Hex = (cp: number) => string;
const re2Hex: Hex = (cp) => `\\x{${cp.toString(16)}}`;
const jsHex: Hex = (cp) => `\\u{${cp.toString(16)}}`;

const NAMED: Record<NamedClass, (h: Hex) => string> = {
  alpha: () => '\\p{L}\\p{Nl}',
  digit: () => '0-9',
  alnum: () => '\\p{L}\\p{Nl}0-9',
  word: () => '\\p{L}\\p{Nl}0-9_',
  upper: () => '\\p{Lu}\\p{Lt}',
  lower: () => '\\p{Ll}\\p{Lt}',
  space: (h) => `\\t${h(0xb)}\\f\\r ${h(0x1680)}${h(0x2000)}-${h(0x2006)}${h(0x2008)}-${h(0x200a)}${h(0x2028)}${h(0x2029)}${h(0x205f)}${h(0x3000)}`,
  blank: (h) => `\\t ${h(0x1680)}${h(0x2000)}-${h(0x2006)}${h(0x2008)}-${h(0x200a)}${h(0x205f)}${h(0x3000)}`,
  punct: (h) => `!-/:-@\\[-${h(0x60)}{-~\\p{P}\\p{S}\\p{M}\\p{No}\\p{Cf}${h(0xa0)}${h(0x2007)}${h(0x202f)}`,
  print: (h) => ` -~${h(0xa0)}-${h(0x10ffff)}`,
  graph: (h) => `!-~${h(0xa0)}-${h(0x167f)}${h(0x1681)}-${h(0x1fff)}${h(0x2007)}${h(0x200b)}-${h(0x2027)}${h(0x202a)}-${h(0x205e)}${h(0x2060)}-${h(0x2fff)}${h(0x3001)}-${h(0x10ffff)}`,
  cntrl: (h) => `${h(0)}-${h(9)}${h(0xb)}-${h(0x1f)}${h(0x7f)}-${h(0x9f)}`,
  xdigit: () => '0-9A-Fa-f',
};

function classChar(cp: number, h: Hex): string {
  const s = String.fromCodePoint(cp);
  return /[A-Za-z0-9_ ]/.test(s) ? s : h(cp);
}

/** The inside of a bracket (`^` included); negated classes never match the invalid-byte mark. */
export function classBody(negated: boolean, items: readonly ClassItem[], h: Hex): string {
  const parts = items.map((it) =>
    it.kind === 'named'
      ? NAMED[it.name](h)
      : it.lo === it.hi
        ? classChar(it.lo, h)
        : `${classChar(it.lo, h)}-${classChar(it.hi, h)}`,
  );
  return (negated ? `^${h(0xa)}` : '') + parts.join('');
}

/** A JS regexp testing one character against a class, for the backtracker. */
export function jsClass(negated: boolean, items: readonly ClassItem[], ignoreCase: boolean): RegExp {
  return new RegExp(`^[${classBody(negated, items, jsHex)}]$`, ignoreCase ? 'iu' : 'u');
}

/** Word constituents for -w, `\b`, `\<`, `\>` (glibc: alnum or `_`). */
export const WORD_CHAR = /[\p{L}\p{Nl}0-9_]/u;

/**
 * RE2 syntax for the node. With `approximate`, constructs RE2 cannot express exactly become a
 * superset (a back-reference becomes `.*`, a word assertion matches anywhere), so the result can prefilter
 * lines for the exact backtracker.
 */
export function toRe2(node: Node, approximate: boolean): string {
  switch (node.type) {
    case 'char':
      return classChar(node.cp, re2Hex).length === 1 ? classChar(node.cp, re2Hex) : re2Hex(node.cp);
    case 'any':
      return '.';
    case 'class':
      return `[${classBody(node.negated, node.items, re2Hex)}]`;
    case 'bol':
      return '^';
    case 'eol':
      return '$';
    case 'word':
      if (!approximate) throw new Error('word assertions need the backtracker');
      // RE2's \b is ASCII-only, not a superset of GNU's Unicode word boundary: match anywhere.
      return '(?:)';
    case 'group':
      return `(?:${toRe2(node.body, approximate)})`;
    case 'concat':
      return node.items.map((n) => toRe2(n, approximate)).join('');
    case 'alt':
      return `(?:${node.items.map((n) => toRe2(n, approximate)).join('|')})`;
    case 'repeat': {
      const body = `(?:${toRe2(node.body, approximate)})`;
      const max = node.max === null ? '' : String(node.max);
      return node.min === node.max ? `${body}{${node.min}}` : `${body}{${node.min},${max}}`;
    }
    case 'backref':
      if (!approximate) throw new Error('back-references need the backtracker');
      return '.*';
  }
}
