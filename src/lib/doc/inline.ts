/**
 * Small readers for one line of inline markdown (a field, a list entry, a heading tail). Block
 * structure always comes from mdast; these only look inside a single line it has already delimited.
 */

/** Contents of the code spans in a line, in order (CommonMark: matching backtick runs, one space trimmed). */
export function codeSpansOf(markdown: string): string[] {
  const spans: string[] = [];
  if (!markdown.includes('`')) return spans;
  const pattern = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  for (const match of markdown.matchAll(pattern)) {
    let content = (match[2] ?? '').replace(/\n/g, ' ');
    if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ')) content = content.slice(1, -1);
    spans.push(content);
  }
  return spans;
}

/** The line as plain text: emphasis, code ticks, links and escapes removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?![\w*])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A `**Key:** value` line split into key and value. */
export interface FieldLine {
  key: string;
  /** The value as markdown, trimmed. */
  value: string;
  /** Offset of the value within the line, for column numbers. */
  valueOffset: number;
}

// "**Key:** value", "**Key**: value", "__Key:__ value". Keys are short labels, not sentences.
const FIELD_LINE = /^(\s*)(\*\*|__)([^*_\n]{1,60}?)(:?)\2(:?)[ \t]*(.*)$/;

/**
 * Keys accepted without bold ("- Status: Done"): only the ones this doc family uses, so that prose
 * such as "Test: import the processor" is never mistaken for a field.
 */
const PLAIN_KEYS = new Set([
  'path', 'status', 'date', 'updated by', 'lines', 'lines to remove', 'lines to modify', 'import to add', 'pattern',
  'notes', 'note', 'owner', 'assignee', 'estimated', 'subtasks', 'files modified', 'target', 'project', 'start date',
  'progress', 'last updated', 'changes', 'strategy', 'paths',
]);
const PLAIN_FIELD_LINE = /^(\s*)([A-Za-z][A-Za-z ]{1,30}?):[ \t]+(.*)$|^(\s*)([A-Za-z][A-Za-z ]{1,30}?):$/;

function parsePlainFieldLine(line: string): FieldLine | null {
  const match = PLAIN_FIELD_LINE.exec(line);
  if (!match) return null;
  const key = (match[2] ?? match[5] ?? '').trim();
  if (!PLAIN_KEYS.has(normaliseKey(key))) return null;
  const rawValue = match[3] ?? '';
  return { key, value: rawValue.trim(), valueOffset: line.length - rawValue.length };
}

/** Reads a `**Key:** value` line (or a plain `Status: value` for known keys); null otherwise. */
export function parseFieldLine(line: string): FieldLine | null {
  // Both shapes need a colon (a bold key without one is no field): most list lines have none.
  if (!line.includes(':')) return null;
  const match = FIELD_LINE.exec(line);
  if (!match) return parsePlainFieldLine(line);
  const colonInside = match[4] === ':';
  const colonAfter = match[5] === ':';
  if (!colonInside && !colonAfter) return null;
  const key = (match[3] ?? '').trim();
  if (key === '') return null;
  const value = (match[6] ?? '').trim();
  return { key, value, valueOffset: line.length - (match[6] ?? '').length };
}

/** Field keys compared loosely: "Lines to Remove", "lines to remove:" and "Lines To Remove" are one key. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[:\s]+/g, ' ').trim();
}

/** Emoji and symbols that decorate headings ("## 📊 Progress Summary"), removed before matching. */
const LEADING_DECORATION = /^[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F\u200D\s]+/u;

/** "📊 Progress Summary" → "Progress Summary". */
export function stripLeadingDecoration(text: string): string {
  // No ASCII character but white space is decoration: most titles start with a letter or digit.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 128) return text.trim();
  return text.replace(LEADING_DECORATION, '').trim();
}

/** Lower-case slug for ids of things the doc gives no number ("Database Layer" → "database-layer"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'section';
}
