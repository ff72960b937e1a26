/**
 * A link checker over a built site: every href/src in every HTML file, resolved against the
 * page's URL under the base path, must name a file that exists in the output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileFor } from './server.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#34': '"', '#39': "'", apos: "'" };

/** Decodes the entities Astro writes in attribute values. */
export function decodeAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#34|#39|apos|#x[0-9a-f]+);/gi, (m, name: string) => {
    if (name.toLowerCase().startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** All href/src attribute values in an HTML string (decoded). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeAttr(m[1]!));
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** Broken internal links as "page -> link"; external links (other origins, mailto) are skipped. */
export function brokenLinks(dist: string, base: string, origin: string): string[] {
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    const pageUrl = new URL(base + rel.replace(/index\.html$/, '').split('/').map(encodeURIComponent).join('/'), origin);
    for (const link of linksIn(readFileSync(file, 'utf8'))) {
      if (/^(mailto:|data:)/.test(link)) continue;
      const target = new URL(link, pageUrl);
      if (target.origin !== origin) continue;
      if (!fileFor(dist, base, target.pathname)) broken.push(`${rel} -> ${link}`);
    }
  }
  return broken;
}

/** Number of HTML pages in a build. */
export function pageCount(dist: string): number {
  return htmlFiles(dist).length;
}
