/**
 * Mojibake repair: text that was UTF-8 on disk but was once read as Mac Roman or Windows-1252 and
 * saved again ("✅" became "‚úÖ" or "âœ…"). We map each run of non-ASCII characters back to the
 * legacy bytes and keep the repair only when those bytes are valid UTF-8 (issue 3).
 */
import { decodeLegacy } from './legacy-decode.js';

/** The charsets UTF-8 docs get mis-read as. */
export type LegacyCharset = 'mac-roman' | 'windows-1252';

const ICONV_NAMES: Record<LegacyCharset, string> = { 'mac-roman': 'macintosh', 'windows-1252': 'windows-1252' };

/** Character → byte for the upper half of a legacy charset, built from iconv-lite's own table. */
function buildReverseTable(charset: LegacyCharset): Map<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = decodeLegacy(Buffer.from([byte]), ICONV_NAMES[charset]);
    if (char !== '\uFFFD') table.set(char, byte);
  }
  if (charset === 'mac-roman') {
    // Apple maps 0xF0 to its logo, U+F8FF (private use); iconv-lite decodes it as U+FFFD instead.
    table.set('\uF8FF', 0xf0);
  } else {
    // Bytes Windows-1252 leaves undefined come through as C1 controls (WHATWG/Latin-1 behaviour).
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) table.set(String.fromCharCode(byte), byte);
  }
  return table;
}

/** Built on first use: only a doc with non-ASCII runs that look like mojibake needs them. */
const REVERSE_TABLES = new Map<LegacyCharset, Map<string, number>>();

function reverseTable(charset: LegacyCharset): Map<string, number> {
  let table = REVERSE_TABLES.get(charset);
  if (table === undefined) REVERSE_TABLES.set(charset, (table = buildReverseTable(charset)));
  return table;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Characters neither legacy charset decodes any byte to (symbols from U+2300 on but ◊ U+25CA and
 * Apple's U+F8FF, presentation forms past ﬂ, surrogates: every emoji): a run holding one is no
 * mojibake, which a clean UTF-8 doc of status marks learns without building the tables (and
 * loading iconv-lite) in a fresh process (issue 21). tests/doc/mojibake-tables.test.ts checks it.
 */
export const NEVER_LEGACY = /[\u2300-\u25C9\u25CB-\uF8FE\uFB03-\uFFFF\uD800-\uDFFF]/;

/** Re-encodes one run to legacy bytes and reads them as UTF-8; null when that is not a repair. */
function repairRun(run: string, charset: LegacyCharset): string | null {
  // A single legacy character can never be a whole UTF-8 multi-byte sequence.
  if (run.length < 2 || NEVER_LEGACY.test(run)) return null;
  const table = reverseTable(charset);
  const bytes: number[] = [];
  for (const char of run) {
    const byte = table.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  // A single legacy character can never be a whole UTF-8 multi-byte sequence.
  if (bytes.length < 2) return null;
  let decoded: string;
  try {
    decoded = strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
  return isPlausibleRepair(decoded) ? decoded : null;
}

/**
 * Clean text can look like mojibake by accident ("—é" is D1 8E in Mac Roman, valid UTF-8 for "ю").
 * Accept a repair only when it yields symbols/emoji (3-4 byte sequences, what these docs mangle)
 * or accented Latin letters (the common 2-byte case, "Ã©" → "é").
 */
function isPlausibleRepair(decoded: string): boolean {
  for (const char of decoded) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x800 || (code >= 0xa0 && code <= 0x24f)) continue;
    return false;
  }
  return true;
}

/** The repaired text and what was repaired. */
export interface MojibakeRepair {
  text: string;
  /** Which charset the repaired runs had been read as, or null when nothing was repaired. */
  charset: LegacyCharset | null;
  repairedRuns: number;
}

// Runs of non-ASCII characters: every byte of a UTF-8 multi-byte sequence is >= 0x80, and both
// legacy charsets map those bytes to non-ASCII characters, so a mangled character never spans ASCII.
const NON_ASCII_RUN = /[^\x00-\x7F]+/g;

/**
 * Repairs UTF-8-read-as-legacy mojibake run by run, so a doc with both clean and mangled parts comes
 * out clean. The charset that explains more runs is tried first on each run, the other one second:
 * a doc edited by two people's misconfigured editors can carry both kinds.
 */
export function repairMojibake(text: string): MojibakeRepair {
  // A doc repeats the same few runs ("✅" hundreds of times): each distinct run is decoded once.
  const occurrences = new Map<string, number>();
  for (const match of text.matchAll(NON_ASCII_RUN)) occurrences.set(match[0], (occurrences.get(match[0]) ?? 0) + 1);
  const repairs = new Map<string, Record<LegacyCharset, string | null>>();
  let macRuns = 0;
  let windowsRuns = 0;
  for (const [run, count] of occurrences) {
    const repair = { 'mac-roman': repairRun(run, 'mac-roman'), 'windows-1252': repairRun(run, 'windows-1252') };
    repairs.set(run, repair);
    if (repair['mac-roman'] !== null) macRuns += count;
    if (repair['windows-1252'] !== null) windowsRuns += count;
  }
  if (macRuns === 0 && windowsRuns === 0) return { text, charset: null, repairedRuns: 0 };
  const primary: LegacyCharset = windowsRuns > macRuns ? 'windows-1252' : 'mac-roman';
  const secondary: LegacyCharset = primary === 'mac-roman' ? 'windows-1252' : 'mac-roman';
  let repairedRuns = 0;
  const repaired = text.replace(NON_ASCII_RUN, (run) => {
    const repair = repairs.get(run);
    const fixed = repair ? (repair[primary] ?? repair[secondary]) : null;
    if (fixed === null) return run;
    repairedRuns++;
    return fixed;
  });
  return { text: repaired, charset: primary, repairedRuns };
}

/** Byte → character of a legacy charset's upper half: the inverse of the reverse tables above, built on first use. */
const FORWARD_TABLES = new Map<LegacyCharset, Map<number, string>>();

function forwardTable(charset: LegacyCharset): Map<number, string> {
  let table = FORWARD_TABLES.get(charset);
  if (table === undefined) FORWARD_TABLES.set(charset, (table = new Map([...reverseTable(charset)].map(([char, byte]) => [byte, char]))));
  return table;
}

/**
 * Clean text mangled the way a mojibake'd doc is ("✅" → "‚úÖ" for Mac Roman): what `migratrack
 * sync` writes into such a doc, so the doc keeps its own encoding (issue 19). ASCII is unchanged.
 */
export function toMojibake(text: string, charset: LegacyCharset): string {
  const table = forwardTable(charset);
  return text.replace(NON_ASCII_RUN, (run) => [...Buffer.from(run, 'utf8')].map((byte) => table.get(byte) ?? String.fromCharCode(byte)).join(''));
}
