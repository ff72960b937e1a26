/** "26/76 files (34%)" → { done: 26, total: 76, percent: 34 }; null when there is no "a/b". */
import type { Fraction } from './model.js';

const FRACTION = /(\d+)\s*\/\s*(\d+)(?:[^()\d]*\(\s*(\d+(?:\.\d+)?)\s*%\s*\))?/;

/** Reads the first "done/total (percent%)" in a text. */
export function readFraction(text: string): Fraction | null {
  const match = FRACTION.exec(text);
  if (!match) return null;
  const done = Number(match[1]);
  const total = Number(match[2]);
  if (!Number.isFinite(done) || !Number.isFinite(total)) return null;
  return { done, total, percent: match[3] === undefined ? null : Number(match[3]) };
}
