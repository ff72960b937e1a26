/**
 * compilePattern: a grep pattern spec (BRE/ERE/fixed, -i, -w, -v) to a line matcher. RE2 (re2js,
 * linear time) is the engine whenever it can express the pattern exactly; back-references and
 * GNU word assertions go to the budgeted backtracker, prefiltered by an RE2 superset.
 */
import { RE2JS } from 're2js';
import type { PatternSpec } from '../types.js';
import { literalNode, nullable, type Node, type ParsedPattern } from './ast.js';
import { makeBacktracker, type MatchMode } from './backtrack.js';
import { PatternSyntaxError } from './bracket.js';
import { toRe2 } from './emit.js';
import { requiredLiterals } from './literals.js';
import { parsePosix } from './parse.js';
import { perlToRe2, RUST_NON_WORD, UnsupportedPattern } from './perl.js';

/** A compiled grep pattern. Lines are given without their newline, invalid UTF-8 bytes as INVALID_BYTE_MARK. */
export interface CompiledPattern {
  readonly spec: PatternSpec;
  /** 'literal' (indexOf), 're2', or 'backtrack' (exact but budgeted). */
  readonly engine: 'literal' | 're2' | 'backtrack';
  /** Whether the pattern matches somewhere in the line (grep without -v). */
  matches(line: string): boolean;
  /** Whether grep selects the line (-v applied). */
  selects(line: string): boolean;
  /**
   * The matches -o prints for the line, left to right (none under -v); `unterminated`: the line is
   * the file's last and has no `\n` (rg drops an empty match at its very end).
   */
  occurrences(line: string, unterminated?: boolean): string[];
  /** Case-sensitive strings one of which every matching line contains, or null. */
  readonly required: readonly string[] | null;
  /** Stable identity for caches. */
  readonly key: string;
}

const NON_WORD = '[^\\p{L}\\p{Nl}0-9_]';

/**
 * Compiles a PatternSpec the way grep would read it: the pattern is a newline-separated list
 * (grep -e P1 -e P2 is "P1\nP2"), and a line is selected when any of them matches.
 * Returns `{ error }` with grep's own wording for a pattern grep would refuse.
 */
export function compilePattern(spec: PatternSpec): CompiledPattern | { error: string } {
  const fields = specFields(spec);
  const seen = compiledBySpec.get(spec);
  if (seen !== undefined && seen.fields.every((f, k) => f === fields[k])) return seen.compiled;
  const key = JSON.stringify(fields);
  let compiled = compiledByKey.get(key);
  if (compiled === undefined) {
    compiled = compileUncached(spec, key);
    if (compiledByKey.size >= COMPILED_LIMIT) compiledByKey.delete(compiledByKey.keys().next().value as string);
    compiledByKey.set(key, compiled);
  }
  compiledBySpec.set(spec, { fields, compiled });
  return compiled;
}

/**
 * The same spec object asked for again (a pipeline's later `grep -v` stage, once per one-file tree
 * of the backfill): found without building its key string. Kept with the fields it had, so a spec
 * changed since is compiled again.
 */
const compiledBySpec = new WeakMap<PatternSpec, { fields: readonly unknown[]; compiled: CompiledPattern | { error: string } }>();

/**
 * Compiled patterns by spec. The history backfill evaluates the same few patterns on thousands of
 * one-file trees; compiling them each time cost more than matching. A compiled pattern is
 * immutable (the backtracker resets its state on every synchronous `test`), so sharing is safe.
 */
const compiledByKey = new Map<string, CompiledPattern | { error: string }>();
const COMPILED_LIMIT = 512;

/** What a pattern's compilation depends on: its cache key is these as JSON. */
function specFields(spec: PatternSpec): unknown[] {
  return [spec.pattern, spec.flavour, spec.ignoreCase, spec.wordRegexp, spec.invert, spec.lineRegexp === true, spec.onlyMatching === true, spec.gitWords === true, spec.keepNul === true];
}

