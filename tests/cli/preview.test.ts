/**
 * `migratrack preview`: a static server for the built site on 127.0.0.1, as GitHub Pages serves it
 * (base path, folder index, the site's 404 page), and the preview command build names.
 */
import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewHint } from '../../src/lib/cli/commands/preview.js';
import { contentType, startPreviewServer } from '../../src/lib/preview/index.js';
import { BIN, run, tempDir, writeFiles } from './helpers.js';

function site(): string {
  const dir = tempDir();
  writeFiles(dir, {
    'index.html': '<h1>Dashboard</h1>',
    'files/app/a b.py/index.html': '<h1>a b.py</h1>',
    '_astro/site.abc.css': 'body{}',
    '_astro/chart.js': 'export {}',
    'api/snapshot.json': '{}',
    'badge.svg': '<svg/>',
    '404.html': '<h1>Not found</h1>',
  });
  return dir;
}

describe('the preview server', () => {
  it('serves the site under its base path with the content type of each file, and the site’s 404 page', async () => {
    const dir = site();
    writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');
    symlinkSync('/etc/hostname', path.join(dir, 'link.txt'));
    const server = await startPreviewServer(dir, '/repo/', 0);
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/repo/`);
      const get = (p: string) => fetch(`http://127.0.0.1:${server.port}${p}`, { redirect: 'manual' });
      const page = await get('/repo/');
      expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<h1>Dashboard</h1>']);
      expect((await (await get('/repo/files/app/a%20b.py/')).text())).toBe('<h1>a b.py</h1>');
      for (const [file, type] of [['_astro/site.abc.css', 'text/css; charset=utf-8'], ['_astro/chart.js', 'text/javascript; charset=utf-8'], ['api/snapshot.json', 'application/json; charset=utf-8'], ['badge.svg', 'image/svg+xml']]) {
        const response = await get(`/repo/${file}`);
        expect([response.status, response.headers.get('content-type')], file).toEqual([200, type]);
      }
      // A folder without its slash, and the bare host, redirect as a static host does.
      expect([(await get('/repo/files/app/a%20b.py')).status, (await get('/repo/files/app/a%20b.py')).headers.get('location')]).toEqual([301, '/repo/files/app/a%20b.py/']);
      expect((await get('/')).headers.get('location')).toBe('/repo/');
      for (const missing of ['/repo/files/gone.py/', '/elsewhere/', '/repo/../secret.txt', '/repo/%2e%2e/secret.txt', '/repo/link.txt', '/repo/%E0%A4%A']) {
        const response = await get(missing);
        expect([response.status, await response.text()], missing).toEqual([404, '<h1>Not found</h1>']);
      }
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('knows the types an Astro site has', () => {
    expect(['a.html', 'a.CSS', 'a.mjs', 'a.woff2', 'a.bin'].map(contentType)).toEqual(['text/html; charset=utf-8', 'text/css; charset=utf-8', 'text/javascript; charset=utf-8', 'font/woff2', 'application/octet-stream']);
  });

  it('runs as `migratrack preview --port 0`, prints its URL, serves until stopped', async () => {
    const cwd = tempDir();
    const dir = site();
    writeFiles(cwd, { 'migratrack.config.json': JSON.stringify({ doc: 'T.md', out: path.relative(cwd, dir), base: '/repo/' }) });
    const child = spawn(process.execPath, [BIN, 'preview', '--port', '0'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /at (http:\/\/127\.0\.0\.1:\d+\/repo\/) \(Ctrl-C to stop\)/.exec(out);
          if (found) done(found[1]!);
        });
        child.on('close', (code) => fail(new Error(`preview exited ${code}: ${out}`)));
      });
      expect(await (await fetch(url)).text()).toBe('<h1>Dashboard</h1>');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((done) => child.on('close', done))).toBe(0);
  });

  it('refuses a folder without a site, naming it', async () => {
    const cwd = tempDir();
    const result = await run(['preview', '--out', 'nothing-here'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('migratrack: --out: nothing-here has no built site (expected the folder `migratrack build` wrote; run it first)\n');
  });

  it('refuses a port in use', async () => {
    const dir = site();
    const first = await startPreviewServer(dir, '/', 0);
    try {
      const result = await run(['preview', '--out', dir, '--port', String(first.port)], { cwd: tempDir() });
      expect(result.stderr).toBe(`migratrack: --port: ${first.port} is in use on 127.0.0.1 (expected a free port: pass --port N)\n`);
    } finally {
      await first.close();
    }
  });
});

describe('the preview command build names', () => {
  const cwd = '/home/me/repo';
  const at = (packageRoot: string, outDir = `${cwd}/dist`, base = '/', config: { out?: string; base?: string; dir: string } | null = null, configFlag?: string) =>
    previewHint({ packageRoot, cwd, outDir, base, config, configFlag });

  it('is npm run preview in migratrack’s checkout, npx in a project that depends on it, plain when global', () => {
    expect(at('/src/migratrack')).toBe('npm run preview');
    expect(at('/home/me/repo/node_modules/migratrack')).toBe('npx migratrack preview');
    expect(at('/usr/local/lib/node_modules/migratrack')).toBe('migratrack preview');
  });

  it('passes what preview would not read by itself from the config', () => {
    expect(at('/usr/lib/node_modules/migratrack', `${cwd}/site`, '/repo/')).toBe('migratrack preview --out site --base /repo/');
    expect(at('/usr/lib/node_modules/migratrack', `${cwd}/site`, '/repo/', { out: 'site', base: '/repo/', dir: cwd })).toBe('migratrack preview');
    expect(at('/src/migratrack', '/tmp/my site', '/')).toBe("npm run preview -- --out '/tmp/my site'");
    expect(at('/usr/lib/node_modules/migratrack', `${cwd}/site`, '/', { out: 'site', dir: cwd }, 'conf/m.json')).toBe('migratrack preview --config conf/m.json');
  });
});
