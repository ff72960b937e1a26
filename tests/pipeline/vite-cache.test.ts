/**
 * Each `astro build` the pipeline starts keeps Vite's cache (its dependency optimizer's output) in
 * the build's own folder. Left at Vite's default, the package's node_modules/.vite, the two builds
 * of a merge raced to create it on a fresh install (ENOTEMPTY on its rename: the org site failed),
 * and an installed package need not be writable by its user.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildCommand, buildFolder, PACKAGE_ROOT } from '../../src/lib/pipeline/render-site.js';
import { cli, initRepo, trackingDoc, workspace } from '../security/fixtures/workspace.js';

describe('the Vite cache of a build', { timeout: 600_000 }, () => {
  it('is written under the build folder, not the package', async () => {
    const ws = workspace();
    initRepo(ws.repo, { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }]) });
    const scan = await cli(['scan', '--format', 'json', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir);
    expect(scan.code, scan.stderr).toBe(0);
    const snapshot = path.join(ws.dir, 'snapshot.json');
    writeFileSync(snapshot, scan.stdout);
    const work = buildFolder(PACKAGE_ROOT, `vite-cache-test-${process.pid}-${Date.now()}`);
    mkdirSync(work, { recursive: true });
    try {
      const out = path.join(ws.dir, 'dist');
      const command = astroBuildCommand({ snapshotFile: snapshot, historyFile: null, notesDir: null, outDir: out, base: '/', site: null, verbose: false }, work);
      const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
        const child = spawn(command.command, command.args, { cwd: command.cwd, env: command.env });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.on('close', (exit) => done({ code: exit, output }));
      });
      expect(code, output).toBe(0);
      expect(existsSync(path.join(out, 'index.html'))).toBe(true);
      expect(readdirSync(path.join(work, 'cache', 'vite'))).toContain('deps');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
