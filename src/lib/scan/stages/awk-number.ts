/**
 * awk's numbers as text, the way gawk prints them: an integral value as an integer (all its
 * digits), anything else with OFMT `%.6g` (glibc printf: exact decimal value, ties to even); and
 * text to number like awk's strtod (leading blanks, sign, digits, fraction, exponent; the rest
 * ignored). mawk differs: integers beyond 32 bits print with %.6g, and it reads hex (`0x1A`).
 */

/** x > 0 finite: its exact decimal digits and the point position (x = 0.DIGITS × 10^point). */
function exactDecimal(x: number): { digits: string; point: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const e2 = (biased === 0 ? 1 : biased) - 1075;
  if (e2 >= 0) {
    const digits = (mantissa << BigInt(e2)).toString();
    return { digits, point: digits.length };
  }
  const digits = (mantissa * 5n ** BigInt(-e2)).toString(); // x = digits / 10^(-e2)
  return { digits, point: digits.length + e2 };
}

/** Rounds to `p` significant digits, half to even (what glibc does on the exact value). */
function roundDigits(x: number, p: number): { digits: string; point: number } {
  const { digits, point } = exactDecimal(x);
  const kept = digits.slice(0, p).padEnd(p, '0');
  const rest = digits.slice(p);
  const up = rest[0] !== undefined && (rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(kept.at(-1)) % 2 === 1)));
  if (!up) return { digits: kept, point };
  const bumped = (BigInt(kept) + 1n).toString();
  return bumped.length > p ? { digits: bumped.slice(0, p), point: point + 1 } : { digits: bumped, point };
}

/** C's `%.Pg` of a finite non-zero number. */
export function formatG(x: number, p = 6): string {
  const sign = x < 0 ? '-' : '';
  const { digits, point } = roundDigits(Math.abs(x), p);
  const exp = point - 1;
  const trim = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const mantissa = digits.length > 1 ? trim(`${digits[0]}.${digits.slice(1)}`) : digits;
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const fixed = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + trim(fixed);
}

/** How awk's `print` writes a number. */
export function formatAwkNumber(x: number): string {
  if (Number.isNaN(x)) return '+nan';
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : '-inf';
  if (Number.isInteger(x)) return BigInt(x).toString();
  return formatG(x);
}

const NUMERIC_PREFIX = /^[ \t\n\f\r\v]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

/** The number awk reads from a field's text (0 when it does not start with one). */
export function awkToNumber(text: string): number {
  const m = NUMERIC_PREFIX.exec(text);
  return m ? Number(m[1]) : 0;
}
