/**
 * The doc's own words for each status, so sync writes "✅ Complete" into a doc that writes
 * "✅ Complete", `[X]` into one that ticks with a capital X, and `` `done` `` into a table whose
 * cells say `` `pending` ``: for each kind of place a status is written (a box, a leading mark, a
 * heading's mark, a Status field, a table cell), the form the doc uses most for each status.
 * Only when the doc never writes a status in that place is a default used, shaped like the text
 * it replaces (emoji and words, emoji alone, words alone, in backticks or not).
 */
import type { DeclaredStatus, StatusSpan, TrackedItem } from '../doc/model.js';

/** Where a status is written; `null` for places sync cannot rewrite (a section heading, check columns). */
export type SpanKind = 'checkbox' | 'mark' | 'heading-mark' | 'field' | 'column';

const DEFAULTS: Partial<Record<DeclaredStatus, { emoji: string; words: string }>> = {
  done: { emoji: '✅', words: 'Complete' },
  'in-progress': { emoji: '🔄', words: 'In Progress' },
  'not-started': { emoji: '⚪', words: 'Not Started' },
};
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The place an item's status is written, or null when sync cannot rewrite it there. */
export function spanKindOf(item: TrackedItem): SpanKind | null {
  // The seed family writes a Status field, and a group's slots a mark after their path.
  const from = item.reading?.statusFrom ?? (item.groupId !== null ? 'mark' : 'field');
  return from === 'checkbox' || from === 'mark' || from === 'heading-mark' || from === 'field' || from === 'column' ? from : null;
}

/** A status text without what belongs to one item only: "(Session 119, 2026-01-19)", "(each)". */
function formOf(kind: SpanKind, text: string): string {
  if (kind === 'checkbox') return text;
  return text.replace(/\s*\((?:[^()]*\d[^()]*|\s*each\s*)\)/gi, '').trim();
}

/**
 * The box the doc's legend gives "in progress" ("- `[/]` = in progress", "[~] started"), or null:
 * a plain checkbox doc has no in-progress mark unless it names one.
 */
export function legendProgressBox(text: string): string | null {
  for (const line of text.split('\n')) {
    const box = /\[[/~>.oO*-]\]/.exec(line);
    if (box && /\bin[\s-]?progress\b|\bwip\b|\bongoing\b|\bpartial(?:ly)?\b|\bstarted\b/i.test(line) && !/\bnot[\s-]+started\b/i.test(line)) return box[0];
  }
  return null;
}

export class Vocabulary {
  private readonly forms = new Map<string, Map<string, number>>();

  /**
   * Learns from every item whose status the doc states in a place sync can rewrite, and from the
   * legend's in-progress box (`legendBox`), used when no item is written with one.
   */
  constructor(items: ReadonlyArray<{ item: TrackedItem; span: StatusSpan; status: DeclaredStatus }>, private readonly legendBox: string | null = null) {
    for (const { item, span, status } of items) {
      const kind = spanKindOf(item);
      if (kind === null || status === 'unknown') continue;
      const form = formOf(kind, span.text);
      if (form === '') continue;
      const key = `${kind}|${status}`;
      const counts = this.forms.get(key) ?? new Map<string, number>();
      counts.set(form, (counts.get(form) ?? 0) + 1);
      this.forms.set(key, counts);
    }
  }

  /** The text to write for `status` in place of `current`, or null when the place cannot say it. */
  render(kind: SpanKind, status: DeclaredStatus, current: string): string | null {
    if (kind === 'checkbox' && status === 'in-progress') return this.mostUsed(kind, status) ?? this.legendBox;
    if (kind === 'checkbox') {
      // An open box is "[ ]" in every doc; a ticked one is the doc's own x or X, before any exotic mark.
      if (status === 'not-started') return '[ ]';
      return this.mostUsed(kind, status, (form) => /^\[\s*[xX]\s*\]$/.test(form)) ?? fallback(kind, status, current, this.forms);
    }
    // A Status field and a table cell speak the same language: one can lend the other its words.
    const other: SpanKind | null = kind === 'field' ? 'column' : kind === 'column' ? 'field' : null;
    return this.mostUsed(kind, status) ?? (other !== null ? this.mostUsed(other, status) : null) ?? fallback(kind, status, current, this.forms);
  }

  private mostUsed(kind: SpanKind, status: DeclaredStatus, accept: (form: string) => boolean = () => true): string | null {
    // Most used first; a tie keeps the form the doc wrote first (a Map keeps insertion order).
    let best: [string, number] | null = null;
    for (const entry of this.forms.get(`${kind}|${status}`) ?? []) if (accept(entry[0]) && (best === null || entry[1] > best[1])) best = entry;
    return best?.[0] ?? null;
  }
}

function fallback(kind: SpanKind, status: DeclaredStatus, current: string, forms: ReadonlyMap<string, Map<string, number>>): string | null {
  const words = DEFAULTS[status];
  if (kind === 'checkbox') {
    if (status === 'not-started') return '[ ]';
    // A box has no mark for "in progress" unless the doc uses one ([/], [~]): then it was found above.
    if (status !== 'done') return null;
    const capital = [...(forms.keys())].some((key) => key.startsWith('checkbox|') && [...(forms.get(key)?.keys() ?? [])].some((form) => form.includes('X')));
    return capital ? '[X]' : '[x]';
  }
  if (words === undefined) return null;
  if (kind === 'mark' || kind === 'heading-mark') return words.emoji;
  const ticked = /^`.*`$/s.test(current.trim());
  const bare = current.trim().replace(/^`+|`+$/g, '');
  const emoji = PICTOGRAPH.test(bare);
  const lettered = /\p{L}/u.test(bare);
  const text = emoji && !lettered ? words.emoji : emoji ? `${words.emoji} ${words.words}` : words.words;
  return ticked ? `\`${text}\`` : text;
}
