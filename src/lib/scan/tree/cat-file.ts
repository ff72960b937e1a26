/**
 * One long-running `git cat-file --batch` process: blob ids in, contents out, requests pipelined
 * (many in flight, answered in order), so reading a past commit costs one process, not one per file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface BlobReader {
  read(oid: string): Promise<Buffer | null>;
  close(): void;
}

export function startCatFile(root: string): BlobReader {
  const proc: ChildProcessWithoutNullStreams = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: 'pipe' });
  const pending: ((b: Buffer | null) => void)[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let closed = false;
  const fail = (): void => {
    closed = true;
    for (const p of pending.splice(0)) p(null);
  };
  proc.on('error', fail);
  proc.on('exit', fail);
  proc.stdin.on('error', fail);
  proc.stdout.on('data', (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      const header = buf.toString('latin1', 0, nl);
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        buf = buf.subarray(nl + 1);
        pending.shift()?.(null);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      if (buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(buf.subarray(nl + 1, nl + 1 + size));
      buf = buf.subarray(nl + 1 + size + 1);
      pending.shift()?.(body);
    }
  });
  return {
    read(oid) {
      if (closed || !/^[0-9a-f]{40,64}$/.test(oid)) return Promise.resolve(null);
      return new Promise((resolve) => {
        pending.push(resolve);
        proc.stdin.write(`${oid}\n`);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      proc.stdin.end();
      proc.kill();
      for (const p of pending.splice(0)) p(null);
    },
  };
}
