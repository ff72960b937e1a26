/**
 * Metrics whose value is a sum over files, kept up to date per changed file instead of re-running
 * the whole pipeline on every commit: value(commit) = value(previous) − Σ contribution(old blob)
 * + Σ contribution(new blob) over the files the commits in between touched. A file's contribution
 * is the scanner's own answer for a tree holding just that file, so no grep logic lives here.
 *
 * A pipeline sums over files when each output line comes from one file and later stages only drop
 * or reshape lines (`grep`, `cut`, a final `wc -l`), or when it lists file names
 * (`cut -d: -f1 | sort -u` after a recursive grep). Shell-glob operands expand against the tree,
 * so those always take the whole-tree path.
 */
import { cutsFileNames, type GrepPipeline } from '../scan/index.js';
import type { RepoTree } from '../scan/types.js';

/** Whether `pipeline`'s value is the sum of its values on single-file trees. */
export function sumsOverFiles(pipeline: GrepPipeline): boolean {
  if (pipeline.grep.operands.some((o) => o.glob)) return false;
  const last = pipeline.stages.at(-1);
  // A final line count (`wc -l`, `grep -c`) adds up over files like the lines before it.
  const counts = (last?.kind === 'wc' && !last.words && !last.bytes) || (last?.kind === 'grep' && last.count);
  const stages = counts ? pipeline.stages.slice(0, -1) : pipeline.stages;
  if (stages.every((s) => (s.kind === 'grep' && !s.count) || s.kind === 'cut')) return true;
  // File names are distinct per file, so `sort -u` over them never merges two files' lines.
  const [cut, sort, ...rest] = stages;
  return rest.length === 0 && cut !== undefined && cutsFileNames(cut) &&
    sort?.kind === 'sort' && sort.unique && pipeline.grep.recursive !== 'none' && pipeline.grep.withFilename !== false;
}

/** Values of a fixed list of metrics on a tree, in that order (null: not evaluable). */
export type EvaluateAll = (tree: RepoTree) => Promise<(number | null)[]>;

/**
 * The running totals of the metrics that sum over files, kept together so that each changed file
 * is read and scanned once for all of them.
 */
export class PerFileMetrics {
  private totals: number[] | null = null;
  /** path → blob as of the last evaluation (undefined: absent), for paths touched since. */
  private pending = new Map<string, string | undefined>();
  /**
   * Each path's contribution at its current blob: what the next change of that path subtracts.
   * One entry per path, however long the history (issue 21: memory flat in history length).
   */
  private readonly current = new Map<string, { blob: string; values: (number | null)[] }>();
  /** Scanner runs: whole tree, or one file for all the metrics. */
  runs = 0;

  /**
   * @param count how many metrics `evaluate` answers for
   * @param readBlob reads a file's content at a blob (for a tree of that one file)
   */
  constructor(
    private readonly count: number,
    private readonly evaluate: EvaluateAll,
    private readonly readBlob: (path: string, oid: string) => Promise<Buffer | null>,
  ) {}

  /** Records a path's blob before a commit changed it (only the first change since the last evaluation counts). */
  noteChanged(path: string, before: string | undefined): void {
    if (!this.pending.has(path)) this.pending.set(path, before);
  }

  /**
   * The values on `tree`: a whole-tree evaluation the first time (and whenever one of them could
   * not be evaluated), then the last values moved by the contributions of the files changed since.
   */
  async values(tree: RepoTree): Promise<(number | null)[]> {
    if (this.totals === null) return this.fromWholeTree(tree);
    const totals = [...this.totals];
    const changed = [...this.pending].filter(([path, before]) => tree.blobId?.(path) !== before);
    const parts = await Promise.all(changed.map(([path, before]) => Promise.all([this.contribution(path, before, false), this.contribution(path, tree.blobId?.(path), true)])));
    for (const [oldPart, newPart] of parts) {
      for (let k = 0; k < totals.length; k++) {
        const added = newPart[k] ?? null;
        const removed = oldPart[k] ?? null;
        if (added === null || removed === null) return this.fromWholeTree(tree); // a delta cannot be trusted: start over
        totals[k] = (totals[k] as number) + added - removed;
      }
    }
    this.pending.clear();
    this.totals = totals;
    return totals;
  }

  private async fromWholeTree(tree: RepoTree): Promise<(number | null)[]> {
    this.pending.clear();
    this.runs++;
    const values = await this.evaluate(tree);
    this.totals = values.every((v): v is number => v !== null) ? values : null;
    return values;
  }

  /** `keep`: `blob` is the path's blob now, so its contribution is what its next change takes away. */
  private async contribution(path: string, blob: string | undefined, keep: boolean): Promise<(number | null)[]> {
    if (blob === undefined) {
      if (keep) this.current.delete(path);
      return new Array<number>(this.count).fill(0); // an absent file adds nothing
    }
    const known = this.current.get(path); // read before any await: the new blob is stored after one
    if (known?.blob === blob) return known.values;
    this.runs++;
    // The blob id lets the scanner's per-blob cache answer, and remember, the scan. Only for an
    // old blob (the whole-tree run scanned it); a new blob's answer is kept in `current` instead,
    // so the scanner's cache does not grow with every blob of the history.
    const single: RepoTree = {
      paths: [path],
      read: async (p) => (p === path ? this.readBlob(path, blob) : null),
      ...(keep ? {} : { blobId: (p: string) => (p === path ? blob : undefined) }),
    };
    const values = await this.evaluate(single);
    if (keep) this.current.set(path, { blob, values });
    return values;
  }
}
