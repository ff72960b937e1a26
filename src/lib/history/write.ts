/**
 * Writing the history file so that nothing is ever lost (issue 8): under a lock, re-read what is on
 * disk and merge into it (another build may have appended meanwhile), write a temp file in the same
 * directory, fsync it, rename it over the old one, fsync the directory. A build killed at any moment
 * leaves either the old file or the new one, never a mix.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { withFileLock, type LockOptions } from './lock.js';
import { appendRecords } from './merge.js';
import { readHistory } from './read.js';
import type { HistoryFile } from './schema.js';
import { storeHistory } from './stored.js';

/**
 * Atomically writes `history` to `file`, merged with the records already there, as the current
 * version stores it (each record's changes from the one before). Refuses (and leaves
 * alone) an existing file that is corrupt, newer or another repo's, like {@link readHistory}.
 * Returns what was written.
 */
export async function writeHistoryAtomic(file: string, history: HistoryFile, options: LockOptions = {}): Promise<HistoryFile> {
  return withFileLock(
    file,
    async () => {
      const onDisk = await readHistory(file, history.repo.id);
      const merged = appendRecords(onDisk, history.records);
      await writeFileAtomic(file, historyFileText(merged));
      return merged;
    },
    options,
  );
}

/** The file's text for `history`, as the current version stores it. */
export function historyFileText(history: HistoryFile): string {
  return `${JSON.stringify(storeHistory(history), null, 1)}\n`;
}

/** temp + fsync + rename + directory fsync. The temp name is unique per process so writers never share one. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable; some filesystems do not support fsync on a directory. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR/EINVAL on platforms without directory fsync: the rename is still atomic.
  }
}
