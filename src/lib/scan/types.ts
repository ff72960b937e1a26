/**
 * Data the scan stage exchanges with the others. The scan stage turns a repository tree and a set
 * of grep pipelines (from the doc or the config) into exact counts and matches, as GNU grep would.
 */
import type { Match } from '../snapshot/schema.js';

/** A read-only view of a tree: the working tree, the git index, or a past commit. */
export interface RepoTree {
  /** Repo-relative POSIX paths of regular files, sorted, as grep -r / git ls-files would see them. */
  readonly paths: readonly string[];
  /** File bytes, or null when unreadable (the reason goes to a diagnostic). */
  read(path: string): Promise<Buffer | null>;
}

/** How a pattern is written: POSIX basic (grep), extended (grep -E), or fixed (grep -F). */
export type PatternFlavour = 'basic' | 'extended' | 'fixed';

export interface PatternSpec {
  pattern: string;
  flavour: PatternFlavour;
  ignoreCase: boolean;
  wordRegexp: boolean;
  invert: boolean;
}

export type { Match };
