/**
 * grep -P patterns (PCRE2, as GNU grep 3.8 compiles them: UTF mode, no UCP, so `\w \d \s \b` are
 * ASCII) translated to RE2 syntax for the linear-time engine. PCRE and RE2 share most syntax and
 * both pick the leftmost-first match, so a pattern inside the subset means the same in both. What a
 * linear engine cannot run (lookaround, back-references, atomic groups, possessive quantifiers,
 * recursion, conditionals, `\K`) is refused by name, never approximated (issue 22).
 */
import { PatternSyntaxError } from './bracket.js';

/** A valid PCRE construct that the linear engine cannot run. */
export class UnsupportedPattern extends PatternSyntaxError {}

const unsupported = (what: string, why: string): UnsupportedPattern =>
  new UnsupportedPattern(`unsupported in grep -P/rg: ${why} \`${what}\` (migratrack runs a linear-time engine)`);

/** PCRE2's `\s` includes VT (RE2's does not). */
const SPACE = '\\t\\n\\x0B\\f\\r ';

const NON_ASCII = '\\x{80}-\\x{10FFFF}';

/** Escapes both engines read the same way. */
const SAME = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'A', 'z', 'n', 't', 'r', 'f', 'a']);

/**
 * Rust regex (rg) is Unicode-aware: `\w` is Alphabetic, marks, digits, connectors and joiners;
 * `\d` any decimal digit; `\s` White_Space. RE2 has no Alphabetic property: the letters, Nl and
 * the circled/squared letters stand for it.
 */
const RUST_CLASS: Record<string, string> = {
  w: '\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}',
  d: '\\p{Nd}',
  s: '\\t\\n\\x0B\\f\\r \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}',
};

/** Rust's `\W` (what rg -w puts around a pattern). */
export const RUST_NON_WORD = `[^\\n${RUST_CLASS.w}]`;

export type Dialect = 'pcre' | 'rust';

/** Translates one -P (or rg) pattern, a line of the pattern list, to RE2 syntax. Throws PatternSyntaxError. */
export function perlToRe2(pattern: string, dialect: Dialect = 'pcre'): string {
  let out = '';
  let i = 0;
  let inClass = false;
  /** PCRE2: "quantifier does not follow a repeatable item" after nothing, `(`, `|`, an anchor or a quantifier. */
  let repeatable = false;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const { re2, next } = escape(pattern, i, inClass, dialect);
      out += re2;
      i = next;
      if (!inClass) repeatable = dialect === 'rust' || !/^\\[bBAzZ]$/.test(pattern.slice(i - 2, i));
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const close = pattern.indexOf(':]', i + 2);
        if (close > 0) {
          out += pattern.slice(i, close + 2); // [:alpha:] is ASCII in both without UCP
          i = close + 2;
          continue;
        }
      }
      if (c === ']') {
        inClass = false; // a `]` first in the class was escaped when the class opened
        repeatable = true;
      }
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      // Rust's negated classes match characters, never a byte that is not UTF-8 (our line's mark, `\n`).
      if (pattern[i] === '^') { out += dialect === 'rust' ? '^\\n' : '^'; i++; }
      // `]` right after `[` or `[^` is literal in PCRE.
      if (pattern[i] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(') {
      const g = group(pattern, i);
      out += g.re2;
      i = g.next;
      repeatable = false;
      continue;
    }
    const interval = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0] : undefined;
    if (c === '*' || c === '+' || c === '?' || interval !== undefined) {
      if (!repeatable) throw new PatternSyntaxError('quantifier does not follow a repeatable item');
      const q = interval ?? c;
      out += q;
      i += q.length;
      if (pattern[i] === '+') throw unsupported(`${q}+`, 'possessive quantifier');
      if (pattern[i] === '?') { out += '?'; i++; } // lazy: RE2 has it too
      repeatable = false;
      continue;
    }
    // Rust regex (rg) lets anchors repeat (`$?`); PCRE2 does not.
    repeatable = c === '|' ? false : c === '^' || c === '$' ? dialect === 'rust' : true;
    out += c;
    i++;
  }
  if (inClass) throw new PatternSyntaxError('missing terminating ] for character class');
  return out;
}

