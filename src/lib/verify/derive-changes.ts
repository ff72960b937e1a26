/**
 * Checks from the doc's change lines: "Replace: `X` → `Y`" (X gone, Y there), "Replace a() with
 * b()", "Remove … constants (A, B)", "Create `f()`", and "Lines to Remove: 62-78 (`f` function)".
 * Lines with no code in them ("Test operations", "Wrap DELETE operation") give no check.
 */
import type { ChecklistEntry, LineSpan, TrackedItem } from '../doc/model.js';
import {
  assignmentPattern,
  callHead,
  callPattern,
  constantNames,
  definitionPattern,
  identifierOf,
  literalPattern,
  type SearchText,
} from './code-text.js';
import { parseImportStatement } from './python-imports.js';
import { describeImport, formatImport } from './derive-imports.js';
import type { CheckSpec } from './types.js';

const ARROW_RE = /\s*(?:→|->|=>|⇒|⟶)\s*/;

/** Replace/remove/create checks for one item, in doc order. */
export function deriveChangeChecks(item: TrackedItem): CheckSpec[] {
  const out: CheckSpec[] = [];
  // "- **Replace:** `X` → `Y`" as a field reads like the checklist line "Replace: `X` → `Y`".
  const fieldEntries: ChecklistEntry[] = item.fields
    .filter((f) => /^(replace|remove)$/i.test(f.key.trim()) && f.value.trim() !== '')
    .map((f) => ({ text: `${f.key}: ${f.value}`, checked: false, codeSpans: f.codeSpans, source: f.source }));
  for (const entry of [...item.checklist, ...fieldEntries]) {
    const text = entry.text.trim();
    if (/^test\b/i.test(text)) continue; // "Test: `python3 -c …`" is a command to run, not code to find.
    if (/^replace\b/i.test(text)) out.push(...replaceChecks(entry));
    else if (/^remove\b/i.test(text)) out.push(...removeChecks(entry.text, entry.codeSpans, entry.source.startLine));
    else if (/^(create|add|define)\b/i.test(text) && !/^add\s+imports?\b/i.test(text)) out.push(...createChecks(entry));
  }
  for (const span of item.lineSpans) out.push(...lineSpanChecks(span));
  return out;
}

/** The two sides of a replace line, from its code spans or, failing that, its prose. */
export function replaceSides(entry: ChecklistEntry): [string | null, string] | null {
  const text = entry.text.replace(/^\s*replace\s*:?\s*/i, '');
  if (entry.codeSpans.length >= 2 && (ARROW_RE.test(text) || /\bwith\b/i.test(text))) {
    return [entry.codeSpans[0] ?? null, entry.codeSpans[1] ?? ''];
  }
  const plain = text.replace(/`/g, '');
  const parts = plain.split(ARROW_RE);
  const [from, to] = parts.length === 2 ? parts : plain.split(/\s+with\s+/i);
  if (!to) return null;
  const target = to.trim().replace(/[.;]$/, '');
  if (!looksLikeCode(target)) return null;
  return [from && looksLikeCode(from.trim()) ? from.trim() : null, target];
}

function replaceChecks(entry: ChecklistEntry): CheckSpec[] {
  const sides = replaceSides(entry);
  if (!sides) return [];
  const [from, to] = sides;
  const line = entry.source.startLine;
  const pairId = from ? `replace@${line}:${from}` : null;
  const checks: CheckSpec[] = [];
  if (from) checks.push(sideCheck(from, 'absent', line, pairId));
  checks.push(sideCheck(to, 'present', line, pairId));
  return checks;
}

/** One side of a replace: an import is checked as an import, anything else by its call head. */
function sideCheck(code: string, expect: 'present' | 'absent', docLine: number, pairId: string | null): CheckSpec {
  const statement = parseImportStatement(code);
  if (statement) {
    return {
      id: `import-${expect}:${formatImport(statement)}`,
      kind: expect === 'present' ? 'import-present' : 'import-removed',
      description: `${expect === 'present' ? 'Imports' : 'No longer imports'} ${describeImport(statement)}`,
      label: `\`${formatImport(statement)}\``,
      docLine,
      test: { type: 'import', module: statement.module, alternatives: [statement.names], expect, anyName: false },
      pairId,
      source: 'doc',
    };
  }
  const head = callHead(code);
  const search = head ? callPattern(head) : literalPattern(code.trim());
  return patternCheck(search, expect, expect === 'present' ? 'text-present' : 'text-absent', docLine, pairId);
}

function removeChecks(text: string, spans: readonly string[], docLine: number): CheckSpec[] {
  const out: CheckSpec[] = [];
  for (const name of constantNames(text.replace(/`[^`]*`/g, ' '))) {
    out.push(patternCheck(assignmentPattern(name), 'absent', 'definition-removed', docLine, null));
  }
  for (const span of spans) {
    const name = identifierOf(span);
    if (name && /^[A-Z][A-Z0-9_]*$/.test(name)) out.push(patternCheck(assignmentPattern(name), 'absent', 'definition-removed', docLine, null));
    else if (name) out.push(patternCheck(definitionPattern(name), 'absent', 'definition-removed', docLine, null));
    else {
      const head = callHead(span);
      if (head) out.push(patternCheck(callPattern(head), 'absent', 'text-absent', docLine, null));
    }
  }
  return out;
}

function createChecks(entry: ChecklistEntry): CheckSpec[] {
  const out: CheckSpec[] = [];
  for (const span of entry.codeSpans) {
    const name = identifierOf(span);
    if (name && /\(\s*\)\s*$/.test(span)) {
      out.push(patternCheck(definitionPattern(name), 'present', 'text-present', entry.source.startLine, null));
    }
  }
  return out;
}

/** "62-78 (`_is_serialization_conflict` function)" and "32-34 (remove MAX_RETRIES, …)". */
function lineSpanChecks(span: LineSpan): CheckSpec[] {
  const removing = span.kind === 'remove' || /^\s*(remove|delete)\b/i.test(span.label);
  if (!removing) return [];
  return removeChecks(span.label, span.codeSpans, span.source.startLine);
}

/** Builds a pattern check; ids are the direction plus the pattern, unique per item after dedupe. */
export function patternCheck(
  search: SearchText,
  expect: 'present' | 'absent',
  kind: CheckSpec['kind'],
  docLine: number | null,
  pairId: string | null,
): CheckSpec {
  const verb = kind === 'definition-removed' ? 'is gone' : expect === 'absent' ? 'is gone' : 'is used';
  return {
    id: `${kind}:${search.spec.pattern}`,
    kind,
    description: `${search.label} ${verb}`,
    label: search.label,
    docLine,
    test: { type: 'pattern', spec: search.spec, expect },
    pairId,
    source: 'doc',
  };
}

/** "bigquery.Client()" yes; "client instantiation" no. */
function looksLikeCode(text: string): boolean {
  return /^[\w.]+\s*\(.*\)$/.test(text) || /^[\w]+\.[\w.]+$/.test(text) || /^(from|import)\s/.test(text);
}
