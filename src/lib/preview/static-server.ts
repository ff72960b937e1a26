/**
 * `migratrack preview`'s server: the built site as a static host serves it (GitHub Pages' rules):
 * under its base path, `/x/` → `x/index.html`, a folder without its slash redirected to it, the
 * site's own 404.html for anything missing. Listens on 127.0.0.1 only: a preview is for this
 * machine. node:http, not a dependency: this is all a static preview needs.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { MigratrackError } from '../errors.js';

/** Content types of what an Astro site contains. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface PreviewServer {
  /** e.g. http://127.0.0.1:4321/my-repo/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What a request resolves to: a file to send, a redirect, or the site's 404. */
type Resolution = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/** Maps a request path to a file of `root` (the real path of the site folder) under `base`. */
export async function resolveRequest(root: string, base: string, urlPath: string): Promise<Resolution> {
  if (urlPath === base.replace(/\/$/, '') || (urlPath === '/' && base !== '/')) return { kind: 'redirect', location: base };
  if (!urlPath.startsWith(base)) return { kind: 'missing' };
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return { kind: 'missing' };
  }
  if (relative.includes('\0') || relative.split('/').some((part) => part === '..')) return { kind: 'missing' };
  const candidate = join(root, relative);
  const found = await statOrNull(candidate);
  if (found?.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath}/` };
    return fileInside(root, join(candidate, 'index.html'));
  }
  return found?.isFile() ? fileInside(root, candidate) : { kind: 'missing' };
}

async function fileInside(root: string, file: string): Promise<Resolution> {
  const real = await realpath(file).catch(() => null);
  if (real === null || !(real === root || real.startsWith(root + sep))) return { kind: 'missing' };
  return (await statOrNull(real))?.isFile() ? { kind: 'file', file: real } : { kind: 'missing' };
}

async function statOrNull(file: string) {
  return stat(file).catch(() => null);
}

/** Starts serving `dir` under `base` on 127.0.0.1:`port` (0: any free port). */
export async function startPreviewServer(dir: string, base: string, port: number): Promise<PreviewServer> {
  const root = await realpath(dir);
  const server = createServer((req, res) => {
    handle(root, base, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    });
  });
  await listen(server, port);
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    port: actual,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function handle(root: string, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const resolved = await resolveRequest(root, base, urlPath);
  if (resolved.kind === 'redirect') {
    res.writeHead(301, { Location: resolved.location }).end();
    return;
  }
  const page = resolved.kind === 'file' ? resolved : await resolveRequest(root, base, `${base}404.html`);
  const status = resolved.kind === 'file' ? 200 : 404;
  if (page.kind !== 'file') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(status, { 'Content-Type': contentType(page.file), 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(page.file).pipe(res);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'EADDRINUSE'
          ? new MigratrackError('usage', `--port: ${port} is in use on 127.0.0.1 (expected a free port: pass --port N)`)
          : new MigratrackError('input', `could not serve on 127.0.0.1:${port}: ${error.message}`),
      );
    });
    server.listen(port, '127.0.0.1', () => done());
  });
}
