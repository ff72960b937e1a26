/**
 * The scan stage's public surface: grep patterns and pipelines evaluated exactly as GNU grep 3.x
 * (C.UTF-8 locale) and coreutils would, over a repository tree, without a shell.
 */
export type { RepoTree, PatternSpec, PatternFlavour, Match } from './types.js';
export { compilePattern, isCompileError, type CompiledPattern } from './regex/compile.js';
export { matchingLines, scanBuffer, type LineHit, type BufferScan } from './lines.js';
export { parseGrepCommand } from './command/parse.js';
export type { GrepPipeline, GrepSource, FilterStage, FileGlob, ParseResult } from './command/pipeline.js';
export { cutsFileNames, printsNumber } from './command/stage.js';
export { applyStage } from './stages/index.js';
export { evaluatePipeline, evaluatePipelines, preparePipelines, type PreparedPipelines, type EvaluateOptions, type MetricResult, type PathCount } from './evaluate.js';
export { MIN_FILES_FOR_THREADS, startScanThreads, type ScanThreads } from './scan-threads.js';
export { createScanCache, type ScanCache, type FileScan } from './cache.js';
export { gitTree } from './tree/git-tree.js';
export { fsTree } from './tree/fs-tree.js';
export { decodePath, encodePath, splitZ } from './tree/bytes.js';
export { pathSet } from './tree/path-set.js';