function escape(p: string, i: number, inClass: boolean, dialect: Dialect): { re2: string; next: number } {
  const n = p[i + 1];
  if (n === undefined) throw new PatternSyntaxError('\\ at end of pattern');
  if (dialect === 'rust' && n !== undefined && RUST_CLASS[n.toLowerCase()] !== undefined) {
    const body = RUST_CLASS[n.toLowerCase()] as string;
    const negated = n !== n.toLowerCase();
    if (inClass && negated) throw unsupported(`\\${n}`, 'a negated class inside brackets');
    return { re2: inClass ? body : `[${negated ? '^\\n' : ''}${body}]`, next: i + 2 };
  }
  if (dialect === 'rust' && (n === 'Z' || n === 'e')) throw new PatternSyntaxError(`unrecognized escape sequence \\${n}`);
  if (n === 's') return { re2: inClass ? SPACE : `[${SPACE}]`, next: i + 2 };
  // grep 3.8 with PCRE2 10.42 (Debian 12, the oracle): `\S` `\W` `\D` outside brackets match
  // ASCII characters only, inside brackets any character.
  if (n === 'S') return { re2: inClass ? `\\x00-\\x08\\x0E-\\x1F!-${NON_ASCII}` : `[^${SPACE}${NON_ASCII}]`, next: i + 2 };
  if ((n === 'W' || n === 'D') && !inClass) return { re2: `[^${n === 'W' ? '\\w' : '0-9'}${NON_ASCII}]`, next: i + 2 };
  if (n === 'Z') return { re2: '\\z', next: i + 2 }; // a line has no trailing newline
  if (n === 'e') return { re2: '\\x1B', next: i + 2 };
  if (n === 'x' || n === 'p' || n === 'P') {
    const m = /^\\[xpP](\{[^}]*\}|[0-9A-Fa-f]{0,2}|[A-Za-z])/.exec(p.slice(i));
    const len = m ? m[0].length : 2;
    return { re2: p.slice(i, i + len), next: i + len };
  }
  if (/[1-9]/.test(n)) throw unsupported(`\\${n}`, 'back-reference');
  if (n === 'g' || n === 'k') throw unsupported(`\\${n}`, 'back-reference');
  if (n === 'K' || n === 'G') throw unsupported(`\\${n}`, 'match-reset/anchor');
  if (n === '0') throw unsupported('\\0', 'octal escape');
  if (SAME.has(n)) {
    if (inClass && (n === 'b' || n === 'B' || n === 'A' || n === 'z')) throw unsupported(`\\${n}`, 'escape inside brackets');
    return { re2: `\\${n}`, next: i + 2 };
  }
  if (/[A-Za-z]/.test(n)) throw unsupported(`\\${n}`, 'escape');
  // An escaped punctuation or other non-alphanumeric character is that character.
  const cp = p.codePointAt(i + 1) as number;
  return { re2: cp < 0x80 ? `\\${n}` : String.fromCodePoint(cp), next: i + 1 + (cp > 0xffff ? 2 : 1) };
}

function group(p: string, i: number): { re2: string; next: number } {
  if (p[i + 1] !== '?') {
    if (p[i + 1] === '*') throw unsupported('(*', 'verb');
    return { re2: '(', next: i + 1 };
  }
  const rest = p.slice(i + 2);
  if (rest.startsWith(':')) return { re2: '(?:', next: i + 3 };
  const named = /^(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest);
  if (named) return { re2: `(?P<${named[1] ?? named[2]}>`, next: i + 2 + named[0].length };
  // Inline flags: i (caseless), s (dotall; no newline in a line), m (multiline; one line), and their `-` forms.
  const flags = /^([ims]*)(?:-([ims]*))?(:|\))/.exec(rest);
  if (flags && (flags[1] !== '' || flags[2] !== undefined)) {
    return { re2: `(?${flags[0]}`, next: i + 2 + flags[0].length };
  }
  if (rest.startsWith('=') || rest.startsWith('!')) throw unsupported(`(?${rest[0]}`, 'lookahead');
  if (rest.startsWith('<=') || rest.startsWith('<!')) throw unsupported(`(?${rest.slice(0, 2)}`, 'lookbehind');
  if (rest.startsWith('>')) throw unsupported('(?>', 'atomic group');
  if (rest.startsWith('(')) throw unsupported('(?(', 'conditional');
  if (rest.startsWith('#')) throw unsupported('(?#', 'comment group');
  if (rest.startsWith('|')) throw unsupported('(?|', 'branch reset');
  if (/^[xnJU^-]/.test(rest)) throw unsupported(`(?${rest[0]}`, 'inline option');
  if (/^(?:R|[0-9+&]|P[=>])/.test(rest)) throw unsupported(`(?${rest.slice(0, 2)}`, 'recursion or back-reference');
  throw new PatternSyntaxError(`unrecognized character after (? or (?-`);
}
