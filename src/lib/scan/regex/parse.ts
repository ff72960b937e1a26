/**
 * A parser for GNU grep's pattern syntax: POSIX basic (BRE) and extended (ERE) regular
 * expressions with the GNU extensions grep accepts. Each rule below reproduces what grep 3.8 does
 * (checked against it in tests/scan/regex-oracle.test.ts).
 */
import { DUP_MAX, type Node, type ParsedPattern } from './ast.js';
import { parseBracket, PatternSyntaxError } from './bracket.js';

const BS = 0x5c;
const ch = (s: string): number => s.codePointAt(0) ?? 0;

/** Parses one pattern (one line of grep's pattern list). Throws PatternSyntaxError with grep's wording. */
export function parsePosix(pattern: string, extended: boolean): ParsedPattern {
  return new Parser(pattern, extended).run();
}

class Parser {
  private i = 0;
  private groups = 0;
  private closed = new Set<number>();
  private hasBackref = false;
  private hasWordAssertion = false;
  private depth = 0;

  /**
   * In a UTF-8 locale grep's DFA gives up on back-references and word assertions and GNU regex
   * decides instead; the two differ on a quantifier right after an anchor (regex drops it).
   */
  private readonly regexDecides: boolean;

  private readonly cps: number[];

  constructor(pattern: string, private readonly ere: boolean) {
    this.cps = [...pattern].map(ch);
    this.regexDecides = /\\[1-9<>bB]/.test(pattern);
  }

  run(): ParsedPattern {
    const root = this.alternation();
    if (this.i < this.cps.length) throw new PatternSyntaxError('Unmatched ) or \\)');
    return { root, groups: this.groups, hasBackref: this.hasBackref, hasWordAssertion: this.hasWordAssertion };
  }

  private peek(k = 0): number | undefined {
    return this.cps[this.i + k];
  }

  private isAlt(): boolean {
    return this.ere ? this.peek() === ch('|') : this.peek() === BS && this.peek(1) === ch('|');
  }

  private isClose(): boolean {
    if (this.ere) return this.peek() === ch(')') && this.depth > 0; // GNU ERE: a lone `)` is literal
    return this.peek() === BS && this.peek(1) === ch(')');
  }

  private alternation(): Node {
    const items = [this.concatenation()];
    while (this.isAlt()) {
      this.i += this.ere ? 1 : 2;
      items.push(this.concatenation());
    }
    return items.length === 1 && items[0] ? items[0] : { type: 'alt', items };
  }

  private concatenation(): Node {
    const items: Node[] = [];
    // BRE (GNU regex): `^` anchors only at the start of an expression (start, after `\(` or `\|`);
    // there and right after any anchor, `*`, `\{`, `\+`, `\?` are ordinary characters.
    let start = true;
    let dupLiteral = true;
    while (this.i < this.cps.length && !this.isAlt() && !this.isClose()) {
      if (!this.ere && start && this.peek() === ch('^')) {
        this.i++;
        items.push({ type: 'bol' });
        start = false;
        continue;
      }
      if (!this.ere && this.peek() === BS && this.peek(1) === ch(')') && this.depth === 0) {
        throw new PatternSyntaxError('Unmatched ) or \\)');
      }
      if (this.ere && start && this.skipLeadingQuantifier()) continue;
      let atom = this.atom(dupLiteral);
      start = false;
      const anchor = atom.type === 'bol' || atom.type === 'eol' || atom.type === 'word';
      dupLiteral = !this.ere && anchor;
      if (this.ere && anchor && this.regexDecides) while (this.skipLeadingQuantifier());
      else if (!dupLiteral) atom = this.quantifiers(atom);
      items.push(atom);
    }
    return items.length === 1 && items[0] ? items[0] : { type: 'concat', items };
  }

  /** GNU ERE: `*`, `+`, `?` or `{n}` at the start of an expression apply to nothing (grep warns). */
  private skipLeadingQuantifier(): boolean {
    const c = this.peek();
    if (c === ch('*') || c === ch('+') || c === ch('?')) {
      this.i++;
      // GNU regex then reads the next token as an atom, so a `)` there is literal: `(+)` is unbalanced.
      if (this.peek() === ch(')') && this.depth > 0) throw new PatternSyntaxError('Unmatched ( or \\(');
      return true;
    }
    if (c === ch('{')) {
      const interval = this.interval(this.i + 1);
      if (interval) {
        this.i = interval.next;
        return true;
      }
    }
    return false;
  }

  private atom(leading: boolean): Node {
    const c = this.peek() as number;
    if (c === ch('[')) {
      const { node, next } = parseBracket(this.cps, this.i);
      this.i = next;
      return node;
    }
    if (c === ch('.')) return this.take({ type: 'any' });
    if (c === ch('^') && this.ere) return this.take({ type: 'bol' });
    if (c === ch('$')) {
      // BRE: `$` anchors only at the end of the RE or before `\)` / `\|`.
      if (this.ere) return this.take({ type: 'eol' });
      this.i++;
      if (this.i === this.cps.length || this.isAlt() || this.isClose()) return { type: 'eol' };
      // grep's dfa.c (lex, case '$') also anchors before a plain `|` or `)` when two or more
      // characters follow: `$|*` matches every line, `$|` only "$|".
      const n = this.peek();
      if ((n === ch('|') || n === ch(')')) && this.i + 1 < this.cps.length && !this.regexDecides) return { type: 'eol' };
      return { type: 'char', cp: c };
    }
    if (c === ch('*') && !this.ere && leading) return this.take({ type: 'char', cp: c });
    if (!this.ere && leading && c === BS && (this.peek(1) === ch('+') || this.peek(1) === ch('?'))) {
      this.i += 2;
      return { type: 'char', cp: this.cps[this.i - 1] as number };
    }
    if (this.ere && c === ch('(')) {
      this.i++;
      return this.group();
    }
    if (c === BS) return this.escape(leading);
    return this.take({ type: 'char', cp: c });
  }

