/**
 * Data the scan stage exchanges with the others. The scan stage turns a repository tree and a set
 * of grep pipelines (from the doc or the config) into exact counts and matches, as GNU grep would.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Match } from '../snapshot/schema.js';

/** A read-only view of a tree: the working tree, the git index, or a past commit. */
export interface RepoTree {
  /** Repo-relative POSIX paths of regular files, sorted, as grep -r / git ls-files would see them. */
  readonly paths: readonly string[];
  /** File bytes, or null when unreadable (the reason goes to a diagnostic). */
  read(path: string): Promise<Buffer | null>;
  /** Content identity (git blob id) when known, so per-file results can be cached across commits. */
  blobId?(path: string): string | undefined;
  /** Whether git tracks the path (git grep searches only those); absent: every path is tracked. */
  tracked?(path: string): boolean;
  /** Synchronous read, when cheap (working-tree files): lets a scan skip a promise per file. */
  readSync?(path: string): Buffer | null;
  /**
   * readSync into a buffer the tree reuses: the bytes are valid only until the next call. For a
   * caller that scans them and keeps nothing of them (the scan's file loop: no copy per file).
   */
  peekSync?(path: string): Buffer | null;
  /**
   * Symbolic links in the tree: repo path -> the repo path it resolves to, or null when it points
   * outside the repository, dangles, or loops. Links are never in `paths` (they are not regular files).
   */
  readonly symlinks?: ReadonlyMap<string, string | null>;
  /**
   * The tree's files as they are on disk (a working tree, not a commit): what another thread needs
   * to read them exactly as readSync does (scan-threads.ts). Absent: files are read through the tree.
   */
  readonly onDisk?: OnDiskFiles;
  /** Problems met building or reading the tree (unreadable files, links out of the repo). */
  readonly diagnostics?: Diagnostic[];
  /** Releases resources (gitTree's `git cat-file` process). Safe to call twice. */
  close?(): void;
}

/** See RepoTree.onDisk. */
export interface OnDiskFiles {
  /** The root as a real path (safe-read.ts insideReader's argument). */
  readonly realRoot: string;
  /**
   * How readSync reads `path`: READ_NOT (it is not listed: null, nothing reported), READ_CHECKED
   * (opened and fstat'ed to be sure it is a regular file) or READ_VOUCHED (the listing just saw a
   * regular file: no fstat).
   */
  readMode(path: string): ReadMode;
  /** Records why a path could not be read, as readSync would have. */
  unreadable(path: string, reason: string): void;
}

export const READ_NOT = 0;
export const READ_CHECKED = 1;
export const READ_VOUCHED = 2;
export type ReadMode = typeof READ_NOT | typeof READ_CHECKED | typeof READ_VOUCHED;

/**
 * How a pattern is written: POSIX basic (grep), extended (grep -E), fixed (grep -F), or the
 * PCRE subset a linear-time engine runs (grep -P), or Rust regex syntax (rg; issue 22).
 */
export type PatternFlavour = 'basic' | 'extended' | 'fixed' | 'perl' | 'rust';

export interface PatternSpec {
  pattern: string;
  flavour: PatternFlavour;
  ignoreCase: boolean;
  wordRegexp: boolean;
  invert: boolean;
  /** -x: the pattern must match the whole line. */
  lineRegexp?: boolean;
  /** -o: the scan keeps each line's matched parts (grep prints each on its own line). */
  onlyMatching?: boolean;
  /** -w as git grep does it: ASCII word characters, the next match tried instead of a shorter one. */
  gitWords?: boolean;
  /**
   * A NUL byte is an ordinary byte of its line (rg and git grep), not a line end as in GNU grep's
   * binary files; each tool's binary rule is applied when printing (tool-output.ts).
   */
  keepNul?: boolean;
}

export type { Match };
