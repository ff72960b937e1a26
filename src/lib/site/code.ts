/**
 * Code around a remaining match, as numbered lines with the match line marked. The text stays
 * plain text: templates print it with `{}` (escaped), never with set:html.
 */
import type { Match } from '../snapshot/schema.js';

export interface CodeLine {
  number: number;
  text: string;
  isMatch: boolean;
}

/** A match with its context lines: what a file or metric page shows for one call site. */
export interface CodeBlock {
  path: string;
  line: number;
  lines: CodeLine[];
  /** Link to the line on the web host, when known. */
  href: string | null;
}

/** Numbered lines for one match: `before` lines end just above it, `after` start just below. */
export function codeLines(match: Match): CodeLine[] {
  const first = match.line - match.before.length;
  return [
    ...match.before.map((text, i) => ({ number: first + i, text, isMatch: false })),
    { number: match.line, text: match.text, isMatch: true },
    ...match.after.map((text, i) => ({ number: match.line + 1 + i, text, isMatch: false })),
  ];
}

/** Code blocks for a list of matches, sorted by path then line (stable output). */
export function codeBlocks(matches: readonly Match[], hrefFor: (m: Match) => string | null): CodeBlock[] {
  return [...matches]
    .sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1))
    .map((m) => ({ path: m.path, line: m.line, lines: codeLines(m), href: hrefFor(m) }));
}
