/**
 * The parsed form of a POSIX pattern, shared by the RE2 emitter and the guarded backtracker.
 * Code points, not UTF-16 units: grep in a UTF-8 locale matches characters.
 */

/** A named POSIX class (`[[:alpha:]]`) or one of GNU's shorthands (`\w` is `word`). */
export type NamedClass =
  | 'alpha' | 'digit' | 'alnum' | 'upper' | 'lower' | 'space' | 'blank'
  | 'punct' | 'print' | 'graph' | 'cntrl' | 'xdigit' | 'word';

export const NAMED_CLASSES: readonly string[] = [
  'alpha', 'digit', 'alnum', 'upper', 'lower', 'space', 'blank', 'punct', 'print', 'graph', 'cntrl', 'xdigit',
];

export type ClassItem = { kind: 'range'; lo: number; hi: number } | { kind: 'named'; name: NamedClass };

export type Node =
  | { type: 'char'; cp: number }
  | { type: 'any' }
  | { type: 'class'; negated: boolean; items: ClassItem[] }
  | { type: 'bol' }
  | { type: 'eol' }
  /** `\b`, `\B`, `\<`, `\>`: GNU word assertions (word = alnum or `_`, in the locale). */
  | { type: 'word'; kind: 'boundary' | 'not-boundary' | 'start' | 'end' }
  | { type: 'group'; index: number; body: Node }
  | { type: 'concat'; items: Node[] }
  | { type: 'alt'; items: Node[] }
  | { type: 'repeat'; min: number; max: number | null; body: Node }
  | { type: 'backref'; index: number };

/** What the parser learnt about a pattern besides its tree. */
export interface ParsedPattern {
  root: Node;
  groups: number;
  hasBackref: boolean;
  hasWordAssertion: boolean;
}

/** GNU regex's RE_DUP_MAX: a bigger interval is "Regular expression too big". */
export const DUP_MAX = 32767;

export function literalNode(text: string): Node {
  const items: Node[] = [...text].map((ch) => ({ type: 'char', cp: ch.codePointAt(0) ?? 0 }));
  return items.length === 1 && items[0] ? items[0] : { type: 'concat', items };
}

/** Whether the node can match the empty string (grep -w treats empty matches specially). */
export function nullable(node: Node): boolean {
  switch (node.type) {
    case 'char': case 'any': case 'class': return false;
    case 'bol': case 'eol': case 'word': return true;
    case 'group': return nullable(node.body);
    case 'concat': return node.items.every(nullable);
    case 'alt': return node.items.some(nullable);
    case 'repeat': return node.min === 0 || nullable(node.body);
    case 'backref': return true;
  }
}
