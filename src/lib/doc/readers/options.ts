/**
 * How a user corrects the generic readers' guesses (config `reading`, issue 17): which readers run,
 * the heading level that makes categories, extra status words or marks, sections to skip.
 */
import type { DeclaredStatus, ItemReader } from '../model.js';

export interface ReadingOptions {
  /** Only these generic readers claim items (all of them when absent). */
  readers?: ReadonlyArray<Exclude<ItemReader, 'seed'>>;
  /** Headings of this level (1–6) are the categories, instead of the guess. */
  categoryLevel?: number;
  /** Words or marks with the status they mean in this doc ("commented out" → skipped, "🔕" → skipped). */
  statusWords?: Partial<Record<Exclude<DeclaredStatus, 'unknown'>, readonly string[]>>;
  /** Sections whose title contains one of these (case-insensitive) are not read, nor their sub-sections. */
  ignoreSections?: readonly string[];
}

/** A word table from the options: each entry matched as a whole word or phrase, case-insensitive. */
export function extraWords(options: ReadingOptions): Array<[RegExp, DeclaredStatus]> {
  const out: Array<[RegExp, DeclaredStatus]> = [];
  for (const [status, words] of Object.entries(options.statusWords ?? {}) as Array<[DeclaredStatus, readonly string[]]>) {
    for (const word of words) {
      if (isMark(word)) continue;
      out.push([new RegExp(`(?:^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'), status]);
    }
  }
  return out;
}

/** Marks (emoji, ✓, `[?]`) among the status words: they extend the doc's legend. */
export function extraMarks(options: ReadingOptions): Array<[string, DeclaredStatus]> {
  const out: Array<[string, DeclaredStatus]> = [];
  for (const [status, words] of Object.entries(options.statusWords ?? {}) as Array<[DeclaredStatus, readonly string[]]>) {
    for (const word of words) if (isMark(word)) out.push([word, status]);
  }
  return out;
}

function isMark(word: string): boolean {
  return /^\[.{0,3}\]$/u.test(word.trim()) || /^(?:\p{Extended_Pictographic}|[✓✗✘☑])\uFE0F?$/u.test(word.trim());
}
