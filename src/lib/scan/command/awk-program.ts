/**
 * The awk one-liners tracking docs use, parsed to plain data (issue 22): a main action run on every
 * line and an END action, made of `print [expr, …]`, `VAR += expr` and `VAR++`, over numbers,
 * variables, `NR`, `NF`, `$N`, `$NF`, `+` and `-`. Anything else (patterns, BEGIN, strings,
 * functions, other built-in variables) is refused with the word named, never guessed at.
 */

export type AwkExpr =
  | { kind: 'number'; value: number }
  /** `$N` (0: the whole line) or `$NF` (index null). */
  | { kind: 'field'; index: number | null }
  /** A user variable, or the built-ins `NR` / `NF`. */
  | { kind: 'var'; name: string }
  | { kind: 'binary'; op: '+' | '-'; left: AwkExpr; right: AwkExpr };

export type AwkStatement =
  | { kind: 'print'; args: AwkExpr[] }
  /** `name += value`; `name++` is `name += 1`. */
  | { kind: 'add'; name: string; value: AwkExpr };

export interface AwkProgram {
  /** The `-F` field separator (one character), or null for awk's default (runs of blanks). */
  separator: string | null;
  /** Statements run on every input line, in order (all pattern-less actions joined). */
  main: AwkStatement[];
  /** Statements run after the last line (all END actions joined). */
  end: AwkStatement[];
}

/** Names awk gives a meaning of its own: refused rather than taken for user variables. */
const RESERVED = new Set(('BEGIN BEGINFILE ENDFILE function func getline if else while for do break continue next ' +
  'nextfile exit return delete in printf length substr index split sub gsub match sprintf sin cos atan2 exp log sqrt ' +
  'int rand srand tolower toupper system close fflush ARGC ARGV CONVFMT ENVIRON FILENAME FNR FS OFMT OFS ORS RLENGTH ' +
  'RS RSTART SUBSEP ARGIND BINMODE ERRNO FIELDWIDTHS FPAT IGNORECASE LINT PREC PROCINFO ROUNDMODE RT TEXTDOMAIN').split(' '));

type Tok = { kind: 'num'; text: string; value: number } | { kind: 'name'; text: string } | { kind: 'sym'; text: string };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\+=|\+\+|[{};,$+\-()]))/y;

function lex(text: string): Tok[] | { reason: string } {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (!/^\s*$/.test(text.slice(at))) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return unsupported(text.slice(at).trim().split(/\s/)[0] ?? '', text);
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1], value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'name', text: m[2] });
    else out.push({ kind: 'sym', text: m[3] as string });
  }
  return out;
}

function unsupported(word: string, program: string): { reason: string } {
  return { reason: `unsupported awk program: \`${word}\` in \`${program}\` (supported: {print …}, {VAR += …}, END {print …}, $N, $NF, NR, NF, +, -)` };
}

/**
 * Parses an awk program text (the single-quoted argument).
 * @example parseAwkProgram("{s+=$2} END {print s}", ':')
 */
export function parseAwkProgram(text: string, separator: string | null): AwkProgram | { reason: string } {
  const lexed = lex(text);
  if ('reason' in lexed) return lexed;
  const toks: Tok[] = lexed;
  let k = 0;
  const peek = (): Tok | undefined => toks[k];
  const fail = (): { reason: string } => unsupported(peek()?.text ?? 'end of program', text);
  const isSym = (s: string): boolean => peek()?.kind === 'sym' && peek()?.text === s;

  function primary(): AwkExpr | null {
    const t = peek();
    if (!t) return null;
    if (t.kind === 'num') { k++; return { kind: 'number', value: t.value }; }
    if (t.kind === 'name') {
      if (RESERVED.has(t.text) || t.text === 'END' || t.text === 'print') return null;
      k++;
      return { kind: 'var', name: t.text };
    }
    if (t.text === '$') {
      const n = toks[k + 1];
      if (n?.kind === 'num' && /^\d+$/.test(n.text)) { k += 2; return { kind: 'field', index: Number(n.text) }; }
      if (n?.kind === 'name' && n.text === 'NF') { k += 2; return { kind: 'field', index: null }; }
      k++;
      return null;
    }
    return null;
  }
  function expr(): AwkExpr | null {
    let left = primary();
    while (left && (isSym('+') || isSym('-'))) {
      const op = (toks[k++] as Tok).text as '+' | '-';
      const right = primary();
      if (!right) return null;
      left = { kind: 'binary', op, left, right };
    }
    return left;
  }
  function statement(): AwkStatement | null {
    const t = peek();
    if (t?.kind !== 'name') return null;
    if (t.text === 'print') {
      k++;
      const args: AwkExpr[] = [];
      if (isSym(';') || isSym('}')) return { kind: 'print', args };
      for (;;) {
        const e = expr();
        if (!e) return null;
        args.push(e);
        if (!isSym(',')) return { kind: 'print', args };
        k++;
      }
    }
    if (RESERVED.has(t.text) || t.text === 'NR' || t.text === 'NF' || t.text === 'END') return null;
    k++;
    if (isSym('++')) { k++; return { kind: 'add', name: t.text, value: { kind: 'number', value: 1 } }; }
    if (!isSym('+=')) return null;
    k++;
    const value = expr();
    return value ? { kind: 'add', name: t.text, value } : null;
  }
  function action(into: AwkStatement[]): boolean {
    if (!isSym('{')) return false;
    k++;
    for (;;) {
      if (isSym('}')) { k++; return true; }
      if (isSym(';')) { k++; continue; }
      const s = statement();
      if (!s || !(isSym(';') || isSym('}'))) return false;
      into.push(s);
    }
  }

  const program: AwkProgram = { separator, main: [], end: [] };
  if (toks.length === 0) return { reason: 'unsupported awk program: an empty program' };
  while (k < toks.length) {
    const t = peek() as Tok;
    const into = t.kind === 'name' && t.text === 'END' ? program.end : program.main;
    if (into === program.end) k++;
    if (!action(into)) return fail();
  }
  return program;
}

/** Whether an expression's value is a number (not a line's text), so printing it prints a number. */
export function isNumeric(e: AwkExpr): boolean {
  return e.kind !== 'field';
}
