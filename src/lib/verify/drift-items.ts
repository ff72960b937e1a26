/**
 * Drift between what the doc declares for an item and what its code shows: "declared Complete,
 * code not done", "done in code, doc says Not Started", "path does not exist".
 */
import type { TrackedItem, TrackingDoc } from '../doc/model.js';
import type { Drift } from '../snapshot/schema.js';
import { declaredStatusOf, declaredStatusTextOf } from './declared.js';
import type { ItemEvaluation } from './types.js';

/** Drift for one item (none when the item and its code agree, or the code cannot tell). */
export function itemDrift(item: TrackedItem, evaluation: ItemEvaluation, doc: TrackingDoc): Drift[] {
  const declared = declaredStatusOf(item, doc);
  const said = declaredStatusTextOf(item, doc).trim() || declared;
  const where = { itemId: item.id, path: evaluation.path, docLine: item.source.startLine };
  const name = `File ${item.number ?? item.id} (\`${evaluation.path ?? item.name}\`)`;
  const failing = evaluation.checks.filter((c) => c.passed === false).map((c) => c.evidence);
  if (evaluation.detectedStatus === 'missing') {
    const renamed = evaluation.renamedTo;
    return [{
      ...where,
      kind: 'path-missing',
      severity: renamed ? 'warning' : 'error',
      message: renamed ? `${name} was renamed to \`${renamed}\`; the doc still names the old path` : `${name} does not exist in the repository`,
      evidence: evaluation.summary,
    }];
  }
  if (declared === 'done' && (evaluation.detectedStatus === 'not-started' || evaluation.detectedStatus === 'in-progress')) {
    const partly = evaluation.detectedStatus === 'in-progress';
    return [{
      ...where,
      kind: 'declared-done-not-in-code',
      severity: partly ? 'warning' : 'error',
      message: `${name} is declared "${said}" but the code is ${partly ? 'only partly migrated' : 'not migrated'}`,
      evidence: failing.join('; '),
    }];
  }
  if (evaluation.detectedStatus === 'done' && (declared === 'not-started' || declared === 'in-progress' || declared === 'blocked')) {
    return [{
      ...where,
      kind: 'done-in-code-not-declared',
      severity: declared === 'not-started' ? 'warning' : 'info',
      message: `${name} is migrated in the code but the doc says "${said}"`,
      evidence: evaluation.checks.filter((c) => c.passed).map((c) => c.evidence).join('; '),
    }];
  }
  return [];
}
