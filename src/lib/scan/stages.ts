/**
 * The filters after the first grep, as coreutils run them in C.UTF-8: `grep` on each line,
 * `cut -dD -fN` (a line without the delimiter passes whole), `sort` in code-point (byte) order,
 * `sort -u` and `uniq` keeping the first of equal lines, `head -N`, `wc -l`.
 */
import type { FilterStage } from './command/pipeline.js';
import type { Row } from './output.js';
import { compilePattern } from './regex/compile.js';
import { INVALID_BYTE_MARK } from './regex/emit.js';

/** Byte order of the UTF-8 encodings (what `sort` does in C.UTF-8), without encoding. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** File names carry non-UTF-8 bytes as lone surrogates (see tree/bytes.ts); grep sees encoding errors. */
function forMatch(text: string): string {
  return text.replace(LONE_SURROGATE, INVALID_BYTE_MARK);
}

/** Applies one filter stage; `wc -l` is left to the caller (it ends the pipeline). */
export function applyStage(stage: FilterStage, rows: Row[]): Row[] {
  switch (stage.kind) {
    case 'grep': {
      const c = compilePattern(stage.spec);
      if ('error' in c) throw new Error(c.error); // parseGrepCommand already compiled it
      return rows.filter((r) => c.selects(forMatch(r.text)));
    }
    case 'cut':
      return rows.map((r) => {
        const parts = r.text.split(stage.delimiter);
        return parts.length === 1 ? r : { ...r, text: parts[stage.field - 1] ?? '' };
      });
    case 'sort': {
      const sorted = [...rows].sort((a, b) => compareCodePoints(a.text, b.text));
      return stage.unique ? sorted.filter((r, k) => k === 0 || sorted[k - 1]?.text !== r.text) : sorted;
    }
    case 'uniq':
      return rows.filter((r, k) => k === 0 || rows[k - 1]?.text !== r.text);
    case 'head':
      return rows.slice(0, stage.lines);
    case 'wc-l':
      return rows;
  }
}
