/** The `check` ratchet: baselines, the pure comparison, and its report. */
export { baselineFromJson, baselineFromSnapshot, readBaseline, writeBaseline, writeFileAtomic, type Baseline, type HistoryRecord } from './baseline.js';
export { compareToBaseline, hasRegressions, type CheckResult, type FileChange, type ItemChange, type MetricChange } from './compare.js';
export { formatCheckResult } from './format.js';
