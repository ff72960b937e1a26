/**
 * Which versions of the doc a walk will parse, known before the walk from `git log`'s raw diffs
 * alone: the doc's blob at each sampled state, in walk order, without the repeats the evaluator
 * skips (it re-parses only when the blob differs from the one before). Pure.
 */
import type { WalkState } from './walk.js';
import { isRegular, type TreeState } from './tree-state.js';

/** One version to parse: the doc's blob and the path it had there. */
export interface DocVersion {
  blob: string;
  path: string;
}

/**
 * Follows only the doc's paths (all it was ever called) through the commits, changing them as
 * TreeState.apply does, and lists the blob at each sample. `pathAt(i)` is the doc's path at state i.
 */
export function docVersionsToParse(
  states: readonly WalkState[],
  samples: ReadonlySet<number>,
  pathAt: (index: number) => string,
  initial: TreeState,
): DocVersion[] {
  const names = new Set(states.map((_, i) => pathAt(i)));
  const blobs = new Map<string, string>();
  for (const name of names) {
    const blob = initial.blob(name);
    if (blob !== undefined) blobs.set(name, blob);
  }
  const versions: DocVersion[] = [];
  let last: string | undefined;
  for (const [i, state] of states.entries()) {
    for (const change of state.commit?.changes ?? []) {
      if (change.from !== null && names.has(change.from)) blobs.delete(change.from);
      if (!names.has(change.path)) continue;
      if (change.status === 'D' || !isRegular(change.mode)) blobs.delete(change.path);
      else blobs.set(change.path, change.blob);
    }
    if (!samples.has(i)) continue;
    const path = pathAt(i);
    const blob = blobs.get(path);
    // The evaluator keeps the last parse only, so a version seen before is parsed again after another.
    if (blob !== undefined && blob !== last) versions.push({ blob, path });
    last = blob ?? last;
  }
  return versions;
}
