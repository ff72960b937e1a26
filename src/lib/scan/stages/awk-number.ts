/**
 * awk's numbers as text, the way gawk prints them: an integral value as an integer (all its
 * digits), anything else with OFMT `%.6g` (glibc printf: exact decimal value, ties to even),
 * infinities and NaNs with their sign ("+inf", "-nan"); and text to number as gawk's
 * `r_force_number` reads it (leading blanks, sign, digits, fraction, exponent, the rest ignored;
 * exactly "+inf", "-inf", "+nan", "-nan" in any case as those values; other words, "inf", "nan" and
 * hex as 0). mawk differs: integers beyond 32 bits print with %.6g, it reads hex (`0x1A`) and
 * `inf`/`nan` without a sign, and prints them as "inf", "nan".
 */

/**
 * An awk number: a double, and for a NaN its sign, which gawk prints and a JS NaN does not carry
 * (`-nan` from the text "-nan", or from `inf - inf`, whose result x86's SSE makes negative).
 */
export interface AwkNumber {
  value: number;
  negativeNaN?: true;
}

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
export function formatAwkNumber(x: AwkNumber): string {
  const { value } = x;
  if (Number.isNaN(value)) return x.negativeNaN ? '-nan' : '+nan';
  if (!Number.isFinite(value)) return value > 0 ? '+inf' : '-inf';
  if (Number.isInteger(value)) return BigInt(value).toString();
  return formatG(value);
}

const NUMERIC_PREFIX = /^[ \t\n\f\r\v]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;
/** gawk's is_ieee_magic_val, on the text stripped of C `isspace` at both ends (node.c). */
const IEEE_MAGIC = /^[ \t\n\f\r\v]*([+-])(?:(inf)|nan)[ \t\n\f\r\v]*$/i;

/**
 * The number awk reads from a field's text (0 when it does not start with one). gawk sends a text
 * starting with a letter, a signed inf/nan with anything after it ("+inf5", "+infinity") and hex
 * ("0x1A", "-0x10") to 0 before strtod, which would read them; what reaches strtod starts with a
 * sign, a digit or a point, which is what NUMERIC_PREFIX reads.
 */
export function awkToNumber(text: string): AwkNumber {
  const magic = IEEE_MAGIC.exec(text);
  if (magic) {
    const negative = magic[1] === '-';
    if (magic[2] !== undefined) return { value: negative ? -Infinity : Infinity };
    return negative ? { value: NaN, negativeNaN: true } : { value: NaN };
  }
  const m = NUMERIC_PREFIX.exec(text);
  return { value: m ? Number(m[1]) : 0 };
}

/**
 * `a + b` or `a - b` as x86-64 computes it (gawk's oracle here): a NaN operand is the result,
 * the left one first, its sign unchanged; a NaN made from infinities (`inf - inf`) is negative.
 */
export function awkArithmetic(op: '+' | '-', a: AwkNumber, b: AwkNumber): AwkNumber {
  if (Number.isNaN(a.value)) return a;
  if (Number.isNaN(b.value)) return b;
  const value = op === '+' ? a.value + b.value : a.value - b.value;
  return Number.isNaN(value) ? { value, negativeNaN: true } : { value };
}
