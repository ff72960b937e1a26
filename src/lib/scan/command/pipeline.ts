/**
 * The supported subset of grep pipelines, as plain data: what parseGrepCommand produces and
 * evaluatePipeline runs.
 */
import type { PatternSpec } from '../types.js';
import type { FilterStage } from './stage.js';

export type { FilterStage } from './stage.js';

/** One `--include`/`--exclude` option, in command-line order (grep: the last matching one wins). */
export interface FileGlob {
  kind: 'include' | 'exclude';
  glob: string;
}

/** The first command: `grep [options] PATTERN [FILE…]`. */
export interface GrepSource {
  spec: PatternSpec;
  /** -r (symlinks on the command line only), -R (all symlinks), or none. */
  recursive: 'none' | 'r' | 'R';
  /** -c: a count per file. */
  count: boolean;
  /** -l: file names only. */
  filesWithMatches: boolean;
  /** -n: line numbers. */
  lineNumber: boolean;
  /** -H (true), -h (false), or grep's default (null). */
  withFilename: boolean | null;
  /** -I / --binary-files=without-match: binary files never match. */
  skipBinary: boolean;
  globs: FileGlob[];
  excludeDirs: string[];
  /** File operands as written; `glob` when the shell would expand them (unquoted `*?[`). */
  operands: { text: string; glob: boolean }[];
}

export interface GrepPipeline {
  /** The command as written in the doc. */
  source: string;
  grep: GrepSource;
  stages: FilterStage[];
}

export type ParseResult = { ok: true; pipeline: GrepPipeline } | { ok: false; reason: string };
