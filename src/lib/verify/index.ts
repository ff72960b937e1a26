/**
 * The verify stage: each tracked item checked against the code from the doc's own words, per
 * category figures, drift, and the snapshot assembled from every stage's output.
 * Everything else in this folder is internal.
 */
export { deriveChecks, literalOf } from './derive-checks.js';
export { callHead } from './code-text.js';
export { evaluateItem, itemVerdict, statusOf, type EvaluateItemInput } from './evaluate-item.js';
export { evaluateChecks } from './evaluate-checks.js';
export { fileText, type FileText } from './file-text.js';
export { PatternCache } from './patterns.js';
export { resolveGroups, type GroupInputs, type GroupResolution } from './groups.js';
export { categoryVerdicts, remainingCalls } from './categories.js';
export { itemDrift } from './drift-items.js';
export { docDrift } from './drift-doc.js';
export { staleLineRanges } from './line-ranges.js';
export { categoryPatternsOf, commandFilesFrom, commandFilesOf, configCategoryPatterns, groupCommandsOf, type ConfigMetricLike, type GroupCommand } from './commands.js';
export { verifyDoc, type VerifyOptions } from './verify-doc.js';
export { createVerifyCache, type VerifyCache } from './cache.js';
export { assembleSnapshot, type AssembleInput, type MetricInput } from './assemble.js';
export { itemUrl, itemSlug, categoryUrl, metricUrl } from './urls.js';
export { declaredStatusOf } from './declared.js';
export type { CategoryPattern, CheckOverride, CheckSpec, CheckTest, DeriveContext, ItemEvaluation, VerifyResult } from './types.js';
