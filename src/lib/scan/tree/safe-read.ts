/**
 * Reading a file of the tree without ever leaving the repository: the file is opened with
 * O_NOFOLLOW (a symlink is refused), must be a regular file, and its directory's real path must be
 * inside the root's real path (no symlinked directory on the way).
 */
import * as fs from 'node:fs';
import { encodePath } from './bytes.js';

const dirCache = new Map<string, boolean>();

/** The file's bytes, or a reason it was not read. */
export function readInside(realRoot: string, path: string): Buffer | string {
  const plain = !/[\uDC80-\uDCFF]/.test(path);
  const full: string | Buffer = plain ? `${realRoot}/${path}` : Buffer.concat([Buffer.from(`${realRoot}/`), encodePath(path)]);
  const slash = path.lastIndexOf('/');
  if (slash >= 0) {
    const key = `${realRoot}\0${path.slice(0, slash)}`;
    let ok = dirCache.get(key);
    if (ok === undefined) {
      const dir = plain ? `${realRoot}/${path.slice(0, slash)}` : Buffer.concat([Buffer.from(`${realRoot}/`), encodePath(path.slice(0, slash))]);
      try {
        const real = fs.realpathSync(dir, { encoding: 'buffer' });
        ok = real.equals(typeof dir === 'string' ? Buffer.from(dir) : dir);
      } catch {
        ok = false;
      }
      if (dirCache.size > 100_000) dirCache.clear();
      dirCache.set(key, ok);
    }
    if (!ok) return 'its directory is a symbolic link or missing; not read (it could lead out of the repository)';
  }
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? 'is a symbolic link in the working tree; not followed' : `cannot be read (${code ?? String(e)})`;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return 'is not a regular file';
    return readFd(fd, st.size);
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the whole file from an open fd (size from fstat; grows if the file grew meanwhile). */
function readFd(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.max(size, 1));
  let len = 0;
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
