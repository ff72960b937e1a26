/**
 * Runs an item's CheckSpecs against one file's text and words the outcome as evidence a person can
 * read ("`bigquery.Client(` still on lines 41, 88").
 */
import type { Check, Match } from '../snapshot/schema.js';
import { describeLines, matchAt, type FileText } from './file-text.js';
import { linesMatching, type PatternCache } from './patterns.js';
import type { CheckSpec, CheckTest } from './types.js';

interface Outcome {
  passed: boolean | null;
  evidence: string;
  matches: Match[];
  /** Did the thing looked for occur in the file at all (for the replace-pair rule)? */
  occurs: boolean;
}

/** Evaluates every spec on `file`; a missing file makes every check unevaluable. */
export function evaluateChecks(specs: readonly CheckSpec[], file: FileText | null, patterns: PatternCache): Check[] {
  const outcomes = specs.map((spec): Outcome =>
    file ? evaluateTest(spec, spec.test, file, patterns) : { passed: null, evidence: 'file not found', matches: [], occurs: false },
  );
  applyPairRule(specs, outcomes);
  return specs.map((spec, i) => {
    const o = outcomes[i] as Outcome;
    return {
      id: spec.id,
      kind: spec.kind,
      description: spec.description,
      passed: o.passed,
      evidence: o.evidence,
      matches: o.matches,
      docLine: spec.docLine,
    };
  });
}

/**
 * "Replace X → Y" where neither X nor Y is in the file: nothing to replace here (a group template
 * lists `requests.post(` for files that only ever called `requests.get(`). Both become not
 * applicable, so a trivially absent X does not make an untouched file look partly done.
 */
function applyPairRule(specs: readonly CheckSpec[], outcomes: Outcome[]): void {
  const pairs = new Map<string, number[]>();
  specs.forEach((spec, i) => spec.pairId && pairs.set(spec.pairId, [...(pairs.get(spec.pairId) ?? []), i]));
  for (const members of pairs.values()) {
    if (members.some((i) => outcomes[i]?.occurs || outcomes[i]?.passed === null)) continue;
    const labels = members.map((i) => specs[i]?.label).join(' nor ');
    for (const i of members) outcomes[i] = { passed: null, evidence: `not applicable: neither ${labels} in this file`, matches: [], occurs: false };
  }
}

function evaluateTest(spec: CheckSpec, test: CheckTest, file: FileText, patterns: PatternCache): Outcome {
  if (test.type === 'import') return evaluateImport(spec, test, file);
  const compiled = patterns.get(test.spec);
  if (!compiled.ok) {
    return { passed: null, evidence: `pattern ${spec.label} could not be used: ${compiled.error}`, matches: [], occurs: false };
  }
  const lines = linesMatching(file, compiled.pattern);
  const matches = lines.map((line) => matchAt(file, line));
  const occurs = lines.length > 0;
  if (test.expect === 'absent') {
    return occurs
      ? { passed: false, evidence: `${spec.label} still on ${describeLines(lines)}`, matches, occurs }
      : { passed: true, evidence: `no ${spec.label} left`, matches, occurs };
  }
  return occurs
    ? { passed: true, evidence: `${spec.label} on ${describeLines(lines)}`, matches, occurs }
    : { passed: false, evidence: `${spec.label} not found`, matches, occurs };
}

function evaluateImport(spec: CheckSpec, test: Extract<CheckTest, { type: 'import' }>, file: FileText): Outcome {
  const fromModule = file.imports().filter((imp) => imp.module === test.module);
  const imported = new Set(fromModule.flatMap((imp) => imp.names));
  const plain = fromModule.some((imp) => imp.names.length === 0);
  const has = (names: readonly string[]): boolean =>
    names.length === 0 ? plain : imported.has('*') || (test.anyName ? names.some((n) => imported.has(n)) : names.every((n) => imported.has(n)));
  const relevant = fromModule.filter((imp) =>
    test.alternatives.some((names) => (names.length === 0 ? imp.names.length === 0 : imp.names.some((n) => names.includes(n) || n === '*'))),
  );
  const lineNumbers = relevant.map((imp) => imp.line);
  const matches = lineNumbers.map((line) => matchAt(file, line));
  const occurs = relevant.length > 0;
  if (test.expect === 'absent') {
    return occurs
      ? { passed: false, evidence: `${spec.label} still imported on ${describeLines(lineNumbers)}`, matches, occurs }
      : { passed: true, evidence: `${spec.label} no longer imported`, matches, occurs };
  }
  if (test.alternatives.some(has)) {
    return { passed: true, evidence: `imported on ${describeLines(lineNumbers)}`, matches, occurs };
  }
  const wanted = test.alternatives[0] ?? [];
  const missing = wanted.filter((n) => !imported.has(n));
  const present = wanted.filter((n) => imported.has(n));
  const evidence =
    present.length > 0
      ? `imports ${present.join(', ')} from ${test.module} but not ${missing.join(', ')}`
      : `no import of ${wanted.join(', ') || test.module} from ${test.module}`;
  return { passed: false, evidence, matches, occurs };
}
