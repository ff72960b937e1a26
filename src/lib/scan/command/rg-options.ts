/**
 * ripgrep's option syntax (clap: clustered short flags, `-e P`/`-eP`, `--opt=V`/`--opt V`, options
 * after operands, `--`), for the supported flags only, and its defaults, not grep's: recursive,
 * .gitignore/.ignore/.rgignore respected, hidden and binary files skipped (issue 22).
 */
import type { PatternSpec } from '../types.js';
import { RG_TYPES } from './rg-types.js';
import type { Word } from './tokenize.js';

/** What decides which files rg searches, beside the operands. */
export interface RgFilters {
  /** -g/--glob in order; `!` negation kept as `negated` (the last matching glob wins). */
  globs: { glob: string; negated: boolean }[];
  /** -t: the file must match one of these types' globs; -T: it must match none. */
  typeGlobs: string[];
  typeNotGlobs: string[];
  /** --hidden / -uu: hidden files searched. */
  hidden: boolean;
  /** --no-ignore / -u: ignore files not read. */
  noIgnore: boolean;
}

export interface RgOptions {
  spec: PatternSpec;
  filters: RgFilters;
  count: boolean;
  countMatches: boolean;
  filesWithMatches: boolean;
  lineNumber: boolean;
  withFilename: boolean | null;
  operands: Word[];
}

const FLAGS: Record<string, string> = {
  i: 'ignore-case', S: 'smart-case', s: 'case-sensitive', w: 'word-regexp', x: 'line-regexp', F: 'fixed-strings',
  v: 'invert-match', c: 'count', l: 'files-with-matches', n: 'line-number', N: 'no-line-number', H: 'with-filename',
  I: 'no-filename', o: 'only-matching', u: 'unrestricted', '.': 'hidden',
};
const LONG = new Set([...Object.values(FLAGS), 'count-matches', 'no-ignore', 'no-heading', 'no-messages']);
const WITH_VALUE: Record<string, string> = { e: 'regexp', g: 'glob', t: 'type', T: 'type-not' };
const LONG_WITH_VALUE = new Set([...Object.values(WITH_VALUE), 'color', 'colour']);

/** Parses rg's arguments (after `rg`) into options, or a reason naming the unsupported word. */
export function parseRgArgs(words: readonly Word[]): RgOptions | { reason: string } {
  const set = new Set<string>();
  const patterns: string[] = [];
  const args: Word[] = [];
  const filters: RgFilters = { globs: [], typeGlobs: [], typeNotGlobs: [], hidden: false, noIgnore: false };
  let unrestricted = 0;
  let onlyOperands = false;
  const value = (name: string, v: string): string | null => {
    if (name === 'regexp') patterns.push(v);
    else if (name === 'glob') filters.globs.push(v.startsWith('!') ? { glob: v.slice(1), negated: true } : { glob: v, negated: false });
    else if (name === 'type' || name === 'type-not') {
      const globs = RG_TYPES[v];
      if (!globs) return `unsupported rg file type \`${v}\` (known: ${Object.keys(RG_TYPES).join(', ')})`;
      (name === 'type' ? filters.typeGlobs : filters.typeNotGlobs).push(...globs);
    } else if (v !== 'never' && v !== 'auto') return `unsupported rg option \`--${name}=${v}\``;
    return null;
  };
  for (let k = 0; k < words.length; k++) {
    const t = (words[k] as Word).text;
    if (onlyOperands || !t.startsWith('-') || t === '-') {
      args.push(words[k] as Word);
      continue;
    }
    if (t === '--') { onlyOperands = true; continue; }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = t.slice(2, eq < 0 ? undefined : eq);
      if (LONG.has(name) && eq < 0) {
        if (name === 'unrestricted') unrestricted++;
        else set.add(name);
        continue;
      }
      if (!LONG_WITH_VALUE.has(name)) return { reason: `unsupported rg option \`${t}\`` };
      const v = eq >= 0 ? t.slice(eq + 1) : words[++k]?.text;
      if (v === undefined) return { reason: `rg option \`${t}\` needs a value` };
      const r = value(name, v);
      if (r) return { reason: r };
      continue;
    }
    for (let j = 1; j < t.length; j++) {
      const f = t[j] as string;
      const long = WITH_VALUE[f];
      if (long) {
        const rest = t.slice(j + 1);
        const v = rest !== '' ? rest : words[++k]?.text;
        if (v === undefined) return { reason: `rg option \`-${f}\` needs a value` };
        const r = value(long, v);
        if (r) return { reason: r };
        break;
      }
      const name = FLAGS[f];
      if (!name) return { reason: `unsupported rg option \`-${f}\` (in \`${t}\`)` };
      if (name === 'unrestricted') unrestricted++;
      else set.add(name);
    }
  }
  // -u: no ignore files; -uu: and hidden files; -uuu would also search binary files.
  if (unrestricted >= 3) return { reason: 'unsupported rg option `-uuu` (binary files searched)' };
  filters.noIgnore = set.has('no-ignore') || unrestricted >= 1;
  filters.hidden = set.has('hidden') || unrestricted >= 2;
  if (patterns.length === 0) {
    const p = args.shift();
    if (p === undefined) return { reason: 'rg has no pattern' };
    patterns.push(p.text);
  }
  if (set.has('invert-match') && (set.has('only-matching') || set.has('count-matches'))) {
    return { reason: 'unsupported rg option combination `-v` with `-o`/`--count-matches`' };
  }
  if (set.has('only-matching') && (set.has('count') || set.has('count-matches') || set.has('files-with-matches'))) {
    return { reason: 'unsupported rg option combination `-o` with `-c`/`-l`' };
  }
  // -F: each pattern quoted into a Rust regex, so -w/-i keep rg's Unicode meaning.
  const fixed = set.has('fixed-strings');
  const pattern = (fixed ? patterns.map((p) => p.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')) : patterns).join('\n');
  // -S: case-insensitive unless the pattern has an uppercase letter (escapes aside); later flags win in rg,
  // here -i and -s beat -S.
  const smart = set.has('smart-case') && !/\p{Lu}/u.test(fixed ? patterns.join('') : patterns.join('').replace(/\\./g, ''));
  const spec: PatternSpec = {
    pattern,
    flavour: 'rust',
    ignoreCase: set.has('case-sensitive') ? false : set.has('ignore-case') || smart,
    wordRegexp: set.has('word-regexp'),
    invert: set.has('invert-match'),
  };
  if (set.has('line-regexp')) spec.lineRegexp = true;
  if (set.has('only-matching') || set.has('count-matches')) spec.onlyMatching = true;
  return {
    spec,
    filters,
    count: set.has('count'),
    countMatches: set.has('count-matches'),
    // rg 13: -c and --count-matches beat -l, in either order.
    filesWithMatches: set.has('files-with-matches') && !set.has('count') && !set.has('count-matches'),
    lineNumber: set.has('line-number') && !set.has('no-line-number'),
    withFilename: set.has('no-filename') ? false : set.has('with-filename') ? true : null,
    operands: args,
  };
}
