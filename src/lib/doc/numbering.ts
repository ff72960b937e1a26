/**
 * Item ids and numbering checks: "file-N" ids (a number used twice gets "file-N-dup-2" and a
 * diagnostic, so ids stay unique and stable), and gaps in the numbering ("File 22" missing).
 */
import type { ParseContext } from './context.js';

/** Assigns ids to numbered items and reports duplicate numbers. */
export function assignItemIds(ctx: ParseContext): void {
  const seen = new Map<number, { count: number; line: number }>();
  let unnumbered = 0;
  for (const item of ctx.items) {
    if (item.id !== '') continue;
    if (item.number === null) {
      unnumbered++;
      item.id = `item-${unnumbered}`;
      continue;
    }
    const previous = seen.get(item.number);
    if (!previous) {
      seen.set(item.number, { count: 1, line: item.source.startLine });
      item.id = `file-${item.number}`;
      continue;
    }
    previous.count++;
    item.id = `file-${item.number}-dup-${previous.count}`;
    ctx.sink.warning(
      'doc/duplicate-number',
      `File number ${item.number} is used again here (first at line ${previous.line}); this entry was given the id "${item.id}". Renumber one of them.`,
      item.source.startLine,
    );
  }
}

/** Reports numbers missing between the lowest and highest file number. */
export function reportNumberGaps(ctx: ParseContext): void {
  const numbers = [...new Set(ctx.items.flatMap((item) => (item.number === null ? [] : [item.number])))].sort((a, b) => a - b);
  for (let index = 1; index < numbers.length; index++) {
    const before = numbers[index - 1] ?? 0;
    const after = numbers[index] ?? 0;
    if (after - before <= 1) continue;
    const missing = after - before === 2 ? `File ${before + 1} is missing` : `Files ${before + 1}-${after - 1} are missing`;
    const next = ctx.items.find((item) => item.number === after);
    ctx.sink.warning('doc/number-gap', `File numbers jump from ${before} to ${after}: ${missing}.`, next?.source.startLine ?? null);
  }
}
