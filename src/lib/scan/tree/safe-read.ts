/**
 * Reading a file of the tree without ever leaving the repository: the file is opened with
 * O_NOFOLLOW (a symlink is refused), must be a regular file, and no directory on its way may be a
 * symbolic link (each directory is checked once, with one lstat, for the whole scan).
 *
 * System calls per file are what a 50,000-file scan pays for (issue 21): a file the listing
 * already vouches for (an index entry git's own stat check found unmodified, a readdir entry of
 * type file) costs open, one read and close; the rest also pay an fstat to be sure it is a regular
 * file. Files up to SCRATCH bytes are read into one reused buffer and copied out at their size,
 * or, for a caller that only scans them (`transient`), lent as they are: no allocation per file.
 */
import * as fs from 'node:fs';
import { encodePath } from './bytes.js';

/**
 * The file's bytes, or a reason it was not read. `transient`: the bytes may be the reader's own
 * buffer, valid only until its next call.
 */
export type InsideRead = (path: string, listedAsFile: boolean, transient?: boolean) => Buffer | string;

const SCRATCH = 1 << 20;
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/**
 * A reader of files under `realRoot` (already a real path). `listedAsFile`: the caller's listing
 * says the path is a regular file as of just now, so fstat is skipped; opening with O_NONBLOCK
 * keeps a FIFO swapped in since from hanging the scan (it reads as empty or fails).
 */
export function insideReader(realRoot: string): InsideRead {
  const dirOk = new Map<string, boolean>([['', true]]);
  const scratch = Buffer.allocUnsafe(SCRATCH);
  const bytesOf = (path: string): string | Buffer => (/[\uDC80-\uDCFF]/.test(path) ? Buffer.concat([Buffer.from(`${realRoot}/`), encodePath(path)]) : `${realRoot}/${path}`);
  /** No symbolic link and nothing but directories from the root down to `dir`. */
  const inside = (dir: string): boolean => {
    let ok = dirOk.get(dir);
    if (ok !== undefined) return ok;
    const slash = dir.lastIndexOf('/');
    ok = inside(slash < 0 ? '' : dir.slice(0, slash));
    if (ok) {
      try {
        ok = fs.lstatSync(bytesOf(dir)).isDirectory();
      } catch {
        ok = false;
      }
    }
    dirOk.set(dir, ok);
    return ok;
  };
  return (path, listedAsFile, transient = false) => {
    const slash = path.lastIndexOf('/');
    if (slash >= 0 && !inside(path.slice(0, slash))) return 'its directory is a symbolic link or missing; not read (it could lead out of the repository)';
    let fd: number;
    try {
      fd = fs.openSync(bytesOf(path), OPEN_FLAGS);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ELOOP' ? 'is a symbolic link in the working tree; not followed' : `cannot be read (${code ?? String(e)})`;
    }
    try {
      if (!listedAsFile && !fs.fstatSync(fd).isFile()) return 'is not a regular file';
      // A regular file's read is short only at its end: fewer bytes than asked means all of it.
      const n = fs.readSync(fd, scratch, 0, SCRATCH, null);
      if (n < SCRATCH) return transient ? scratch.subarray(0, n) : Buffer.from(scratch.subarray(0, n));
      return readRest(fd, Buffer.from(scratch));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'EISDIR' ? 'is not a regular file' : `cannot be read (${code ?? String(e)})`;
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** Reads the rest of a file larger than the scratch buffer, doubling the buffer as needed. */
function readRest(fd: number, head: Buffer): Buffer {
  let buf = head;
  let len = head.length;
  for (;;) {
    if (len === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, len, buf.length - len, null);
    if (n === 0) return buf.subarray(0, len);
    len += n;
  }
}
