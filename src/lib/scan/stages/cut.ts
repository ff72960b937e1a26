/**
 * `cut -d D -f LIST [-s]` (coreutils): the listed fields in ascending order, each once, joined by
 * the delimiter; a line without the delimiter passes whole, or is dropped with `-s`.
 */
import type { FieldRange } from '../command/stage.js';
import type { Row } from '../output.js';

function selected(fields: readonly FieldRange[], n: number): boolean {
  return fields.some((f) => n >= f.from && (f.to === null || n <= f.to));
}

export function applyCut(delimiter: string, fields: readonly FieldRange[], onlyDelimited: boolean, rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const parts = r.text.split(delimiter);
    if (parts.length === 1) {
      if (!onlyDelimited) out.push(r);
      continue;
    }
    out.push({ ...r, text: parts.filter((_, k) => selected(fields, k + 1)).join(delimiter) });
  }
  return out;
}
