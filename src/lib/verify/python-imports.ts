/**
 * Just enough of Python's import grammar to tell whether a file imports a module's names:
 * `from m import a, b`, `from m import (a,\n b)`, backslash continuations, `as` aliases, `import m`.
 * This is not a pattern search (the scanner does those): an import can span lines and list its
 * names in any order, which a line-oriented grep cannot see.
 */

/** One import statement found in a file. */
export interface PythonImport {
  module: string;
  /** Imported names (before any `as`); empty for `import module`. */
  names: string[];
  /** 1-based first and last line of the statement. */
  line: number;
  endLine: number;
}

/** A parsed import written in the doc: `from m import a, b` or `import m`. */
export interface ImportStatement {
  module: string;
  names: string[];
}

const FROM_RE = /^from\s+([\w.]+)\s+import\s+(.+)$/s;
const IMPORT_RE = /^import\s+(.+)$/s;

/** Parses an import the doc writes in a code span; null when the text is not an import. */
export function parseImportStatement(text: string): ImportStatement | null {
  const flat = text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  const from = FROM_RE.exec(flat);
  if (from?.[1] && from[2]) {
    const names = splitNames(from[2]);
    return names.length > 0 ? { module: from[1], names } : null;
  }
  const plain = IMPORT_RE.exec(flat);
  if (plain?.[1]) {
    const first = splitNames(plain[1])[0];
    return first && /^[\w.]+$/.test(first) ? { module: first, names: [] } : null;
  }
  return null;
}

/** Every import statement in a Python file, joined across `(…)` and `\` continuations. */
export function findPythonImports(lines: readonly string[]): PythonImport[] {
  const found: PythonImport[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = stripComment(lines[i] ?? '').trim();
    if (!/^(from|import)\s/.test(first)) continue;
    let text = first;
    let end = i;
    // Keep reading while a parenthesis is open or the line ends with a backslash.
    while ((open(text) || text.endsWith('\\')) && end + 1 < lines.length) {
      end++;
      text = text.replace(/\\$/, ' ') + ' ' + stripComment(lines[end] ?? '').trim();
    }
    const parsed = parseStatementInCode(text);
    if (parsed) for (const p of parsed) found.push({ ...p, line: i + 1, endLine: end + 1 });
    i = end;
  }
  return found;
}

function parseStatementInCode(text: string): ImportStatement[] | null {
  const from = FROM_RE.exec(text.replace(/\s+/g, ' ').trim());
  if (from?.[1] && from[2]) return [{ module: from[1], names: splitNames(from[2]) }];
  const plain = IMPORT_RE.exec(text.trim());
  if (plain?.[1]) return splitNames(plain[1]).map((module) => ({ module, names: [] }));
  return null;
}

/** "(a, b as c,)" → ["a", "b"]: the names as the module exports them. */
function splitNames(list: string): string[] {
  return list
    .replace(/[()]/g, ' ')
    .replace(/;.*$/, '')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/)[0]?.trim() ?? '')
    .filter((name) => /^[\w.*]+$/.test(name));
}

function open(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return hash < 0 ? line : line.slice(0, hash);
}