  private take(node: Node): Node {
    this.i++;
    return node;
  }

  private group(): Node {
    const index = ++this.groups;
    this.depth++;
    const body = this.alternation();
    this.depth--;
    if (!this.isCloseAt()) throw new PatternSyntaxError('Unmatched ( or \\(');
    this.i += this.ere ? 1 : 2;
    this.closed.add(index);
    return { type: 'group', index, body };
  }

  private isCloseAt(): boolean {
    return this.ere ? this.peek() === ch(')') : this.peek() === BS && this.peek(1) === ch(')');
  }

  private escape(leading: boolean): Node {
    const n = this.peek(1);
    if (n === undefined) throw new PatternSyntaxError('Trailing backslash');
    this.i += 2;
    const s = String.fromCodePoint(n);
    if (!this.ere && s === '(') return this.group();
    // BRE: `\{` where no interval can apply (start of an expression) is a literal `{`.
    if (!this.ere && s === '{' && leading) return { type: 'char', cp: n };
    if (s >= '1' && s <= '9') {
      const index = n - ch('0');
      // GNU: a back-reference to a group not yet closed is "Invalid back reference".
      if (!this.closed.has(index)) throw new PatternSyntaxError('Invalid back reference');
      this.hasBackref = true;
      return { type: 'backref', index };
    }
    switch (s) {
      case 'w': return { type: 'class', negated: false, items: [{ kind: 'named', name: 'word' }] };
      case 'W': return { type: 'class', negated: true, items: [{ kind: 'named', name: 'word' }] };
      case 's': return { type: 'class', negated: false, items: [{ kind: 'named', name: 'space' }] };
      case 'S': return { type: 'class', negated: true, items: [{ kind: 'named', name: 'space' }] };
      case 'b': case 'B': case '<': case '>': {
        this.hasWordAssertion = true;
        const kind = s === 'b' ? 'boundary' : s === 'B' ? 'not-boundary' : s === '<' ? 'start' : 'end';
        return { type: 'word', kind };
      }
      case '`': return { type: 'bol' }; // GNU: start of buffer, which is the line for grep
      case "'": return { type: 'eol' };
      default: return { type: 'char', cp: n }; // `\.`, `\*`, and grep 3.8's "stray \" cases
    }
  }

  private quantifiers(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.peek();
      let q: { min: number; max: number | null; len: number } | null = null;
      if (c === ch('*')) q = { min: 0, max: null, len: 1 };
      else if (this.ere && c === ch('+')) q = { min: 1, max: null, len: 1 };
      else if (this.ere && c === ch('?')) q = { min: 0, max: 1, len: 1 };
      else if (!this.ere && c === BS && this.peek(1) === ch('+')) q = { min: 1, max: null, len: 2 };
      else if (!this.ere && c === BS && this.peek(1) === ch('?')) q = { min: 0, max: 1, len: 2 };
      else if (this.ere && c === ch('{')) {
        const iv = this.interval(this.i + 1);
        if (!iv) return node; // GNU ERE: `{` not starting a valid interval is literal
        this.i = iv.next;
        node = { type: 'repeat', min: iv.min, max: iv.max, body: node };
        continue;
      } else if (!this.ere && c === BS && this.peek(1) === ch('{')) {
        const iv = this.interval(this.i + 2);
        if (!iv) throw new PatternSyntaxError('Unmatched \\{');
        this.i = iv.next;
        node = { type: 'repeat', min: iv.min, max: iv.max, body: node };
        continue;
      }
      if (!q) return node;
      this.i += q.len;
      node = { type: 'repeat', min: q.min, max: q.max, body: node };
    }
  }

  /** `n}`, `n,}`, `,m}`, `n,m}` (BRE closes with `\}`). Null when it is not an interval. */
  private interval(from: number): { min: number; max: number | null; next: number } | null {
    let k = from;
    const num = (): number | null => {
      let v: number | null = null;
      while (this.cps[k] !== undefined && (this.cps[k] as number) >= 0x30 && (this.cps[k] as number) <= 0x39) {
        v = (v ?? 0) * 10 + ((this.cps[k] as number) - 0x30);
        if (v > DUP_MAX + 1) v = DUP_MAX + 1;
        k++;
      }
      return v;
    };
    const min = num();
    let max: number | null = min;
    if (this.cps[k] === ch(',')) {
      k++;
      max = num();
    }
    if (!this.ere) {
      if (this.cps[k] !== BS || this.cps[k + 1] !== ch('}')) return null;
      k += 2;
    } else {
      if (this.cps[k] !== ch('}')) return null;
      k++;
    }
    if (min === null && max === null && this.cps[from] !== ch(',')) throw new PatternSyntaxError('Invalid content of \\{\\}');
    const lo = min ?? 0;
    if (lo > DUP_MAX || (max !== null && max > DUP_MAX)) throw new PatternSyntaxError('Regular expression too big');
    if (max !== null && max < lo) throw new PatternSyntaxError('Invalid content of \\{\\}');
    return { min: lo, max, next: k };
  }
}
