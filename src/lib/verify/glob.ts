/**
 * The doc's path globs (`orchestration/cloud_functions/*\/main.py`) as gitignore-free shell globs:
 * `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` alternates.
 */
import { prefixRange } from '../scan/tree/path-set.js';

/** A RegExp matching whole repo-relative paths against `glob`. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(escapeRe).join('|')})`;
        i = close;
      }
    } else out += escapeRe(ch);
  }
  return new RegExp(`^${out}$`);
}

/**
 * Paths from `paths` matching any of `globs`, in the order given. A glob is tested only on the
 * paths starting with its literal part (`orchestration/cloud_functions/`), found by bisection in a
 * sorted tree list (prefixRange), not on every path of the tree (issue 21).
 */
export function matchGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  const matched = new Uint8Array(paths.length);
  for (const g of globs) {
    const glob = g.replace(/^\.\//, '');
    const re = globToRegExp(glob);
    const { from, to } = prefixRange(paths, literalStart(glob));
    for (let k = from; k < to; k++) if (matched[k] === 0 && re.test(paths[k] as string)) matched[k] = 1;
  }
  return paths.filter((_, k) => matched[k] === 1);
}

/** The glob's text before its first wildcard or brace: every path it matches starts with it. */
function literalStart(glob: string): string {
  const at = glob.search(/[*?{]/);
  return at < 0 ? glob : glob.slice(0, at);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
