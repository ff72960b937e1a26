/**
 * The target repo's tree at one commit as a path → blob map, moved forward commit by commit from
 * the raw diffs of `git log` (no `git ls-tree` per commit). Exposed to the scanner and the verifier
 * as a {@link RepoTree} whose `blobId` lets them cache per-file results across commits.
 */
import type { RepoTree } from '../scan/types.js';
import type { RawChange } from './git-log.js';
import { runGit } from '../git/run.js';

/** Regular files only, as `git grep` and `grep -r` see them: symlinks and submodules are not searched. */
export function isRegular(mode: string): boolean {
  return mode === '100644' || mode === '100755';
}

/** A path a commit changed, and its blob before the change (undefined: it did not exist). */
export interface TouchedPath {
  path: string;
  before: string | undefined;
}

export class TreeState {
  private readonly blobs = new Map<string, string>();
  private sorted: readonly string[] = [];
  /** The whole list must be sorted again (a tree loaded at once). */
  private dirty = false;
  /** Paths added and removed since `sorted` was made: merged into a copy rather than sorting all again. */
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();

  /** Loads the tree of `commit` with one `git ls-tree` (the starting point of a partial walk). */
  static async fromCommit(root: string, commit: string): Promise<TreeState> {
    const state = new TreeState();
    const result = await runGit(root, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    if (result.code !== 0) throw new Error(`git ls-tree ${commit} failed: ${result.stderr}`);
    for (const entry of result.stdout.toString('utf8').split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', , blob = ''] = entry.slice(0, tab).split(' ');
      if (isRegular(mode)) state.blobs.set(entry.slice(tab + 1), blob);
    }
    state.dirty = true;
    return state;
  }

  /** Applies one commit's changes; returns the paths whose content or presence changed, with their blob before. */
  apply(changes: readonly RawChange[]): TouchedPath[] {
    const touched: TouchedPath[] = [];
    for (const change of changes) {
      if (change.from !== null) touched.push(this.remove(change.from));
      if (change.status === 'D' || !isRegular(change.mode)) touched.push(this.remove(change.path));
      else {
        const before = this.blobs.get(change.path);
        if (before === undefined) this.noteAdded(change.path);
        this.blobs.set(change.path, change.blob);
        touched.push({ path: change.path, before });
      }
    }
    return touched;
  }

  private remove(path: string): TouchedPath {
    const before = this.blobs.get(path);
    if (this.blobs.delete(path)) this.noteRemoved(path);
    return { path, before };
  }

  private noteAdded(path: string): void {
    if (!this.removed.delete(path)) this.added.add(path); // removed then added back: still in `sorted`
  }

  private noteRemoved(path: string): void {
    if (!this.added.delete(path)) this.removed.add(path); // added then removed: never in `sorted`
  }

  blob(path: string): string | undefined {
    return this.blobs.get(path);
  }

  /**
   * Sorted paths. The array is replaced, never mutated, when a file is added or removed, so its
   * identity tells a cache whether the file list changed since it last looked.
   */
  paths(): readonly string[] {
    if (this.dirty) this.sorted = Object.freeze([...this.blobs.keys()].sort(comparePaths));
    else if (this.added.size > 0 || this.removed.size > 0) this.sorted = Object.freeze(mergeSorted(this.sorted, this.removed, [...this.added].sort(comparePaths)));
    this.dirty = false;
    this.added.clear();
    this.removed.clear();
    return this.sorted;
  }
}

/**
 * `sorted` without `removed`, with `added` (sorted, none of them in `sorted`) in place: the list a
 * full sort would give, for one pass over it (a commit adds a file or two to thousands).
 */
function mergeSorted(sorted: readonly string[], removed: ReadonlySet<string>, added: readonly string[]): string[] {
  const out: string[] = [];
  let a = 0;
  for (const path of sorted) {
    if (removed.has(path)) continue;
    while (a < added.length && comparePaths(added[a]!, path) < 0) out.push(added[a++]!);
    out.push(path);
  }
  while (a < added.length) out.push(added[a++]!);
  return out;
}

/** Byte order of the UTF-8 paths, as `git ls-files` sorts (differs from `<` only beyond the BMP). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a RepoTree consumer looked at: the path list, and which files (read or by blob id). */
export interface TreeAccess {
  paths: readonly string[] | null;
  files: Set<string>;
}

/**
 * A RepoTree view of `state` as it is now. `onMissing` hears of blobs git cannot produce (partial
 * clone). When `access` is given, every path looked at is recorded there, so a result computed on
 * this view can be reused until one of those files, or the file list, changes.
 */
export function treeView(
  state: TreeState,
  readBlob: (oid: string) => Promise<Buffer | null>,
  onMissing: (path: string, oid: string) => void,
  access?: TreeAccess,
): RepoTree {
  const paths = state.paths();
  return {
    get paths() {
      if (access) access.paths = paths;
      return paths;
    },
    async read(path) {
      access?.files.add(path);
      const oid = state.blob(path);
      if (oid === undefined) return null;
      const bytes = await readBlob(oid);
      if (bytes === null) onMissing(path, oid);
      return bytes;
    },
    blobId(path) {
      access?.files.add(path);
      return state.blob(path);
    },
  };
}
