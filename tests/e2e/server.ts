/**
 * A tiny static server for a built site under a base path, like GitHub Pages: `/base/x/` serves
 * `dist/x/index.html`; percent-encoded paths are decoded to the file names Astro wrote.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
};

/** Maps a URL path to a file in `root` (null when outside the base or missing). */
export function fileFor(root: string, base: string, urlPath: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return null;
  }
  if (rel.split('/').includes('..')) return null;
  let file = join(root, rel);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** A started server; `origin` is "http://127.0.0.1:<port>". */
export interface StaticServer {
  origin: string;
  server: Server;
  /** Points the server at a (re)built directory and base. */
  serve(root: string, base: string): void;
  close(): Promise<void>;
}

/** Starts a server on a free port (the site is chosen later, so the build can know the origin). */
export async function startServer(): Promise<StaticServer> {
  let root = '';
  let base = '/';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = root ? fileFor(root, base, path) : null;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    serve(r, b) {
      root = r;
      base = b;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
