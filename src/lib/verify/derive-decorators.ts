/**
 * Decorator checks: "Add @SERIALIZATION_RETRY decorator", "Verify existing @QUOTA_RETRY +
 * @SERIALIZATION_RETRY usage" → each named decorator applied in the file. A line that asks for
 * decorators without naming them ("Add appropriate retry decorators") is read against the
 * decorators its category names elsewhere: at least one of those must be applied.
 */
import type { TrackedItem, TrackingDoc } from '../doc/model.js';
import { escapeEre, type SearchText } from './code-text.js';
import { patternCheck } from './derive-changes.js';
import type { CheckSpec } from './types.js';

const ASKS_RE = /^\s*(add|apply|verify|ensure|use|keep|wrap|create)\b/i;

/** `@NAME` tokens in a line (code spans included). */
export function decoratorNames(text: string): string[] {
  return [...new Set([...text.matchAll(/(?:^|[^\w.])@([A-Za-z_][\w.]*)/g)].map((m) => m[1] as string))];
}

/** Decorator checks of one item; `doc` supplies the category's decorators for unnamed requests. */
export function deriveDecoratorChecks(item: TrackedItem, doc: TrackingDoc): CheckSpec[] {
  const out: CheckSpec[] = [];
  for (const entry of item.checklist) {
    const text = entry.text;
    if (!ASKS_RE.test(text) || /^\s*add\s+imports?\b/i.test(text)) continue;
    const named = decoratorNames(text);
    const line = entry.source.startLine;
    if (named.length > 0) {
      for (const name of named) out.push(patternCheck(decoratorPattern([name]), 'present', 'text-present', line, null));
    } else if (/\bdecorators?\b/i.test(text) && /^\s*(add|apply)\b/i.test(text)) {
      const known = categoryDecorators(item.categoryId, doc);
      if (known.length > 0) out.push(patternCheck(decoratorPattern(known), 'present', 'text-present', line, null));
    }
  }
  return out;
}

/** Every decorator the category's items name, in doc order. */
function categoryDecorators(categoryId: string, doc: TrackingDoc): string[] {
  const names = new Set<string>();
  for (const other of doc.items) {
    if (other.categoryId !== categoryId) continue;
    for (const entry of other.checklist) for (const name of decoratorNames(entry.text)) names.add(name);
  }
  return [...names];
}

/** `@NAME` applied at the start of a line (a decorator, not a mention in a comment or string). */
function decoratorPattern(names: readonly string[]): SearchText {
  const alternatives = names.map(escapeEre).join('|');
  return {
    spec: {
      pattern: `^[ \t]*@(${alternatives})([^A-Za-z0-9_.]|$)`,
      flavour: 'extended',
      ignoreCase: false,
      wordRegexp: false,
      invert: false,
    },
    label: names.map((n) => `\`@${n}\``).join(' or '),
  };
}
