/**
 * compilePattern: a grep pattern spec (BRE/ERE/fixed, -i, -w, -v) to a line matcher. RE2 (re2js,
 * linear time) is the engine whenever it can express the pattern exactly; back-references and
 * GNU word assertions go to the budgeted backtracker, prefiltered by an RE2 superset.
 */
import { RE2JS } from 're2js';
import type { PatternSpec } from '../types.js';
import { literalNode, nullable, type Node, type ParsedPattern } from './ast.js';
import { makeBacktracker } from './backtrack.js';
import { PatternSyntaxError } from './bracket.js';
import { toRe2 } from './emit.js';
import { requiredLiterals } from './literals.js';
import { parsePosix } from './parse.js';

/** A compiled grep pattern. Lines are given without their newline, invalid UTF-8 bytes as INVALID_BYTE_MARK. */
export interface CompiledPattern {
  readonly spec: PatternSpec;
  /** 'literal' (indexOf), 're2', or 'backtrack' (exact but budgeted). */
  readonly engine: 'literal' | 're2' | 'backtrack';
  /** Whether the pattern matches somewhere in the line (grep without -v). */
  matches(line: string): boolean;
  /** Whether grep selects the line (-v applied). */
  selects(line: string): boolean;
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
  const key = specKey(spec);
  let compiled = compiledByKey.get(key);
  if (compiled === undefined) {
    compiled = compileUncached(spec, key);
    if (compiledByKey.size >= COMPILED_LIMIT) compiledByKey.delete(compiledByKey.keys().next().value as string);
    compiledByKey.set(key, compiled);
  }
  return compiled;
}

/**
 * Compiled patterns by spec. The history backfill evaluates the same few patterns on thousands of
 * one-file trees; compiling them each time cost more than matching. A compiled pattern is
 * immutable (the backtracker resets its state on every synchronous `test`), so sharing is safe.
 */
const compiledByKey = new Map<string, CompiledPattern | { error: string }>();
const COMPILED_LIMIT = 512;

function specKey(spec: PatternSpec): string {
  return JSON.stringify([spec.pattern, spec.flavour, spec.ignoreCase, spec.wordRegexp, spec.invert]);
}

function compileUncached(spec: PatternSpec, key: string): CompiledPattern | { error: string } {
  const sources = spec.pattern.split('\n');
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
  const make = (engine: CompiledPattern['engine'], matches: (line: string) => boolean): CompiledPattern => ({
    spec, engine, matches, required, key,
    selects: spec.invert ? (line) => !matches(line) : matches,
  });

  if (spec.flavour === 'fixed' && !spec.ignoreCase && !spec.wordRegexp) {
    return make('literal', (line) => sources.some((s) => line.includes(s)));
  }
  // -w with a pattern that can match empty follows grep's shrink-and-retry rule: backtracker.
  const exact = parsed.every((p) => !p.hasBackref && !p.hasWordAssertion && !(spec.wordRegexp && nullable(p.root)));
  const re2 = compileRe2(parsed.map((p) => p.root), spec, !exact);
  if (exact && re2 && !('error' in re2)) return make('re2', (line) => re2.test(line));
  // Backtracker per pattern, each behind an RE2 superset when RE2 can build one.
  const trackers = parsed.map((p) => makeBacktracker(p.root, p.groups, spec.ignoreCase, spec.wordRegexp));
  const pre = re2 && !('error' in re2) ? re2 : null;
  // (When RE2 refuses a valid POSIX pattern, e.g. a repeat count over 1000, the backtracker stays exact.)
  return make('backtrack', (line) => (pre === null || pre.test(line)) && trackers.some((t) => t.test(line)));
}

function compileRe2(roots: Node[], spec: PatternSpec, approximate: boolean): RE2JS | { error: string } | null {
  const body = roots.map((r) => `(?:${toRe2(r, approximate)})`).join('|');
  const source = spec.wordRegexp ? `(?:^|${NON_WORD})(?:${body})(?:${NON_WORD}|$)` : body;
  try {
    return RE2JS.compile(source, spec.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
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
