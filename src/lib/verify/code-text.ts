/**
 * Turning the doc's code spans into patterns to look for. The doc writes examples, not patterns:
 * `requests.get(url)` stands for every `requests.get(…)` call whatever its arguments, so a call is
 * reduced to its head. Patterns are plain PatternSpecs for the scanner's compilePattern.
 */
import type { PatternSpec } from '../scan/types.js';

/** What to search for, with the short label evidence strings show ("`bigquery.Client(`"). */
export interface SearchText {
  spec: PatternSpec;
  label: string;
}

const CALL_RE = /([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*\(/;
const KEYWORDS = new Set(['if', 'while', 'for', 'return', 'and', 'or', 'not', 'in', 'with', 'assert', 'print', 'lambda']);

/**
 * The call-head rule: a span containing a call reduces to its first call's dotted name plus `(`.
 * `self.bq_client = bigquery.Client(project=project_id)` → `bigquery.Client(` (the assignment target
 * and the arguments are the example's, not the migration's); `requests.get(url)` → `requests.get(`;
 * `get_http_session().post()` → `get_http_session(`. Null when the span holds no call.
 */
export function callHead(code: string): string | null {
  let rest = code;
  for (;;) {
    const m = CALL_RE.exec(rest);
    if (!m?.[1]) return null;
    const name = m[1].replace(/\s+/g, '');
    if (!KEYWORDS.has(name)) return `${name}(`;
    rest = rest.slice((m.index ?? 0) + m[0].length);
  }
}

/**
 * Pattern for a call head. A dotted head (`bigquery.Client(`) is searched as fixed text, exactly as
 * the doc's own `grep "bigquery\.Client("` would, so counts agree with grep (and
 * `google.cloud.bigquery.Client(` still counts). A bare head (`get(`) must not be part of a longer
 * name or an attribute, otherwise `get(` would be found inside `requests.get(` and `forget(`.
 */
export function callPattern(head: string): SearchText {
  const label = `\`${head}\``;
  if (head.includes('.')) return { spec: fixed(head), label };
  return { spec: extended(`(^|[^A-Za-z0-9_.])${escapeEre(head)}`), label };
}

/** `def name(` / `async def name(` / `class name(`/`:` at any indentation. */
export function definitionPattern(name: string): SearchText {
  const n = escapeEre(name);
  return {
    spec: extended(`^[ \t]*((async[ \t]+)?def|class)[ \t]+${n}[ \t]*[(:]`),
    label: `\`def ${name}\``,
  };
}

/** A module-level or class-level assignment `NAME = …` (annotated `NAME: int = …` too). */
export function assignmentPattern(name: string): SearchText {
  return {
    spec: extended(`^[ \t]*${escapeEre(name)}[ \t]*(:[^=]*)?=([^=]|$)`),
    label: `\`${name} =\``,
  };
}

/** Literal text, searched as `grep -F` would. */
export function literalPattern(text: string): SearchText {
  return { spec: fixed(text), label: `\`${text}\`` };
}

/** An identifier, optionally written as a call (`foo()`): the bare name, else null. */
export function identifierOf(span: string): string | null {
  const m = /^\s*([A-Za-z_]\w*)\s*(\(\s*\))?\s*$/.exec(span);
  return m?.[1] ?? null;
}

/** UPPER_CASE names in prose ("constants (MAX_RETRIES, RETRY_DELAY_SECONDS)"). */
export function constantNames(text: string): string[] {
  return [...new Set(text.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? [])];
}

/** Escapes POSIX ERE metacharacters so text matches itself. */
export function escapeEre(text: string): string {
  return text.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
}

function fixed(pattern: string): PatternSpec {
  return { pattern, flavour: 'fixed', ignoreCase: false, wordRegexp: false, invert: false };
}

function extended(pattern: string): PatternSpec {
  return { pattern, flavour: 'extended', ignoreCase: false, wordRegexp: false, invert: false };
}
