/**
 * Ignore globs for fsTree, on repo paths: `*` and `?` stay within a segment, `**` spans segments,
 * a pattern without `/` matches a name at any depth (like .gitignore), `dir/**` a whole subtree.
 */
export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map((g) => {
    const anchored = g.includes('/') && !g.startsWith('**/');
    let src = '';
    const body = g.replace(/^\/+/, '');
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (body.startsWith('**/', i)) { src += '(?:.*/)?'; i += 2; }
      else if (body.startsWith('/**', i) && i + 3 === body.length) { src += '(?:/.*)?'; i += 2; }
      else if (body.startsWith('**', i)) { src += '.*'; i += 1; }
      else if (c === '*') src += '[^/]*';
      else if (c === '?') src += '[^/]';
      else src += /[\\^$.+()[\]{}|]/.test(c) ? `\\${c}` : c;
    }
    return new RegExp(anchored ? `^${src}$` : `(?:^|/)${src}$`, 's');
  });
  return (path) => res.some((re) => re.test(path));
}
