/**
 * A tree's path list as a set, and the paths under a folder. A scan plans several pipelines and
 * then verifies over the same list, and a history walk verifies the same list at commit after
 * commit: what is derived from the list is kept per frozen array (gitTree and fsTree freeze theirs);
 * a mutable array is never cached, as it may change.
 */
const setsByList = new WeakMap<readonly string[], ReadonlySet<string>>();
const sortedLists = new WeakMap<readonly string[], boolean>();

export function pathSet(paths: readonly string[]): ReadonlySet<string> {
  const known = setsByList.get(paths);
  if (known !== undefined) return known;
  const set = new Set(paths);
  if (Object.isFrozen(paths)) setsByList.set(paths, set);
  return set;
}

/** Whether a frozen list is in JavaScript's string order (git's byte order is, but for rare names). */
function sorted(paths: readonly string[]): boolean {
  if (!Object.isFrozen(paths)) return false;
  let known = sortedLists.get(paths);
  if (known === undefined) {
    known = true;
    for (let k = 1; k < paths.length && known; k++) known = (paths[k - 1] as string) < (paths[k] as string);
    sortedLists.set(paths, known);
  }
  return known;
}

/**
 * Where the paths starting with `prefix` lie in `paths`: the exact range in a sorted frozen list
 * (such paths are contiguous there; found by bisection, so each grep operand costs its own files,
 * not the whole tree's: issue 21), the whole list otherwise. The caller still tests each path.
 */
export function prefixRange(paths: readonly string[], prefix: string): { from: number; to: number } {
  if (prefix === '' || !sorted(paths)) return { from: 0, to: paths.length };
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((paths[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  // They end where a path stops starting with it: bisected too, not walked (a directory operand's
  // isDir test and its walk each asked for the range of thousands of files).
  let to = paths.length;
  for (let at = lo; at < to; ) {
    const mid = (at + to) >>> 1;
    if ((paths[mid] as string).startsWith(prefix)) at = mid + 1;
    else to = mid;
  }
  return { from: lo, to };
}

/** Whether any of `paths` starts with `prefix`. */
export function anyUnder(paths: readonly string[], prefix: string): boolean {
  const { from, to } = prefixRange(paths, prefix);
  for (let k = from; k < to; k++) if ((paths[k] as string).startsWith(prefix)) return true;
  return false;
}
