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
import type { GrepPipeline } from '../scan/index.js';
import type { RepoTree } from '../scan/types.js';

/** Whether `pipeline`'s value is the sum of its values on single-file trees. */
export function sumsOverFiles(pipeline: GrepPipeline): boolean {
  if (pipeline.grep.operands.some((o) => o.glob)) return false;
  const stages = pipeline.stages.at(-1)?.kind === 'wc-l' ? pipeline.stages.slice(0, -1) : pipeline.stages;
  if (stages.every((s) => s.kind === 'grep' || s.kind === 'cut')) return true;
  // File names are distinct per file, so `sort -u` over them never merges two files' lines.
  const [cut, sort, ...rest] = stages;
  return rest.length === 0 && cut?.kind === 'cut' && cut.delimiter === ':' && cut.field === 1 &&
    sort?.kind === 'sort' && sort.unique && pipeline.grep.recursive !== 'none' && pipeline.grep.withFilename !== false;
}

export type Evaluate = (tree: RepoTree) => Promise<number | null>;

/** One metric's running total across a walk. */
export class PerFileMetric {
  private total: number | null = null;
  /** path → blob as of the last evaluation (undefined: absent), for paths touched since. */
  private pending = new Map<string, string | undefined>();
  private readonly contributions = new Map<string, number | null>();
  runs = 0;

  constructor(
    private readonly evaluate: Evaluate,
    private readonly readBlob: (path: string, oid: string) => Promise<Buffer | null>,
  ) {}

  /** Records a path's blob before a commit changed it (only the first change since the last evaluation counts). */
  noteChanged(path: string, before: string | undefined): void {
    if (!this.pending.has(path)) this.pending.set(path, before);
  }

  /** The value on `tree`: a full evaluation the first time (or after a failure), deltas after. */
  async value(tree: RepoTree): Promise<number | null> {
    if (this.total === null) {
      this.pending.clear();
      this.runs++;
      this.total = await this.evaluate(tree);
      return this.total;
    }
    let total: number = this.total;
    for (const [path, before] of this.pending) {
      const after = tree.blobId?.(path);
      if (after === before) continue;
      const [oldPart, newPart] = await Promise.all([this.contribution(path, before), this.contribution(path, after)]);
      if (oldPart === null || newPart === null) {
        this.total = null; // cannot trust a delta: start over on the whole tree
        return this.value(tree);
      }
      total += newPart - oldPart;
    }
    this.pending.clear();
    this.total = total;
    return total;
  }

  private async contribution(path: string, blob: string | undefined): Promise<number | null> {
    if (blob === undefined) return 0;
    const key = `${path}\0${blob}`;
    const known = this.contributions.get(key);
    if (known !== undefined) return known;
    this.runs++;
    const single: RepoTree = {
      paths: [path],
      read: async (p) => (p === path ? this.readBlob(path, blob) : null),
      blobId: (p) => (p === path ? blob : undefined),
    };
    const value = await this.evaluate(single);
    this.contributions.set(key, value);
    return value;
  }
}
