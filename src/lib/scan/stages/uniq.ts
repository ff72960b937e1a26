/** `uniq [-c]`: the first of each run of equal adjacent lines; `-c` prefixes `printf("%7d ", n)`. */
import type { Row } from '../output.js';

export function applyUniq(count: boolean, rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  let run = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as Row;
    run++;
    if (rows[k + 1]?.text === r.text) continue;
    const first = rows[k - run + 1] as Row;
    out.push(count ? { ...first, text: `${String(run).padStart(7)} ${r.text}` } : first);
    run = 0;
  }
  return out;
}
