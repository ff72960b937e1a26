/**
 * grep's option syntax (GNU getopt_long: clustered short options, `-e P`/`-eP`, `--opt=V` or
 * `--opt V`, options after operands, `--` ending options), for the supported flags only.
 */
import type { PatternFlavour, PatternSpec } from '../types.js';
import type { Word } from './tokenize.js';

export interface GrepOptions {
  flavour: PatternFlavour | null;
  ignoreCase: boolean;
  wordRegexp: boolean;
  invert: boolean;
  recursive: 'none' | 'r' | 'R';
  count: boolean;
  filesWithMatches: boolean;
  lineNumber: boolean;
  withFilename: boolean | null;
  skipBinary: boolean;
  /** -o: only the matched parts, one per line. */
  onlyMatching: boolean;
  /** -x: whole-line matches. */
  lineRegexp: boolean;
  /** The first -A/-B/-C option as written: context lines change grep's output except under -c/-l. */
  context: string | null;
  patterns: string[];
  globs: { kind: 'include' | 'exclude'; glob: string }[];
  excludeDirs: string[];
  args: Word[];
  /** git grep: a later -E/-F/-G/-P replaces an earlier one (grep refuses two different ones). */
  lastMatcherWins?: boolean;
}

const SHORT_FLAGS = 'rRcliEFGPvwnhHsIox';
/** Short options taking a number (lines of context). */
const CONTEXT_FLAGS = 'ABC';
const LONG_FLAGS: Record<string, string> = {
  recursive: 'r', 'dereference-recursive': 'R', count: 'c', 'files-with-matches': 'l', 'ignore-case': 'i',
  'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'invert-match': 'v', 'word-regexp': 'w',
  'line-number': 'n', 'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's', 'perl-regexp': 'P',
  'only-matching': 'o', 'line-regexp': 'x',
};
const LONG_WITH_VALUE = ['include', 'exclude', 'exclude-dir', 'regexp', 'binary-files', 'color', 'colour', 'after-context', 'before-context', 'context'];

export function newOptions(): GrepOptions {
  return {
    flavour: null, ignoreCase: false, wordRegexp: false, invert: false, recursive: 'none', count: false,
    filesWithMatches: false, lineNumber: false, withFilename: null, skipBinary: false, onlyMatching: false,
    lineRegexp: false, context: null, patterns: [], globs: [],
    excludeDirs: [], args: [],
  };
}

/** Parses grep's arguments (after the command name). Returns a reason naming the unsupported token. */
export function parseGrepArgs(words: readonly Word[], o: GrepOptions = newOptions()): GrepOptions | { reason: string } {
  let onlyOperands = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as Word;
    const t = w.text;
    if (onlyOperands || !t.startsWith('-') || t === '-') {
      o.args.push(w);
      continue;
    }
    if (t === '--') { onlyOperands = true; continue; }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = t.slice(2, eq < 0 ? undefined : eq);
      if (LONG_FLAGS[name] !== undefined && eq < 0) {
        const r = applyFlag(LONG_FLAGS[name] as string, o);
        if (r) return { reason: r };
        continue;
      }
      if (!LONG_WITH_VALUE.includes(name)) return { reason: `unsupported grep option \`${t}\`` };
      let value: string;
      if (eq >= 0) value = t.slice(eq + 1);
      else {
        const v = words[++k];
        if (v === undefined) return { reason: `grep option \`${t}\` needs a value` };
        value = v.text;
      }
      const r = applyValue(name, value, o);
      if (r) return { reason: r };
      continue;
    }
    for (let j = 1; j < t.length; j++) {
      const f = t[j] as string;
      if (f === 'e') {
        const rest = t.slice(j + 1);
        if (rest) o.patterns.push(rest);
        else {
          const v = words[++k];
          if (v === undefined) return { reason: 'grep option `-e` needs a pattern' };
          o.patterns.push(v.text);
        }
        break;
      }
      if (CONTEXT_FLAGS.includes(f)) {
        const rest = t.slice(j + 1);
        const value = rest !== '' ? rest : words[++k]?.text;
        if (value === undefined || !/^\d+$/.test(value)) return { reason: `grep option \`-${f}\` needs a number of lines` };
        o.context ??= `-${f} ${value}`;
        break;
      }
      const r = applyFlag(f, o);
      if (r) return { reason: r === 'unknown' ? `unsupported grep option \`-${f}\` (in \`${t}\`)` : r };
    }
  }
  return o;
}

function applyFlag(f: string, o: GrepOptions): string | null {
  if (!SHORT_FLAGS.includes(f)) return 'unknown';
  switch (f) {
    case 'r': if (o.recursive !== 'R') o.recursive = 'r'; break;
    case 'R': o.recursive = 'R'; break;
    case 'c': o.count = true; break;
    case 'l': o.filesWithMatches = true; break;
    case 'i': o.ignoreCase = true; break;
    case 'v': o.invert = true; break;
    case 'w': o.wordRegexp = true; break;
    case 'n': o.lineNumber = true; break;
    case 'h': o.withFilename = false; break;
    case 'H': o.withFilename = true; break;
    case 'I': o.skipBinary = true; break;
    case 'o': o.onlyMatching = true; break;
    case 'x': o.lineRegexp = true; break;
    case 's': break; // only silences error messages
    default: {
      const flavour: PatternFlavour = f === 'E' ? 'extended' : f === 'F' ? 'fixed' : f === 'P' ? 'perl' : 'basic';
      // grep 3.8: "conflicting matchers specified" for two different ones.
      if (o.flavour !== null && o.flavour !== flavour && !o.lastMatcherWins) return 'grep refuses conflicting matchers (-E/-F/-G/-P)';
      o.flavour = flavour;
    }
  }
  return null;
}

function applyValue(name: string, value: string, o: GrepOptions): string | null {
  if (name === 'include' || name === 'exclude') o.globs.push({ kind: name, glob: value });
  else if (name === 'exclude-dir') o.excludeDirs.push(value);
  else if (name === 'regexp') o.patterns.push(value);
  else if (name.endsWith('context')) {
    if (!/^\d+$/.test(value)) return `grep option \`--${name}\` needs a number of lines`;
    o.context ??= `--${name}=${value}`;
  }
  else if (name === 'binary-files') {
    if (value === 'without-match') o.skipBinary = true;
    else if (value !== 'binary') return `unsupported grep option \`--binary-files=${value}\``;
  } else if (value !== 'never' && value !== 'auto') return `unsupported grep option \`--${name}=${value}\``;
  return null;
}

/** The PatternSpec the options describe (the first argument is the pattern when no -e was given). */
export function specOf(o: GrepOptions): { spec: PatternSpec; operands: Word[] } | { reason: string } {
  const operands = [...o.args];
  if (o.patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) return { reason: 'grep has no pattern' };
    o.patterns.push(p.text);
  }
  const spec: PatternSpec = {
    pattern: o.patterns.join('\n'),
    flavour: o.flavour ?? 'basic',
    ignoreCase: o.ignoreCase,
    wordRegexp: o.wordRegexp,
    invert: o.invert,
  };
  if (o.lineRegexp) spec.lineRegexp = true;
  // -c and -l count lines and files whatever -o says; only printed lines need the matched parts.
  if (o.onlyMatching && !o.count && !o.filesWithMatches) spec.onlyMatching = true;
  return { spec, operands };
}
