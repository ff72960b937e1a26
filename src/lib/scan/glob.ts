/**
 * Wildcards as grep's --include/--exclude/--exclude-dir use them (gnulib exclude.c: fnmatch
 * without FNM_PATHNAME or FNM_PERIOD, so `*` matches `/` and leading dots), and as a shell expands
 * an unquoted operand (bash: per path segment, no leading-dot matches, sorted).
 */
import type { FileGlob } from './command/pipeline.js';

/** fnmatch(3) with flags 0: `*`, `?`, `[...]`/`[!...]`/`[^...]` with classes, `\` escapes. */
export function fnmatch(pattern: string, name: string): boolean {
  let test = compiled.get(pattern);
  if (!test) compiled.set(pattern, (test = nameTest(pattern)));
  return test(name);
}

const compiled = new Map<string, (name: string) => boolean>();

/**
 * `--include="*.py"`, the usual glob, is a suffix test: it runs for every file a recursive grep
 * meets (issue 21). Only an ASCII suffix without wildcards, brackets or escapes takes that path.
 */
function nameTest(pattern: string): (name: string) => boolean {
  const suffix = pattern.slice(1);
  if (pattern.startsWith('*') && /^[\x20-\x7e]*$/.test(suffix) && !/[*?[\\]/.test(suffix)) return (name) => name.endsWith(suffix);
  const re = new RegExp(`^${globToRegExp(pattern, {})}$`, 'su');
  return (name) => re.test(name);
}

const CLASSES: Record<string, string> = {
  alpha: '\\p{L}', digit: '0-9', alnum: '\\p{L}0-9', upper: '\\p{Lu}', lower: '\\p{Ll}', space: '\\s',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e\\u00a0-\\u{10ffff}',
  graph: '\\x21-\\x7e\\u00a1-\\u{10ffff}',
};

function esc(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function globToRegExp(p: string, opts: { slashIsSpecial?: boolean; periodIsSpecial?: boolean }): string {
  const any = opts.slashIsSpecial ? '[^/]' : '[\\s\\S]';
  const chars = [...p];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const atStart = i === 0 || (opts.slashIsSpecial && chars[i - 1] === '/');
    const noDot = opts.periodIsSpecial && atStart ? '(?!\\.)' : '';
    if (c === '*') out += `${noDot}${any}*`;
    else if (c === '?') out += `${noDot}${any}`;
    else if (c === '\\' && i + 1 < chars.length) out += esc(chars[++i] as string);
    else if (c === '[') {
      const r = bracket(chars, i);
      if (r) {
        out += noDot + r.re;
        i = r.end;
      } else out += '\\[';
    } else out += esc(c);
  }
  return out;
}

function bracket(chars: string[], start: number): { re: string; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (chars[i] === '!' || chars[i] === '^') { neg = true; i++; }
  let body = '';
  let first = true;
  for (; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      const name = chars.slice(i + 2, close).join('');
      if (close > 0 && chars[close + 1] === ']' && CLASSES[name]) {
        body += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (c === '-' && body !== '' && chars[i + 1] !== ']' && chars[i + 1] !== undefined) body += '-';
    else body += c === '\\' && chars[i + 1] !== undefined ? esc(chars[++i] as string) : esc(c);
  }
  return null;
}

/**
 * grep's decision for a name (gnulib excluded_file_name): the last --include/--exclude that
 * matches decides; when none matches, the file is excluded only if the first option is --include.
 * `commandLine` names match on any suffix starting after a `/`; names met in recursion are base names.
 */
export function excludedByGlobs(globs: readonly FileGlob[], name: string, commandLine: boolean): boolean {
  if (globs.length === 0) return false;
  for (let k = globs.length - 1; k >= 0; k--) {
    const g = globs[k] as FileGlob;
    if (matchesName(g.glob, name, commandLine)) return g.kind === 'exclude';
  }
  return globs[0]?.kind === 'include';
}

/** --exclude-dir: any matching glob excludes (base names in recursion, suffixes on the command line). */
export function excludedDir(globs: readonly string[], name: string, commandLine: boolean): boolean {
  return globs.some((g) => matchesName(g, name, commandLine));
}

function matchesName(glob: string, name: string, commandLine: boolean): boolean {
  if (fnmatch(glob, name)) return true;
  if (!commandLine) return false;
  for (let k = 0; k < name.length; k++) {
    if (name[k] === '/' && name[k + 1] !== '/' && fnmatch(glob, name.slice(k + 1))) return true;
  }
  return false;
}

/** The candidates an unquoted shell word expands to (bash without nullglob: none means the word stays). */
export function shellExpand(pattern: string, candidates: Iterable<string>): string[] {
  const re = new RegExp(`^${globToRegExp(pattern, { slashIsSpecial: true, periodIsSpecial: true })}$`, 'su');
  const out: string[] = [];
  for (const c of candidates) if (re.test(c)) out.push(c);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
