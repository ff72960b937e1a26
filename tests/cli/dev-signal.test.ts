/**
 * `migratrack dev` under a process manager: a SIGTERM sent to migratrack alone (not to its process
 * group, as Ctrl-C would) must stop Astro's dev server too, not leave it serving on the port.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'vitest';
import { BIN, gitRepo, tempDir } from './helpers.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, test: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('migratrack dev', () => {
  it('stops the Astro server it started when it gets SIGTERM', { timeout: 120_000 }, async ({ expect }) => {
    const repo = gitRepo(path.join(tempDir(), 'repo'), { 'docs/TRACKING.md': '# Migration\n\n- [x] `a.py`\n- [ ] `b.py`\n', 'a.py': 'x\n', 'b.py': 'y\n' });
    const port = await freePort();
    const dev = spawn(process.execPath, [BIN, 'dev', '--repo', repo, '--doc', 'docs/TRACKING.md', '--port', String(port)], {
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => dev.on('exit', (code) => resolve(code)));
    const serving = async () => fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false);
    await until(`the dev server on port ${port} (output so far: ${output})`, serving, 90_000);
    const astro = childrenOf(dev.pid!);
    expect(astro.length).toBeGreaterThan(0);

    dev.kill('SIGTERM');
    await exited;
    await until('Astro to exit', () => astro.every((pid) => !alive(pid)), 15_000);
    expect(await serving()).toBe(false);
  });
});
