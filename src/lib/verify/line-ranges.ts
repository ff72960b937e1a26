/**
 * line-range-stale: "Lines to Remove: 62-78 (`_is_serialization_conflict` function)" is stale when
 * the file still defines that name but no longer within those lines (code moved above it). A name
 * that is gone is not stale: the definition-removed check reports it as done.
 */
import type { LineSpan, TrackedItem } from '../doc/model.js';
import type { Drift } from '../snapshot/schema.js';
import { assignmentPattern, constantNames, definitionPattern, identifierOf, type SearchText } from './code-text.js';
import { describeLines, type FileText } from './file-text.js';
import { linesMatching, type PatternCache } from './patterns.js';

/** Stale line ranges of one item, checked against its file. */
export function staleLineRanges(item: TrackedItem, file: FileText, patterns: PatternCache): Drift[] {
  const out: Drift[] = [];
  for (const span of item.lineSpans) {
    for (const search of namedIn(span)) {
      const compiled = patterns.get(search.spec);
      if (!compiled.ok) continue;
      const lines = linesMatching(file, compiled.pattern);
      if (lines.length === 0 || lines.some((l) => l >= span.start && l <= span.end)) continue;
      out.push({
        kind: 'line-range-stale',
        severity: 'warning',
        message: `Lines ${span.start}-${span.end} of \`${file.path}\` no longer contain ${search.label}`,
        itemId: item.id,
        path: file.path,
        docLine: span.source.startLine,
        evidence: `${search.label} is on ${describeLines(lines)}`,
      });
    }
  }
  return out;
}

/** Definitions a line span names: identifiers in its code spans, UPPER_CASE constants in its label. */
function namedIn(span: LineSpan): SearchText[] {
  const out = new Map<string, SearchText>();
  for (const code of span.codeSpans) {
    const name = identifierOf(code);
    if (name) out.set(name, /^[A-Z][A-Z0-9_]*$/.test(name) ? assignmentPattern(name) : definitionPattern(name));
  }
  for (const name of constantNames(span.label.replace(/`[^`]*`/g, ' '))) out.set(name, assignmentPattern(name));
  return [...out.values()];
}