function compileUncached(spec: PatternSpec, key: string): CompiledPattern | { error: string } {
  const sources = spec.pattern.split('\n');
  if (spec.flavour === 'perl' || spec.flavour === 'rust') return compilePerl(spec, key, sources);
  let parsed: ParsedPattern[];
  try {
    parsed = sources.map((p) =>
      spec.flavour === 'fixed'
        ? { root: literalNode(p), groups: 0, hasBackref: false, hasWordAssertion: false }
        : parsePosix(p, spec.flavour === 'extended'),
    );
  } catch (e) {
    if (e instanceof PatternSyntaxError) return { error: `invalid pattern ${JSON.stringify(spec.pattern)}: ${e.message}` };
    throw e;
  }
  const reqs = parsed.map((p) => requiredLiterals(p.root));
  const required = spec.ignoreCase || reqs.some((r) => r === null) ? null : narrow([...new Set(reqs.flatMap((r) => r ?? []))]);
  // grep: -x wins over -w (match_lines is tested first).
  const mode: MatchMode = { ignoreCase: spec.ignoreCase, wordRegexp: spec.wordRegexp && spec.lineRegexp !== true, lineRegexp: spec.lineRegexp === true };
  const roots = parsed.map((p) => p.root);
  // -o: all patterns as one alternation, so the leftmost-longest match is taken over all of them.
  const groups = Math.max(0, ...parsed.map((p) => p.groups));
  const whole: Node = roots.length === 1 ? (roots[0] as Node) : { type: 'alt', items: roots };
  const make = (engine: CompiledPattern['engine'], matches: (line: string) => boolean, occurrences: (line: string) => string[]): CompiledPattern => ({
    spec, engine, matches, required, key,
    selects: spec.invert ? (line) => !matches(line) : matches,
    occurrences: spec.invert ? () => [] : occurrences,
  });
  const tracked = (): ((line: string) => string[]) => {
    let t: ReturnType<typeof makeBacktracker> | undefined;
    return (line) => (t ??= makeBacktracker(whole, groups, mode)).occurrences(line).map((o) => o.text ?? '');
  };

  if (spec.flavour === 'fixed' && !spec.ignoreCase && !mode.wordRegexp && !mode.lineRegexp) {
    return make('literal', (line) => sources.some((s) => line.includes(s)), tracked());
  }
  if (spec.gitWords && mode.wordRegexp) return compileGitWords(roots, parsed, spec, make);
  // -w with a pattern that can match empty follows grep's shrink-and-retry rule: backtracker.
  const exact = parsed.every((p) => !p.hasBackref && !p.hasWordAssertion && !(mode.wordRegexp && nullable(p.root)));
  const re2 = compileRe2(roots, spec, !exact);
  if (exact && re2 && !('error' in re2)) {
    // Without -w, RE2's leftmost-longest mode finds grep -o's matches in linear time.
    const longest = mode.wordRegexp ? null : compileRe2(roots, spec, false, RE2JS.LONGEST_MATCH);
    const occ = longest && !('error' in longest) ? re2Occurrences(longest) : tracked();
    return make('re2', (line) => re2.test(line), (line) => (re2.test(line) ? occ(line) : []));
  }
  // Backtracker per pattern, each behind an RE2 superset when RE2 can build one.
  const trackers = parsed.map((p) => makeBacktracker(p.root, p.groups, mode));
  const pre = re2 && !('error' in re2) ? re2 : null;
  // (When RE2 refuses a valid POSIX pattern, e.g. a repeat count over 1000, the backtracker stays exact.)
  const matches = (line: string): boolean => (pre === null || pre.test(line)) && trackers.some((t) => t.test(line));
  const occ = tracked();
  return make('backtrack', matches, (line) => (matches(line) ? occ(line) : []));
}

/**
 * grep -P and rg: the PCRE subset (or Rust regex) translated to RE2 (see perl.ts). grep 3.8 wraps
 * -w as `(?<!\w)(?:P)(?!\w)`, rg 13 as `(?:^|\W)(?:P)(?:\W|$)`, both -x as `^(?:P)$`; for selecting
 * a line, consuming the non-word neighbour instead of looking at it finds the same lines. -o -w
 * would print different text: refused.
 */
function compilePerl(spec: PatternSpec, key: string, sources: string[]): CompiledPattern | { error: string } {
  const dialect = spec.flavour === 'rust' ? 'rust' : 'pcre';
  const tool = dialect === 'rust' ? 'rg' : 'grep -P';
  let bodies: string[];
  try {
    bodies = sources.map((p) => perlToRe2(p, dialect));
  } catch (e) {
    if (e instanceof UnsupportedPattern) return { error: e.message };
    if (e instanceof PatternSyntaxError) return { error: `invalid pattern ${JSON.stringify(spec.pattern)}: ${e.message}` };
    throw e;
  }
  if (spec.onlyMatching && spec.wordRegexp && !spec.lineRegexp) return { error: `unsupported: ${tool} -o -w (the word bounds change the matched text)` };
  const nonWord = dialect === 'rust' ? RUST_NON_WORD : '[^A-Za-z0-9_]';
  const body = bodies.map((b) => `(?:${b})`).join('|');
  const source = spec.lineRegexp ? `^(?:${body})$` : spec.wordRegexp ? `(?:^|${nonWord})(?:${body})(?:${nonWord}|$)` : body;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, spec.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    return { error: `invalid or unsupported ${tool} pattern ${JSON.stringify(spec.pattern)}: ${e instanceof Error ? e.message : String(e)}` };
  }
  // RE2's \b is ASCII; Rust's is Unicode. They agree on lines without non-ASCII word characters;
  // on others the count would be a guess, so the file is reported instead.
  const asciiBoundaryOnly = dialect === 'rust' && /\\[bB]/.test(spec.pattern);
  const matches = (line: string): boolean => {
    if (asciiBoundaryOnly && NON_ASCII_WORD.test(line)) throw new Error("rg's Unicode `\\b` next to non-ASCII letters is not supported by the linear-time engine");
    return re.test(line);
  };
  const occ = dialect === 'rust' ? rustOccurrences(re, !spec.lineRegexp && !/[\^$]|\\[bBAz]/.test(spec.pattern)) : re2Occurrences(re); // both leftmost-first, like RE2
  return {
    spec, engine: 're2', matches, required: null, key,
    selects: spec.invert ? (line) => !matches(line) : matches,
    occurrences: spec.invert ? () => [] : (line, unterminated) => (matches(line) ? occ(line, unterminated === true) : []),
  };
}

