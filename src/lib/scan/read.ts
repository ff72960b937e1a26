/**
 * Reads many files of a tree with bounded concurrency (or synchronously when the tree can),
 * handing each buffer to `onFile` as it arrives, with the index of its path. The buffer is valid
 * only while `onFile` runs (a synchronous tree lends its own, `peekSync`).
 */
import type { RepoTree } from './types.js';

export async function readAll(tree: RepoTree, paths: readonly string[], onFile: (index: number, buf: Buffer | null) => void, concurrency = 64): Promise<void> {
  const readSync = tree.peekSync?.bind(tree) ?? tree.readSync?.bind(tree);
  if (readSync) {
    for (let k = 0; k < paths.length; k++) onFile(k, readSync(paths[k] as string));
    return;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const k = next++;
      onFile(k, await tree.read(paths[k] as string));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
}
