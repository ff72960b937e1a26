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
  let closed = false;
  const fail = (): void => {
    closed = true;
    for (const p of pending.splice(0)) p(null);
  };
  proc.on('error', fail);
  proc.on('exit', fail);
  proc.stdin.on('error', fail);
  // State machine over the stream: a header line, then `size` bytes and a newline. Bodies are
  // gathered as chunks and joined once, so a 200 MB blob is not re-copied per chunk.
  let head: Buffer = Buffer.alloc(0);
  let body: Buffer[] = [];
  let need = -1; // bytes of body (+1 for its newline) still to come; -1 while reading a header
  let got = 0;
  proc.stdout.on('data', (chunk: Buffer) => {
    let data = chunk;
    while (data.length > 0) {
      if (need < 0) {
        const nl = data.indexOf(10);
        if (nl < 0) {
          head = Buffer.concat([head, data]);
          return;
        }
        const header = Buffer.concat([head, data.subarray(0, nl)]).toString('latin1');
        head = Buffer.alloc(0);
        data = data.subarray(nl + 1);
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          pending.shift()?.(null);
          continue;
        }
        need = Number(header.slice(header.lastIndexOf(' ') + 1)) + 1;
        body = [];
        got = 0;
        continue;
      }
      const take = Math.min(need - got, data.length);
      body.push(data.subarray(0, take));
      got += take;
      data = data.subarray(take);
      if (got === need) {
        const all = Buffer.concat(body, got);
        need = -1;
        body = [];
        pending.shift()?.(all.subarray(0, got - 1));
      }
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
