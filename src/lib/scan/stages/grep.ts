/**
 * `grep` reading standard input: the selected lines, or with `-c` their number. File names carry
 * non-UTF-8 bytes as lone surrogates (see tree/bytes.ts); grep sees those as encoding errors.
 */
import type { PatternSpec } from '../types.js';
import type { Row } from '../output.js';
import { compilePattern } from '../regex/compile.js';
import { INVALID_BYTE_MARK } from '../regex/emit.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function forMatch(text: string): string {
  return text.replace(LONE_SURROGATE, INVALID_BYTE_MARK);
}

export function applyGrep(spec: PatternSpec, count: boolean, rows: readonly Row[]): Row[] {
  const c = compilePattern(spec);
  if ('error' in c) throw new Error(c.error); // stage-parse.ts already compiled it
  const selected = rows.filter((r) => c.selects(forMatch(r.text)));
  return count ? [{ text: String(selected.length), path: null, hit: null, line: null }] : selected;
}
