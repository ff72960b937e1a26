/**
 * History stage: the history file (read, merge, atomic write), the git backfill, and the pure
 * burndown / milestone / forecast computations over its records. See issue 5 and issue 8.
 */
export { HISTORY_SCHEMA_VERSION, type HistoryFile, HistoryRecord, CategoryRecord, ItemRecord, HistoryFileV1, HistoryFileV2, StoredHistoryFile, emptyHistory } from './schema.js';
export { storeHistory, expandHistory } from './stored.js';
export { readHistory, parseHistoryText, parseHistoryJson, type ReadHistoryOptions } from './read.js';
export { appendRecords, compareRecords } from './merge.js';
export { writeHistoryAtomic, writeFileAtomic, historyFileText, writeFault } from './write.js';
export { withFileLock, type LockOptions } from './lock.js';
export { repoIdentity, isKnownCommit, type RepoIdentity } from './repo-id.js';
export { buildBurndown, idealPlan, idealRemaining, type BurndownDay, type IdealKnot } from './burndown.js';
export { forecastCompletion, leastSquares, type CompletionForecast, type ForecastOptions } from './forecast.js';
export { judgeMilestones, type JudgedMilestone, type MilestoneStatus } from './milestones.js';
export { dayOf, addDays, daysBetween, dayRange, todayUtc } from './dates.js';
export { backfillHistory, type BackfillOptions, type BackfillProgress, type BackfillResult, type RenameSeen } from './backfill.js';
export type { BackfillMetric, HistoryStages, Verification } from './stages.js';
export { buildRecord, type PointInput } from './record.js';
export { readFirstParentLog, parseRawLog, type LogCommit, type RawChange } from './git-log.js';
export { TreeState, treeView } from './tree-state.js';
export { BlobReader } from '../git/cat-file.js';
export { recordFromSnapshot } from './run-record.js';
export { createHistoryStages, docMetrics, type HistoryStageOptions } from './default-stages.js';
export { lookupRenames, type RenameLookupOptions } from './rename-lookup.js';
