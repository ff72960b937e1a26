/**
 * Writing the history file so that nothing is ever lost (issue 8): under a lock, re-read what is on
 * disk and merge into it (another build may have appended meanwhile), write a temp file in the same
 * directory, fsync it, rename it over the old one, fsync the directory. A build killed at any moment
 * leaves either the old file or the new one, never a mix.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMigratrackError, MigratrackError } from '../errors.js';
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
  try {
    await ensureFolder(dirname(file));
    return await withFileLock(
      file,
      async () => {
        const onDisk = await readHistory(file, history.repo.id);
        const merged = appendRecords(onDisk, history.records);
        await writeFileAtomic(file, historyFileText(merged));
        return merged;
      },
      options,
    );
  } catch (error) {
    throw writeFault('history file', file, error);
  }
}

/**
 * mkdir -p, with the real cause: Node's recursive mkdir reports ENOENT for a folder it cannot
 * create on a read-only mount, so the last step is tried again alone to get EROFS or EACCES.
 */
async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir); // throws the real cause; if it worked after all, the folder is there
  }
}

/** What a write fault means and what to do about it, by errno code (issue 20: ENOSPC, EROFS, EACCES were stack traces). */
const WRITE_FAULTS: Record<string, { cause: string; fix: (elsewhere: string) => string }> = {
  ENOSPC: { cause: 'no space left on the device', fix: (elsewhere) => `free some space, or ${elsewhere} another disk, and run again` },
  EDQUOT: { cause: 'the disk quota is exhausted', fix: (elsewhere) => `free some space, or ${elsewhere} another disk, and run again` },
  EROFS: { cause: 'the file system is read-only', fix: (elsewhere) => `${elsewhere} a writable place, e.g. under the CI workspace` },
  EACCES: { cause: 'permission denied', fix: (elsewhere) => `make its folder writable by this user, or ${elsewhere} a writable place` },
  EPERM: { cause: 'the operation is not permitted', fix: (elsewhere) => `make its folder writable by this user, or ${elsewhere} a writable place` },
  ENOTDIR: { cause: 'a part of its path is a file, not a folder', fix: (elsewhere) => `${elsewhere} a path inside a folder` },
  EISDIR: { cause: 'it is a folder', fix: (elsewhere) => `${elsewhere} a file` },
};

/**
 * A failed write of `file` as a one-line MigratrackError naming the file, the cause and the way
 * out (`elsewhere` says how to write it somewhere else); errors that are already one (a refused or
 * locked file) pass through. The temp file and the lock are removed by the steps that made them,
 * so the file on disk is the previous one, intact.
 */
export function writeFault(what: string, file: string, error: unknown, elsewhere = 'point --history (or history.file in the config) at'): unknown {
  if (isMigratrackError(error)) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code === undefined ? undefined : WRITE_FAULTS[code];
  if (code === undefined || (known === undefined && !/^E[A-Z]+$/.test(code))) return error;
  const cause = known?.cause ?? (error as Error).message;
  const fix = known?.fix(elsewhere) ?? 'check the path and run again';
  return new MigratrackError('input', `Cannot write the ${what} ${file}: ${cause} (${code}); ${fix}. The file on disk was left as it was.`, { file });
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
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    // Whatever failed (a full disk mid-write, a close, the rename), the temp file goes.
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
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
