/**
 * How validation problems in the JSON files migratrack writes and reads back (snapshot, history)
 * and in its own doc model are worded. Their schemas use zod 4 (`zod/v4`, for speed: the site build validates ~14 MB), the
 * config's use zod 3 with its own map (src/lib/config/error-map.ts); type and value errors are
 * phrased the same way in both, so every `path: message` line the tool prints reads alike.
 */
import type { core, ZodError } from 'zod/v4';

/**
 * A per-parse error map: `Schema.safeParse(json, { error: issueMessage })`. Returning undefined
 * keeps zod's wording ("Too small: expected array to have >=1 items"); a message the schema gives itself
 * (the history's "expected a full commit sha") wins over this one.
 */
export function issueMessage(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      // `.int()` fails as a type error with `expected: 'int'`; the number itself says more than its type.
      if (issue.expected === 'int' && typeof issue.input === 'number') return `expected an integer, received ${issue.input}`;
      return issue.input === undefined ? `required (expected ${issue.expected})` : `expected ${issue.expected}, received ${typeName(issue.input)}`;
    }
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? show(issue.values[0]) : `one of ${issue.values.map(show).join(' | ')}`;
      return issue.input === undefined ? `required (expected ${expected})` : `expected ${expected}, received ${show(issue.input)}`;
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string' && issue.code === 'too_small' && issue.minimum === 1) return 'expected a non-empty string';
      if (issue.origin !== 'number' && issue.origin !== 'int') return undefined;
      // `inclusive` is absent on the safe-integer bound, which is inclusive.
      const strict = issue.inclusive === false;
      const bound = issue.code === 'too_small' ? `${strict ? '>' : '>='} ${issue.minimum}` : `${strict ? '<' : '<='} ${issue.maximum}`;
      return `expected ${issue.origin === 'int' ? 'an integer' : 'a number'} ${bound}, received ${String(issue.input)}`;
    }
    default:
      return undefined;
  }
}

/**
 * "items.3.path: expected string, received number" lines, at most `max`, so a huge broken file
 * gives a short message. One line per field: zod 4 also runs a string's length check on an array
 * it has just refused as "expected string", and that second line would only confuse.
 */
export function formatIssues(error: ZodError, max: number): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    if (!seen.has(path)) lines.push(`  ${path}: ${issue.message}`);
    seen.add(path);
  }
  if (lines.length > max) return [...lines.slice(0, max), `  … and ${lines.length - max} more`].join('\n');
  return lines.join('\n');
}

function typeName(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A value as JSON (numbers as JS writes them: Infinity is not "null"), cut short: a wrong enum value may be a whole object. */
function show(value: unknown): string {
  const text = typeof value === 'string' || (typeof value === 'object' && value !== null) ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
