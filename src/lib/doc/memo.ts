/**
 * A pure function of one string, remembered: the doc stage asks the same questions of the same
 * titles and lines many times over (every section of its ancestors, every copy of a repeated
 * heading). At most `limit` answers are kept; past that the memory starts again, so a long-running
 * process parsing many docs stays bounded.
 */
export function boundedMemo<T>(compute: (key: string) => T, limit = 4096): (key: string) => T {
  let known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    const value = compute(key);
    if (known.size >= limit) known = new Map();
    known.set(key, value);
    return value;
  };
}
