/**
 * Paths from the doc are untrusted: they are normalised to repo-relative POSIX form, and anything
 * that could point outside the repository (absolute, `..`, a URL, a home dir) is refused, so no
 * later stage ever reads outside the repo because of what a doc says.
 */

export type PathReading =
  | { kind: 'path'; path: string }
  | { kind: 'glob'; glob: string }
  | { kind: 'unsafe'; raw: string; reason: string }
  | { kind: 'not-a-path'; raw: string };

import { asciiText, withAsciiTwin } from './ascii-twin.js';

const GLOB_CHARS = /[*?[\]{}]/;
// A path-looking token: no spaces, has a slash or a file extension.
const PATH_SHAPE = withAsciiTwin(/^[\p{L}\p{N}_@.~+\-/\\*?[\]{}]+$/u, asciiText);

/**
 * Normalises and classifies one path-like string from the doc. Spaces are allowed only when the
 * doc delimited the path itself (a code span); in plain text a space ends the path.
 */
export function readPath(raw: string, options: { delimited?: boolean } = {}): PathReading {
  const trimmed = raw.trim().replace(/^[`'"]+|[`'"]+$/g, '').trim();
  // Unsafe forms are recognised before the shape check, so they are reported as unsafe, not ignored.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return { kind: 'unsafe', raw, reason: 'it is a URL, not a path in the repository' };
  if (/^[a-zA-Z]:[\\/]/.test(trimmed)) return { kind: 'unsafe', raw, reason: 'it is an absolute path; write it relative to the repository root' };
  const shape = options.delimited ? trimmed.replace(/ /g, '_') : trimmed;
  if (trimmed === '' || !PATH_SHAPE.test(shape)) return { kind: 'not-a-path', raw };
  if (!trimmed.includes('/') && !trimmed.includes('\\') && !/\.\w+$/.test(trimmed)) return { kind: 'not-a-path', raw };
  let path = trimmed.replace(/\\/g, '/');
  if (path.startsWith('/')) return { kind: 'unsafe', raw, reason: 'it is an absolute path; write it relative to the repository root' };
  if (path.startsWith('~')) return { kind: 'unsafe', raw, reason: 'it points into a home directory, outside the repository' };
  path = path.replace(/\/{2,}/g, '/').replace(/^(\.\/)+/, '');
  const segments = path.split('/').filter((segment) => segment !== '.');
  if (segments.includes('..')) return { kind: 'unsafe', raw, reason: 'it contains "..", which could leave the repository' };
  path = segments.join('/');
  if (path === '' || path === '/') return { kind: 'not-a-path', raw };
  if (GLOB_CHARS.test(path)) return { kind: 'glob', glob: path };
  return { kind: 'path', path };
}

// What ends a path written in plain text: " - note", " — note", "(note", or a status mark.
const PATH_END = /\s+[-–—]\s|\s*\(|\s*[\p{Extended_Pictographic}✓]/u;
const HAS_EXTENSION = /\.\w+$/;

/**
 * The path a plain-text line starts with ("a/b.py ✅", "a/old copy of b.py - ✅ Complete"). File
 * names can hold spaces, so a space alone does not end the path: the text runs to the first clear
 * separator, and is taken whole when it ends in a file extension. Otherwise (prose after a path,
 * "a/b.py now pooled", or no file at all) the first word is the candidate, as before.
 */
export function leadingPath(plain: string): string {
  const text = plain.trim();
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  if (HAS_EXTENSION.test(firstWord)) return firstWord;
  const end = text.search(PATH_END);
  const head = (end === -1 ? text : text.slice(0, end)).trim();
  return head.includes(' ') && HAS_EXTENSION.test(head) ? head : firstWord;
}

// Compiled globs, reused across members and parses (a doc has a handful; the cap bounds hostile input).
const compiledGlobs = new Map<string, RegExp>();
const MAX_COMPILED_GLOBS = 512;

/** Regexp for a simple glob (`*`, `**`, `?`), enough to test whether a listed path falls under it. */
export function globToRegExp(glob: string): RegExp {
  const cached = compiledGlobs.get(glob);
  if (cached) return cached;
  if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
  const compiled = compileGlob(glob);
  compiledGlobs.set(glob, compiled);
  return compiled;
}

function compileGlob(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] ?? '';
    if (char === '*' && glob[index + 1] === '*') {
      pattern += '.*';
      index++;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** The directory part of a glob before its first wildcard ("orchestration/cloud_functions/"). */
export function globBase(glob: string): string {
  const firstWild = glob.search(GLOB_CHARS);
  const head = firstWild === -1 ? glob : glob.slice(0, firstWild);
  return head.slice(0, head.lastIndexOf('/') + 1);
}
