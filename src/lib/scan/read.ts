/**
 * Reads many files of a tree with bounded concurrency (or synchronously when the tree can),
 * handing each buffer to `onFile` as it arrives.
 */
import type { RepoTree } from './types.js';

export async function readAll(tree: RepoTree, paths: readonly string[], onFile: (path: string, buf: Buffer | null) => void, concurrency = 64): Promise<void> {
  if (tree.readSync) {
    for (const p of paths) onFile(p, tree.readSync(p));
    return;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const p = paths[next++] as string;
      onFile(p, await tree.read(p));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
}
