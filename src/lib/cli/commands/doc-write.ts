/**
 * Writes the synced tracking doc: a temp file in the doc's own folder (so the rename is atomic,
 * on one file system), with the doc's mode, renamed over the doc only if the doc on disk is still
 * the one sync read — same bytes, same modification time — checked once more right before the
 * rename, so an editor's save in between is never overwritten (issue 19).
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MigratrackError } from '../../errors.js';

/** What sync read: the bytes and the modification time they had. */
export interface DocRead {
  bytes: Buffer;
  mtimeMs: number;
}

export async function statDoc(file: string): Promise<number> {
  return (await stat(file)).mtimeMs;
}

async function unchanged(file: string, read: DocRead): Promise<boolean> {
  try {
    const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
    return info.mtimeMs === read.mtimeMs && bytes.equals(read.bytes);
  } catch {
    return false;
  }
}

function changedError(file: string): MigratrackError {
  return new MigratrackError('input', `${file} changed since sync read it; it was left as it is now. Run sync again.`, { file });
}

/** Replaces `file` with `content` atomically, refusing when it changed since `read`. */
export async function writeDocIfUnchanged(file: string, read: DocRead, content: Buffer): Promise<void> {
  if (!(await unchanged(file, read))) throw changedError(file);
  const mode = (await stat(file)).mode & 0o7777;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.migratrack-sync.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx', mode });
    if (!(await unchanged(file, read))) throw changedError(file);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
