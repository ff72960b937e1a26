/**
 * Runs the awk subset of command/awk-program.ts over lines, as gawk does in C.UTF-8: fields split
 * on runs of blanks (leading and trailing ones ignored) or on the `-F` character, fields are text
 * until arithmetic reads them, variables start empty (printed "") and 0, and END still sees the
 * last line's fields, NF and NR.
 */
import type { AwkExpr, AwkProgram, AwkStatement } from '../command/awk-program.js';
import type { Row } from '../output.js';
import { awkArithmetic, awkToNumber, formatAwkNumber, type AwkNumber } from './awk-number.js';

/** An awk value: a number, text (a field), or an unset variable. */
type Value = { num: AwkNumber } | { text: string } | { unset: true };

interface State {
  vars: Map<string, Value>;
  record: string;
  fields: string[];
  nr: number;
}

function splitFields(line: string, separator: string | null): string[] {
  if (line === '') return [];
  if (separator === null) return line.split(/[ \t\n]+/).filter((f) => f !== '');
  return line.split(separator);
}

const ZERO: AwkNumber = { value: 0 };

function toNumber(v: Value): AwkNumber {
  if ('num' in v) return v.num;
  if ('text' in v) return awkToNumber(v.text);
  return ZERO;
}

function toText(v: Value): string {
  if ('num' in v) return formatAwkNumber(v.num);
  if ('text' in v) return v.text;
  return '';
}

function evaluate(e: AwkExpr, s: State): Value {
  switch (e.kind) {
    case 'number': return { num: { value: e.value } };
    case 'field': {
      const index = e.index ?? s.fields.length;
      return { text: index === 0 ? s.record : (s.fields[index - 1] ?? '') };
    }
    case 'var':
      if (e.name === 'NR') return { num: { value: s.nr } };
      if (e.name === 'NF') return { num: { value: s.fields.length } };
      return s.vars.get(e.name) ?? { unset: true };
    case 'binary': {
      return { num: awkArithmetic(e.op, toNumber(evaluate(e.left, s)), toNumber(evaluate(e.right, s))) };
    }
  }
}

function run(statements: readonly AwkStatement[], s: State, out: string[]): void {
  for (const st of statements) {
    if (st.kind === 'print') {
      out.push(st.args.length === 0 ? s.record : st.args.map((a) => toText(evaluate(a, s))).join(' '));
    } else {
      const now = toNumber(s.vars.get(st.name) ?? { unset: true });
      s.vars.set(st.name, { num: awkArithmetic('+', now, toNumber(evaluate(st.value, s))) });
    }
  }
}

/** The lines the program prints; a line printed by the main action keeps the source of its input line. */
export function applyAwk(program: AwkProgram, rows: readonly Row[]): Row[] {
  const s: State = { vars: new Map(), record: '', fields: [], nr: 0 };
  const out: Row[] = [];
  for (const row of rows) {
    s.nr++;
    s.record = row.text;
    s.fields = splitFields(row.text, program.separator);
    const printed: string[] = [];
    run(program.main, s, printed);
    for (const text of printed) out.push({ ...row, text });
  }
  const printed: string[] = [];
  run(program.end, s, printed);
  for (const text of printed) out.push({ text, path: null, hit: null, line: null });
  return out;
}
