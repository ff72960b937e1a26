/**
 * The supported subset of grep pipelines, as plain data: what parseGrepCommand produces and
 * evaluatePipeline runs.
 */
import type { PatternSpec } from '../types.js';
import type { FindQuery } from './find-options.js';
import type { RgFilters } from './rg-options.js';
import type { FilterStage } from './stage.js';

export type { FilterStage } from './stage.js';

/** One `--include`/`--exclude` option, in command-line order (grep: the last matching one wins). */
export interface FileGlob {
  kind: 'include' | 'exclude';
  glob: string;
}

/**
 * The first command: `grep [options] PATTERN [FILE…]`, `rg [options] PATTERN [PATH…]` or
 * `git grep [options] PATTERN [--] [PATHSPEC…]` (issue 22), each with its own file selection and output rules.
 */
export interface GrepSource {
  /** Which tool the command runs (grep when absent). */
  tool?: 'grep' | 'rg' | 'git-grep' | 'find';
  /** find only: start points and expression (the pattern fields are unused). */
  find?: FindQuery;
  /** git grep only: pathspecs (`'*.py'`, `src/`), and `:!`/`:^`/`:(exclude)` ones. */
  pathspecs?: { include: string[]; exclude: string[]; mustExist?: string[] };
  /** rg only: globs, types, hidden and ignore-file handling. */
  rg?: RgFilters;
  /** rg --count-matches: per-file counts of matches, not lines. */
  countMatches?: boolean;
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
