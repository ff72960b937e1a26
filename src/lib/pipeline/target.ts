/**
 * Getting the inputs ready: the demo repository when no target was named, and the tracking doc's
 * bytes, read with a size limit and a clear error naming the file when it cannot be read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ResolvedOptions } from '../config/index.js';
import { generateDemoRepo } from '../demo/index.js';
import { MAX_DOC_BYTES } from '../doc/index.js';
import { MigratrackError } from '../errors.js';

/** Generates the demo repository on first use (idempotent afterwards). */
export async function ensureTarget(opts: ResolvedOptions): Promise<void> {
  if (opts.demo) await generateDemoRepo(opts.repo);
}

/**
 * Reads at most MAX_DOC_BYTES + 1 bytes: the parser reports an oversized doc itself, and a 50 MB
 * file must not be loaded whole just to be refused.
 */
export async function readDocBytes(file: string): Promise<Buffer> {
  let handle;
  try {
    // No link followed (a doc swapped for one after the options were resolved), and a FIFO opened
    // without blocking: fstat below then refuses it as not a regular file.
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new MigratrackError('input', `cannot read the tracking doc ${file}: ${reason(error)}`, { file });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new MigratrackError('input', `the tracking doc ${file} is not a regular file`, { file });
    const size = Math.min(stat.size, MAX_DOC_BYTES + 1);
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof MigratrackError) throw error;
    throw new MigratrackError('input', `cannot read the tracking doc ${file}: ${reason(error)}`, { file });
  } finally {
    await handle.close();
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'it is a symbolic link, not followed';
  return (error as Error).message;
}
