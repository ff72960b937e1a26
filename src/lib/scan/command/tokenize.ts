/**
 * A POSIX-shell tokenizer for one pipeline, honouring quoting ('…', "…", backslash) and doing no
 * expansion at all: anything a shell would expand or execute (command substitution, parameters,
 * `;`, `&&`, redirections, subshells, brace/tilde expansion) is refused with the token named.
 * Nothing here ever reaches a shell (issue 8).
 */

/** A shell word after quote removal; `globs` marks unquoted `*`, `?`, `[` a shell would expand. */
export interface Word {
  kind: 'word';
  text: string;
  globs: boolean;
}

export type Token = Word | { kind: 'pipe' };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; reason: string };

const EXPANDS_AFTER_DOLLAR = /[A-Za-z0-9_{(?@*#!$-]/;

function refuse(what: string, why: string): TokenizeResult {
  return { ok: false, reason: `unsupported shell syntax \`${what}\`: ${why}` };
}

/** Splits a command line into words and pipes. Pure; never executes anything. */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  const cur: { word: Word | null } = { word: null };
  const add = (s: string): Word => {
    cur.word ??= { kind: 'word', text: '', globs: false };
    cur.word.text += s;
    return cur.word;
  };
  const end = (): void => {
    if (cur.word) tokens.push(cur.word);
    cur.word = null;
  };
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n').replace(/^\s+|\s+$/g, '');
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === ' ' || c === '\t') { end(); i++; continue; }
    if (c === '\n') return refuse('newline', 'more than one command');
    if (c === '#' && cur.word === null) break; // a comment runs to the end of the line
    if (c === '\\') {
      if (next === undefined) return refuse('\\', 'trailing backslash');
      if (next !== '\n') add(next); // backslash-newline is a line continuation
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return refuse("'", 'unterminated single quote');
      add(src.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (c === '"') {
      const r = doubleQuoted(src, i + 1);
      if ('reason' in r) return { ok: false, reason: r.reason };
      add(r.text);
      i = r.next;
      continue;
    }
    if (c === '`') return refuse('`', 'command substitution is never run');
    if (c === '$') {
      if (next === "'" || next === '"') return refuse(`$${next}`, 'ANSI-C/locale quoting');
      if (next !== undefined && EXPANDS_AFTER_DOLLAR.test(next)) {
        return refuse(next === '(' ? '$(' : `$${next}`, next === '(' ? 'command substitution is never run' : 'parameter expansion');
      }
      add(c);
      i++;
      continue;
    }
    if (c === '|') {
      if (next === '|') return refuse('||', 'command lists are not supported');
      if (next === '&') return refuse('|&', 'stderr pipes are not supported');
      end();
      tokens.push({ kind: 'pipe' });
      i++;
      continue;
    }
    if (c === ';') return refuse(';', 'command lists are not supported');
    if (c === '&') return refuse(next === '&' ? '&&' : '&', next === '&' ? 'command lists are not supported' : 'background jobs are not supported');
    if (c === '(' || c === ')') return refuse(c, 'subshells are not supported');
    if (c === '<' || c === '>') {
      // `2>/dev/null` only discards grep's messages; it changes no output and writes nothing.
      if (c === '>' && cur.word?.text === '2' && src.startsWith('/dev/null', i + 1)) {
        cur.word = null;
        i += 1 + '/dev/null'.length;
        if (i < src.length && !/[\s|]/.test(src[i] as string)) return refuse('2>', 'redirection');
        continue;
      }
      return refuse(src.slice(i, i + 2).trim() || c, 'redirections are not supported');
    }
    if (c === '~' && cur.word === null) return refuse('~', 'tilde expansion');
    if (c === '{' && /^\{[^}\s]*(,|\.\.)[^}\s]*\}/.test(src.slice(i))) return refuse('{', 'brace expansion');
    if (c === '*' || c === '?' || c === '[') {
      add(c).globs = true;
      i++;
      continue;
    }
    add(c);
    i++;
  }
  end();
  return { ok: true, tokens };
}

/** The inside of "…": `\` escapes only `$`, backquote, `"`, `\` and newline; `$`/backquote expand. */
function doubleQuoted(src: string, from: number): { text: string; next: number } | { reason: string } {
  let out = '';
  let i = from;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '"') return { text: out, next: i + 1 };
    if (c === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
      if (next !== '\n') out += next;
      i += 2;
      continue;
    }
    if (c === '`') return { reason: 'unsupported shell syntax `` ` ``: command substitution is never run' };
    if (c === '$' && next !== undefined && EXPANDS_AFTER_DOLLAR.test(next)) {
      return { reason: `unsupported shell syntax \`${next === '(' ? '$(' : `$${next}`}\`: ${next === '(' ? 'command substitution is never run' : 'parameter expansion'}` };
    }
    out += c;
    i++;
  }
  return { reason: 'unsupported shell syntax `"`: unterminated double quote' };
}
