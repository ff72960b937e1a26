/**
 * Dates as tracking docs write them: "January 19, 2026", "2026-01-19", "Jan 19-25", "Jan 26 - Feb 1",
 * "Feb 2-8". A short date takes its year from the doc's start date (the anchor), moved to the next
 * year when it would otherwise fall well before the start ("Jan 5" in a doc started Dec 29, 2025); a
 * range that runs past December ends in the next year.
 */

/** Days a short date may fall before the start date and still be read in the start date's year. */
const GRACE_DAYS = 60;

function shortDateYear(month: number, day: number, anchor: string | null): number | null {
  if (anchor === null) return null;
  const year = Number(anchor.slice(0, 4));
  const candidate = Date.UTC(year, month - 1, day);
  const start = Date.UTC(year, Number(anchor.slice(5, 7)) - 1, Number(anchor.slice(8, 10)));
  return candidate < start - GRACE_DAYS * 86_400_000 ? year + 1 : year;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().slice(0, word.toLowerCase().startsWith('sept') ? 4 : 3)] ?? null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_WORD = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const LONG = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');
const SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

/**
 * Finds the first date in a text and returns it as YYYY-MM-DD. `anchor` (the doc's start date,
 * YYYY-MM-DD) supplies the year of "Jan 19"; without it such a date is unresolvable (null).
 */
export function parseDate(text: string, anchor: string | null): string | null {
  const iso = ISO.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = LONG.exec(text);
  if (long) {
    const month = monthNumber(long[1] ?? '');
    const year = long[3] ? Number(long[3]) : month === null ? null : shortDateYear(month, Number(long[2]), anchor);
    if (month === null || year === null) return null;
    return isoDate(year, month, Number(long[2]));
  }
  // US order (M/D/YYYY) is what these docs use when they use slashes at all.
  const slashed = SLASHED.exec(text);
  if (slashed) return isoDate(Number(slashed[3]), Number(slashed[1]), Number(slashed[2]));
  return null;
}

/** Start and end (inclusive) as YYYY-MM-DD; either may be null when unreadable. */
export interface DateRange {
  start: string | null;
  end: string | null;
}

const SHORT_RANGE = new RegExp(
  `\\b${MONTH_WORD}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*(?:-|–|—|to|through)\\s*(?:${MONTH_WORD}\\s+)?(\\d{1,2})(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
const ISO_RANGE = /\b(\d{4}-\d{2}-\d{2})\s*(?:-|–|—|to|through)\s*(\d{4}-\d{2}-\d{2})\b/;

/** Reads "Jan 19-25", "Jan 26 - Feb 1", "2026-01-19 to 2026-01-25" or a single date (start = end). */
export function parseDateRange(text: string, anchor: string | null): DateRange | null {
  const iso = ISO_RANGE.exec(text);
  if (iso) return { start: parseDate(iso[1] ?? '', null), end: parseDate(iso[2] ?? '', null) };
  const short = SHORT_RANGE.exec(text);
  if (short) {
    const startMonth = monthNumber(short[1] ?? '');
    const endMonth = short[4] ? monthNumber(short[4]) : startMonth;
    if (startMonth === null || endMonth === null) return null;
    const startYear = short[3] ? Number(short[3]) : shortDateYear(startMonth, Number(short[2]), anchor);
    if (startYear === null) return null;
    let endYear = short[6] ? Number(short[6]) : startYear;
    if (!short[6] && endMonth < startMonth) endYear += 1;
    return { start: isoDate(startYear, startMonth, Number(short[2])), end: isoDate(endYear, endMonth, Number(short[5])) };
  }
  const single = parseDate(text, anchor);
  return single === null ? null : { start: single, end: single };
}

/** True when the text plausibly tries to be a date (so failing to read it deserves a diagnostic). */
const ANY_MONTH = new RegExp(MONTH_WORD, 'i');

export function looksLikeDate(text: string): boolean {
  return /\d/.test(text) && (ANY_MONTH.test(text) || /\d{4}|\d{1,2}\/\d{1,2}/.test(text));
}
