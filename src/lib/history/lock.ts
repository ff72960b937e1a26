/**
 * A lock file beside the history file so two builds at once do not lose each other's records
 * (issue 8). Created with O_EXCL; a lock whose process is gone (same host) or that is older than
 * `staleMs` is taken over, so a killed build does not block every later one.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { MigratrackError } from '../errors.js';

export interface LockOptions {
  /** How long to wait for another build's lock before failing. @default 10000 */
  waitMs?: number;
  /** A lock older than this is considered abandoned. @default 600000 (10 min) */
  staleMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  at: string;
}

/** Runs `work` while holding `<file>.lock`; always releases it. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = `${file}.lock`;
  await acquire(lockPath, options.waitMs ?? 10_000, options.staleMs ?? 600_000);
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string, waitMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    try {
      const handle = await open(lockPath, 'wx');
      const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
      try {
        await handle.writeFile(JSON.stringify(owner));
        await handle.close();
      } catch (error) {
        // A full disk can create the file but not fill it: take our empty lock away again.
        await handle.close().catch(() => undefined);
        await rm(lockPath, { force: true });
        throw error;
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath, staleMs)) {
      // Remove and retry: if two builds both see it stale, O_EXCL still lets only one create it.
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new MigratrackError(
        'input',
        `History file is locked by another build (${lockPath}). Wait for it to finish; if no build is running, delete the lock file.`,
        { file: lockPath },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    let owner: Partial<LockOwner>;
    try {
      owner = JSON.parse(text) as Partial<LockOwner>;
    } catch {
      // Its creator died between creating and writing it; give a live writer a moment first.
      return Date.now() - info.mtimeMs > 2_000;
    }
    if (owner.host === hostname() && typeof owner.pid === 'number') return !isAlive(owner.pid);
    return false;
  } catch {
    // Vanished (released meanwhile): not stale, just retry.
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
