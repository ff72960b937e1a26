/**
 * A tree's path list as a set. A scan plans several pipelines and then verifies over the same
 * list, and a history walk verifies the same list at commit after commit: the set is kept per
 * frozen array (gitTree and fsTree freeze theirs); a mutable array is never cached, as it may change.
 */
const setsByList = new WeakMap<readonly string[], ReadonlySet<string>>();

export function pathSet(paths: readonly string[]): ReadonlySet<string> {
  const known = setsByList.get(paths);
  if (known !== undefined) return known;
  const set = new Set(paths);
  if (Object.isFrozen(paths)) setsByList.set(paths, set);
  return set;
}
