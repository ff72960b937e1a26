/**
 * Unicode patterns answered by a cheaper ASCII twin where the answers are provably the same
 * (issue 21). A fresh process compiles each pattern on first use, and one with `\p{L}` or the
 * `iu` flags costs 1–3 ms there (the seed doc's cold parse paid ≈ 20 ms for its two dozen); the
 * twin, the same source with `\p{L}` → `A-Za-z`, `\p{N}` → `0-9` and no `\p{Extended_Pictographic}`
 * (it holds no ASCII character), costs ≈ 0.1 ms. The Unicode pattern is still the definition: it is
 * compiled and run whenever the text is outside what the twin is trusted with.
 * tests/doc/ascii-twin.test.ts checks each use against its Unicode pattern on random text.
 */

/** The part of a pattern's API the doc stage uses. */
export interface TextPattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

/** Every pattern made here, with the one it stands for: tests/doc/ascii-twin.test.ts checks each. */
export const TWINNED: Array<{ definition: RegExp; pattern: TextPattern }> = [];

/** When the twin's answer (its match, or null) is the Unicode pattern's too. */
export type Trust = (text: string, twinMatch: RegExpExecArray | null) => boolean;

/** True when text[start, end) holds no character past U+007F. */
export function isAsciiRange(text: string, start = 0, end = text.length): boolean {
  const stop = Math.min(end, text.length);
  for (let at = start; at < stop; at++) if (text.charCodeAt(at) > 0x7f) return false;
  return true;
}

/**
 * The ASCII twin of a pattern whose `\p{…}` escapes all sit inside character classes: on text
 * the pattern only reads ASCII of, the two match alike. `iu` becomes `i`: ASCII letters then fold
 * alike, but for ſ (U+017F, s) and the Kelvin sign (U+212A, k), which only `iu` folds, so a trust
 * of an `iu` pattern must refuse text holding them (`withoutLongSOrKelvin`).
 */
export function asciiTwinOf(pattern: RegExp): RegExp {
  const source = pattern.source
    .replaceAll('\\p{L}', 'A-Za-z')
    .replaceAll('\\p{N}', '0-9')
    .replaceAll('\\p{Extended_Pictographic}', '');
  if (source.includes('\\p{') || source.includes('\\P{')) throw new Error(`asciiTwinOf: no ASCII twin for /${pattern.source}/`);
  const flags = pattern.flags.includes('i') ? pattern.flags.replace('u', '') : pattern.flags;
  return new RegExp(source, flags);
}

/** ſ and K, the two characters `iu` folds to ASCII letters and `i` does not. */
export function withoutLongSOrKelvin(text: string): boolean {
  return !text.includes('\u017F') && !text.includes('\u212A');
}

/**
 * `pattern`, answered by its ASCII twin whenever `trust` says the twin's answer is the pattern's.
 * Not for global or sticky patterns (their lastIndex would be the twin's).
 */
export function withAsciiTwin(pattern: RegExp, trust: Trust): TextPattern {
  if (pattern.global || pattern.sticky) throw new Error('withAsciiTwin: a global or sticky pattern keeps state');
  // Made on first use, as the doc stage's other patterns are compiled: not at import.
  let twin: RegExp | undefined;
  const exec = (text: string): RegExpExecArray | null => {
    const match = (twin ??= asciiTwinOf(pattern)).exec(text);
    return trust(text, match) ? match : pattern.exec(text);
  };
  const made: TextPattern = { exec, test: (text) => exec(text) !== null };
  TWINNED.push({ definition: pattern, pattern: made });
  return made;
}

/** Trust: the pattern can only read the first `length` characters, and they are ASCII. */
export const asciiHead = (length: number): Trust => (text) => isAsciiRange(text, 0, length);

/** Trust: the whole text is ASCII. */
export const asciiText: Trust = (text) => isAsciiRange(text);

/**
 * Trust for a pattern whose `\p{…}` classes only read from where a match starts (the part before
 * has no class, so both find the same start): no match, or ASCII from the match on.
 */
export const asciiFromMatch: Trust = (text, match) => match === null || isAsciiRange(text, match.index);

/**
 * Trust for `\b(words)(?![\p{L}])` with `iu`: on text without ſ or K, the twin (`i`,
 * `(?![A-Za-z])`) accepts every way of matching the pattern accepts and refuses one only for an
 * ASCII letter after it, which the pattern refuses too; so its first match is the pattern's when
 * the pattern also accepts what follows it, certain when that is ASCII or the end. No twin match:
 * no pattern match.
 */
export const wordsBeforeNonLetter: Trust = (text, match) =>
  withoutLongSOrKelvin(text) && (match === null || isAsciiRange(text, match.index + match[0].length, match.index + match[0].length + 1));

/**
 * ASCII letters lowered, ſ → s and K → k: with it, a pattern written in lower case and compiled
 * with `u` instead of `iu` answers as the `iu` one on the original text, the `\w`/`\b` and
 * letters it reads fold the same (what `iu` folds to an ASCII letter is exactly these); classes
 * that `iu` closes under case (`[\p{Extended_Pictographic}]` holds Ⓜ, so `iu` also takes ⓜ) must
 * list the extra characters themselves. Same length, so indices agree.
 */
export function foldAsciiCase(text: string): string {
  return /[A-Z\u017F\u212A]/.test(text) ? text.replace(/[A-Z\u017F\u212A]/g, (char) => (char === '\u017F' ? 's' : char === '\u212A' ? 'k' : String.fromCharCode(char.charCodeAt(0) + 32))) : text;
}

/**
 * An `iu` pattern run as a cheaper `u` one on the text's folded case (see foldAsciiCase). The
 * pattern must be written in lower case, and `\p{Extended_Pictographic}` may only appear inside a
 * class, which gets Ⓜ's lower case, ⓜ (U+24DC), added: `iu` closes the class over it.
 */
export function onFoldedCase(pattern: RegExp): TextPattern {
  if (pattern.flags !== 'iu') throw new Error('onFoldedCase: an `iu` pattern');
  let folded: RegExp | undefined;
  const compiled = (): RegExp => (folded ??= new RegExp(pattern.source.replaceAll('\\p{Extended_Pictographic}', '\\p{Extended_Pictographic}\\u24DC'), 'u'));
  const made: TextPattern = { exec: (text) => compiled().exec(foldAsciiCase(text)), test: (text) => compiled().test(foldAsciiCase(text)) };
  TWINNED.push({ definition: pattern, pattern: made });
  return made;
}
