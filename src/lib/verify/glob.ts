/**
 * The doc's path globs (`orchestration/cloud_functions/*\/main.py`) as gitignore-free shell globs:
 * `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` alternates.
 */

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

/** Paths from `paths` matching any of `globs`, in the order given. */
export function matchGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  const res = globs.map((g) => globToRegExp(g.replace(/^\.\//, '')));
  return paths.filter((p) => res.some((re) => re.test(p)));
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
