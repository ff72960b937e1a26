/**
 * The org stage (issue 24): shards (one repository's snapshot and history each) made by
 * `scan --shard`, read and reduced one at a time by `build --merge`, combined into the org's figures.
 */
export { Shard, ShardHeader, ShardSummary, ShardName, SHARD_FORMAT, SHARD_VERSION, RESERVED_SHARD_NAMES, SHARD_NAME_PATTERN, SHARD_NAME_EXPECTED, SHARD_NAME_RESERVED } from './schema.js';
export { makeShard, withoutLocalPaths, type ShardInput } from './make-shard.js';
export { readShardText, looksLikeShard, type ShardReading } from './read-shard.js';
export { reduceShard, remainingMetricId, dayAtOrBefore, TREND_DAYS, type OrgRepo, type OrgRepoProblem, type OrgRow, type RepoDay } from './reduce.js';
export { orgTotals, mergeHistoryByDate, isRepo, type OrgTotals, type OrgDay } from './combine.js';
