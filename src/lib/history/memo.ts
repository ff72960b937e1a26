/**
 * Reuse of a result computed on a tree until something it looked at changes. The scanner and the
 * verifier read a handful of files out of thousands; recording which ones (and whether they used
 * the file list) lets the backfill skip them entirely on commits that touched none of those files,
 * which is most commits. A changed file still goes back to the scanner, whose per-blob cache then
 * only re-reads that blob.
 */
import type { TreeAccess } from './tree-state.js';

export class TreeMemo<T> {
  private key: string | null = null;
  private value: T | undefined;
  private access: TreeAccess | null = null;
  private stale = true;

  /** Call with each commit's changed paths (cheap: a set lookup per path). */
  noteChanged(paths: readonly string[]): void {
    if (this.stale || this.access === null) return;
    for (const path of paths) {
      if (this.access.files.has(path)) {
        this.stale = true;
        return;
      }
    }
  }

  /**
   * The remembered value if `key` is unchanged, the file list it saw is the current one, and no
   * file it looked at changed; otherwise `compute` runs with a fresh access record.
   */
  async get(key: string, currentPaths: readonly string[], compute: (access: TreeAccess) => Promise<T>): Promise<{ value: T; reused: boolean }> {
    const listChanged = this.access?.paths != null && this.access.paths !== currentPaths;
    if (!this.stale && !listChanged && key === this.key && this.value !== undefined) return { value: this.value, reused: true };
    const access: TreeAccess = { paths: null, files: new Set() };
    const value = await compute(access);
    this.key = key;
    this.value = value;
    this.access = access;
    this.stale = false;
    return { value, reused: false };
  }
}
