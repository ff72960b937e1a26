/**
 * `wc` on standard input (coreutils 9.1, C.UTF-8): lines, words (runs of characters that are not
 * iswspace), bytes. One count prints bare; several print `%7d` each, separated by a space, because
 * the width of a pipe's counts is not known in advance.
 */
import type { Row } from '../output.js';
import { encodePath } from '../tree/bytes.js';

/** glibc's C.UTF-8 `space` class, plus the non-breaking spaces coreutils' wc adds (iswnbspace). */
const SPACES = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u3000]+/;

export function applyWc(which: { lines: boolean; words: boolean; bytes: boolean }, rows: readonly Row[]): Row[] {
  const counts: number[] = [];
  if (which.lines) counts.push(rows.length);
  if (which.words) counts.push(rows.reduce((n, r) => n + r.text.split(SPACES).filter((w) => w !== '').length, 0));
  if (which.bytes) counts.push(rows.reduce((n, r) => n + encodePath(r.text).length + 1, 0));
  const text = counts.length === 1 ? String(counts[0]) : counts.map((c) => String(c).padStart(7)).join(' ');
  return [{ text, path: null, hit: null, line: null }];
}
