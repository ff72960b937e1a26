/**
 * Runs the awk subset of command/awk-program.ts over lines, as gawk does in C.UTF-8: fields split
 * on runs of blanks (leading and trailing ones ignored) or on the `-F` character, fields are text
 * until arithmetic reads them, variables start empty (printed "") and 0, and END still sees the
 * last line's fields, NF and NR.
 */
import type { AwkExpr, AwkProgram, AwkStatement } from '../command/awk-program.js';
import type { Row } from '../output.js';
import { awkToNumber, formatAwkNumber } from './awk-number.js';

/** An awk value: a number, text (a field), or an unset variable. */
type Value = { num: number } | { text: string } | { unset: true };

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

function toNumber(v: Value): number {
  if ('num' in v) return v.num;
  if ('text' in v) return awkToNumber(v.text);
  return 0;
}

function toText(v: Value): string {
  if ('num' in v) return formatAwkNumber(v.num);
  if ('text' in v) return v.text;
  return '';
}

function evaluate(e: AwkExpr, s: State): Value {
  switch (e.kind) {
    case 'number': return { num: e.value };
    case 'field': {
      const index = e.index ?? s.fields.length;
      return { text: index === 0 ? s.record : (s.fields[index - 1] ?? '') };
    }
    case 'var':
      if (e.name === 'NR') return { num: s.nr };
      if (e.name === 'NF') return { num: s.fields.length };
      return s.vars.get(e.name) ?? { unset: true };
    case 'binary': {
      const a = toNumber(evaluate(e.left, s));
      const b = toNumber(evaluate(e.right, s));
      return { num: e.op === '+' ? a + b : a - b };
    }
  }
}

function run(statements: readonly AwkStatement[], s: State, out: string[]): void {
  for (const st of statements) {
    if (st.kind === 'print') {
      out.push(st.args.length === 0 ? s.record : st.args.map((a) => toText(evaluate(a, s))).join(' '));
    } else {
      const now = toNumber(s.vars.get(st.name) ?? { unset: true });
      s.vars.set(st.name, { num: now + toNumber(evaluate(st.value, s)) });
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
