/** `head -n N` (the first N lines) and `tail -n N` / `tail -n +N` (the last N / from line N on). */
import type { Row } from '../output.js';

export function applyHead(lines: number, rows: readonly Row[]): Row[] {
  return rows.slice(0, lines);
}

export function applyTail(lines: number, fromStart: boolean, rows: readonly Row[]): Row[] {
  if (fromStart) return rows.slice(Math.max(lines, 1) - 1);
  return lines === 0 ? [] : rows.slice(-lines);
}
