/**
 * `sort [-n] [-r] [-u] [-k S[,E]] [-t C]` as GNU sort 9.1 runs in C.UTF-8: keys from begfield /
 * limfield (without -t a field starts at the blanks before it), `-n` compares the leading
 * `-?digits[.digits]` of the key as decimal strings (no `+`, no exponent, anything else is 0),
 * equal keys fall back to comparing whole lines unless `-u`, which keeps the first line of each
 * run of equal keys; `-r` reverses both comparisons.
 */
import type { SortKey } from '../command/stage.js';
import type { Row } from '../output.js';
import { compareCodePoints } from './code-points.js';

export interface SortOptions {
  unique: boolean;
  numeric: boolean;
  reverse: boolean;
  key: SortKey | null;
  separator: string | null;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Index after skipping `n` fields from `from` (begfield's and limfield's loops). */
function skipFields(line: string, n: number, separator: string | null, stepOverLast: boolean): number {
  let p = 0;
  for (let left = n; p < line.length && left > 0; left--) {
    if (separator !== null) {
      while (p < line.length && line[p] !== separator) p++;
      if (p < line.length && (left > 1 || stepOverLast)) p++;
    } else {
      while (p < line.length && isBlank(line[p])) p++;
      while (p < line.length && !isBlank(line[p])) p++;
    }
  }
  return p;
}

function keyOf(line: string, key: SortKey | null, separator: string | null): string {
  if (key === null) return line;
  const start = skipFields(line, key.start - 1, separator, true);
  const end = key.end === null ? line.length : skipFields(line, key.end, separator, false);
  return end <= start ? '' : line.slice(start, end);
}

/** `-?digits[.digits]` after blanks, normalised: sign, integer digits without leading zeros, fraction without trailing zeros. */
function numericParts(key: string): { negative: boolean; int: string; frac: string } {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(key) as RegExpExecArray;
  const int = (m[2] ?? '').replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return { negative: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
}

function compareMagnitude(a: { int: string; frac: string }, b: { int: string; frac: string }): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  return a.frac === b.frac ? 0 : a.frac < b.frac ? -1 : 1;
}

function compareNumeric(x: string, y: string): number {
  const a = numericParts(x);
  const b = numericParts(y);
  const sa = a.negative ? -1 : a.int === '' && a.frac === '' ? 0 : 1;
  const sb = b.negative ? -1 : b.int === '' && b.frac === '' ? 0 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return sa < 0 ? compareMagnitude(b, a) : compareMagnitude(a, b);
}

export function applySort(o: SortOptions, rows: readonly Row[]): Row[] {
  const keyed = rows.map((row) => ({ row, key: keyOf(row.text, o.key, o.separator) }));
  const byKey = (a: { key: string }, b: { key: string }): number => (o.numeric ? compareNumeric(a.key, b.key) : compareCodePoints(a.key, b.key));
  const sign = o.reverse ? -1 : 1;
  // Array.prototype.sort is stable, as GNU sort's merge is for equal keys under -u.
  const sorted = [...keyed].sort((a, b) => sign * (byKey(a, b) || (o.unique ? 0 : compareCodePoints(a.row.text, b.row.text))));
  const kept = o.unique ? sorted.filter((e, k) => k === 0 || byKey(sorted[k - 1] as typeof e, e) !== 0) : sorted;
  return kept.map((e) => e.row);
}
