/**
 * Import checks from "Import to Add: `from m import a, b`" fields and "Add import: `…`" checklist
 * lines. "(or `get_http_session`)" after an import names an alternative from the same module.
 */
import type { ChecklistEntry, TrackedItem } from '../doc/model.js';
import { parseImportStatement, type ImportStatement } from './python-imports.js';
import type { CheckSpec } from './types.js';

const IMPORT_FIELD_RE = /^imports?\s+to\s+add$/i;
const ADD_IMPORT_RE = /^\s*add\s+imports?\b/i;

/** Import-present checks for one item, in doc order. */
export function deriveImportChecks(item: TrackedItem): CheckSpec[] {
  // A group slot carries the group's per-file template, which lists every name any member might
  // need ("get, post"): a file importing one of them has done its part.
  const anyName = item.groupId !== null;
  const out: CheckSpec[] = [];
  for (const field of item.fields) {
    if (!IMPORT_FIELD_RE.test(field.key.trim())) continue;
    const spans = field.codeSpans.length > 0 ? field.codeSpans : [field.value];
    out.push(...fromSpans(spans, field.value, field.source.startLine, anyName));
  }
  if (out.length === 0) {
    // The parser also lists "Import to Add" values; use them when no field survived.
    for (const text of item.importsToAdd) out.push(...fromSpans([text], text, item.source.startLine, anyName));
  }
  for (const entry of item.checklist) {
    if (ADD_IMPORT_RE.test(entry.text)) out.push(...fromEntry(entry, anyName));
  }
  return out;
}

function fromEntry(entry: ChecklistEntry, anyName: boolean): CheckSpec[] {
  return fromSpans(entry.codeSpans, entry.text, entry.source.startLine, anyName);
}

/** Spans after the first are alternatives when the text says "or", separate imports otherwise. */
function fromSpans(spans: readonly string[], text: string, docLine: number, anyName: boolean): CheckSpec[] {
  const alternativesMeant = /\bor\b/i.test(text.replace(/`[^`]*`/g, ' '));
  const groups: ImportStatement[][] = [];
  for (const span of spans) {
    const statement = parseImportStatement(span);
    const current = groups[groups.length - 1];
    const base = current?.[0];
    if (statement && (!alternativesMeant || !current)) groups.push([statement]);
    else if (statement && current) current.push(statement);
    else if (base && alternativesMeant && /^[\w\s,]+$/.test(span)) {
      const names = span.split(',').map((n) => n.trim()).filter(Boolean);
      current.push({ module: base.module, names });
    }
  }
  return groups.map((options) => importCheck(options, docLine, anyName));
}

function importCheck(options: ImportStatement[], docLine: number, anyName: boolean): CheckSpec {
  const first = options[0] as ImportStatement;
  return {
    id: `import:${first.module}:${first.names.join(',')}`,
    kind: 'import-present',
    description: `Imports ${options.map(describeImport).join(' or ')}`,
    label: `\`${formatImport(first)}\``,
    docLine,
    test: {
      type: 'import',
      module: first.module,
      alternatives: options.filter((o) => o.module === first.module).map((o) => o.names),
      expect: 'present',
      anyName,
    },
    pairId: null,
    source: 'doc',
  };
}

/** "is_serialization_error, SERIALIZATION_RETRY from shared.utils.bigquery_retry". */
export function describeImport(statement: ImportStatement): string {
  return statement.names.length === 0
    ? `module ${statement.module}`
    : `${statement.names.join(', ')} from ${statement.module}`;
}

/** Back to Python: `from m import a, b`. */
export function formatImport(statement: ImportStatement): string {
  return statement.names.length === 0
    ? `import ${statement.module}`
    : `from ${statement.module} import ${statement.names.join(', ')}`;
}