const NON_ASCII_WORD = /(?![\x00-\x7f])[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;

/**
 * rg -o (Rust find_iter over bytes): empty matches print as empty lines, except one right after a
 * match; the search steps one byte at a time, so a pattern without anchors or `\b` also matches
 * empty inside a multi-byte character, once per continuation byte (`o*` on `é` prints 2 lines).
 */
function rustOccurrences(re: RE2JS, emptyInsideChars: boolean): (line: string, unterminated: boolean) => string[] {
  const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  return (line, unterminated) => {
    const out: string[] = [];
    const m = re.matcher(line);
    let from = 0;
    let lastEnd = -1;
    while (from <= line.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      const cp = line.codePointAt(start) ?? 0;
      const step = cp > 0xffff ? 2 : 1;
      if (end === start) {
        // rg matches a line with its `\n` and drops an empty last match at the end of those bytes
        // (grep-printer's record_matches): only seen on a last line without one.
        const atEndOfBytes = unterminated && start === line.length;
        if (start !== lastEnd && !atEndOfBytes) out.push('');
        if (emptyInsideChars && start < line.length) for (let k = 1; k < utf8Length(cp); k++) out.push('');
        from = start + step;
        continue;
      }
      out.push(line.slice(start, end));
      lastEnd = end;
      from = end;
    }
    return out;
  };
}

/**
 * git grep -w (grep.c, match_one_pattern): take the leftmost-longest match; it counts when it is
 * non-empty and bounded by non-word characters (ASCII alnum or `_`, bytewise); otherwise search
 * again from one past its start, skipping word characters, with `^` no longer matching.
 */
function compileGitWords(
  roots: Node[], parsed: ParsedPattern[], spec: PatternSpec,
  make: (engine: CompiledPattern['engine'], matches: (line: string) => boolean, occurrences: (line: string) => string[]) => CompiledPattern,
): CompiledPattern | { error: string } {
  if (parsed.some((p) => p.hasBackref || p.hasWordAssertion)) return { error: 'unsupported: git grep -w with back-references or word assertions' };
  const re = compileRe2(roots, { ...spec, wordRegexp: false }, false, RE2JS.LONGEST_MATCH);
  if (!re || 'error' in re) return { error: `unsupported: git grep -w with this pattern (${re?.error ?? 'no linear form'})` };
  const word = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
  const matches = (line: string): boolean => {
    const m = re.matcher(line);
    let from = 0;
    while (from <= line.length && m.find(from)) {
      const s = m.start();
      const e = m.end();
      if (e > s && (s === 0 || !word(line[s - 1])) && (e === line.length || !word(line[e]))) return true;
      if (s + 1 >= line.length) return false;
      from = s + 1;
      while (from < line.length && word(line[from - 1])) from++;
      if (from >= line.length) return false;
    }
    return false;
  };
  return make('re2', matches, () => []);
}

/** grep -o's loop: each non-empty match, then on from its end; after an empty one, one character on. */
function re2Occurrences(re: RE2JS): (line: string) => string[] {
  return (line) => {
    const out: string[] = [];
    const m = re.matcher(line);
    let from = 0;
    while (from <= line.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      if (end > start) {
        out.push(line.slice(start, end));
        from = end;
      } else from = start + ((line.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    }
    return out;
  };
}

function compileRe2(roots: Node[], spec: PatternSpec, approximate: boolean, flags = 0): RE2JS | { error: string } | null {
  const body = roots.map((r) => `(?:${toRe2(r, approximate)})`).join('|');
  const source = spec.lineRegexp ? `^(?:${body})$` : spec.wordRegexp ? `(?:^|${NON_WORD})(?:${body})(?:${NON_WORD}|$)` : body;
  try {
    return RE2JS.compile(source, flags | (spec.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Type guard for compilePattern's result. */
export function isCompileError(c: CompiledPattern | { error: string }): c is { error: string } {
  return 'error' in c;
}

/** Several literals sharing a long prefix ("requests.get", "requests.post"): scan once for the prefix. */
function narrow(lits: string[]): string[] {
  if (lits.length < 2) return lits;
  let prefix = lits[0] as string;
  for (const l of lits) while (!l.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.length >= 4 ? [prefix] : lits;
}
