/**
 * Turns a zod error into one `path: message` line per bad field, in the spirit of Starlight's
 * `utils/error-map.ts`: users should see what to fix, never a raw zod dump.
 */
import type { ZodError, ZodIssue } from 'zod';

/** `metrics[0].pattern`, or `(root)` for the whole file. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

function describeReceived(received: unknown): string {
  return typeof received === 'string' ? received : JSON.stringify(received);
}

/** The message part of one issue, rephrased where zod's default wording is unhelpful. */
export function formatIssueMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `required (expected ${issue.expected})`
        : `expected ${issue.expected}, received ${describeReceived(issue.received)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/CLI.md for the fields)`;
    case 'invalid_enum_value':
      return `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(' | ')}, received ${JSON.stringify(issue.received)}`;
    case 'invalid_literal':
      return `expected ${JSON.stringify(issue.expected)}, received ${JSON.stringify(issue.received)}`;
    case 'invalid_union': {
      // A union fails as a whole; the first branch's type error is the clearest explanation.
      const types = issue.unionErrors.flatMap((e) => e.issues.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected));
      return types.length > 0 ? `expected ${[...new Set(types)].join(' or ')}` : issue.message;
    }
    case 'too_small':
      // Only zod's default wording is replaced; a schema's own message is already friendly.
      if (issue.type === 'string' && issue.minimum === 1 && issue.message.startsWith('String must contain')) return 'expected a non-empty string';
      return issue.message;
    default:
      return issue.message;
  }
}

/** One line per issue, in the schema's field order (zod walks it in order), duplicates removed. */
export function formatZodError(error: ZodError): string[] {
  const lines = error.issues.flatMap((issue) =>
    // One line per unknown key, at the key's own path: `metrics[0].patern: unknown field`.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${formatIssuePath([...issue.path, key])}: unknown field (check the spelling; the fields are listed in docs/CLI.md)`)
      : [`${formatIssuePath(issue.path)}: ${formatIssueMessage(issue)}`],
  );
  return [...new Set(lines)];
}
