/**
 * File names are bytes. Repo paths are strings; a byte that is not valid UTF-8 is carried as a
 * lone surrogate U+DC80+byte (Python's "surrogateescape"), so any name round-trips exactly.
 */
import { isUtf8 } from 'node:buffer';

/** Bytes of a name (from `git ls-files -z` or readdir) to a repo path string. */
export function decodePath(buf: Buffer): string {
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n > 0 && i + n <= buf.length && isUtf8(buf.subarray(i, i + n))) {
      out += buf.toString('utf8', i, i + n);
      i += n;
    } else {
      out += String.fromCharCode(0xdc00 + b);
      i++;
    }
  }
  return out;
}

/** The exact bytes of a repo path string (inverse of decodePath). */
export function encodePath(path: string): Buffer {
  if (!/[\uDC80-\uDCFF]/.test(path)) return Buffer.from(path, 'utf8');
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const prev = i > 0 ? path.charCodeAt(i - 1) : 0;
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([c - 0xdc00]));
      run = '';
    } else run += path[i];
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** Splits NUL-terminated records (`-z` output). */
export function splitZ(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let k = buf.indexOf(0, start); k >= 0; k = buf.indexOf(0, start)) {
    out.push(buf.subarray(start, k));
    start = k + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

/** Byte order of paths, as git sorts them. */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(encodePath(a), encodePath(b));
}
