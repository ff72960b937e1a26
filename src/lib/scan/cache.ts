/**
 * Per-file first-stage results, keyed by content identity (git blob id) and pattern, so a history
 * backfill over thousands of commits only scans the blobs that changed.
 */
import { scanBuffer, type LineHit } from './lines.js';
import type { CompiledPattern } from './regex/compile.js';

/** What one grep pattern finds in one file's content: all grep output can be rebuilt from it. */
export interface FileScan {
  binary: boolean;
  hits: LineHit[];
  /** Offset of the file's first NUL byte, when it has one (see BufferScan). */
  nulAt?: number;
  rgNulRead?: number;
  /** For each hit, up to `context` lines before and after (empty for binary files). */
  before: string[][];
  after: string[][];
}

/** The cache a caller passes in `opts.cache`; share one across commits of a backfill. */
export interface ScanCache {
  get(key: string): FileScan | undefined;
  set(key: string, value: FileScan): void;
  readonly size: number;
}

/** A bounded in-memory cache (oldest entries dropped past `maxEntries`). */
export function createScanCache(maxEntries = 200_000): ScanCache {
  const map = new Map<string, FileScan>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= maxEntries) {
        const oldest = map.keys().next();
        if (!oldest.done) map.delete(oldest.value);
      }
      map.set(key, value);
    },
    get size() {
      return map.size;
    },
  };
}

/** What most files give: no hit, not binary (one shared object, never built per file). */
export const EMPTY_SCAN: FileScan = { binary: false, hits: [], before: [], after: [] };

/** Scans one file's bytes with one pattern, keeping `context` lines around each hit. */
export function scanFile(buf: Buffer, compiled: CompiledPattern, context: number): FileScan {
  const { binary, hits, nulAt, rgNulRead } = scanBuffer(buf, compiled);
  if (hits.length === 0) return binary ? { ...EMPTY_SCAN, binary, nulAt, rgNulRead } : EMPTY_SCAN;
  if (binary) return { binary, hits, nulAt, rgNulRead, before: hits.map(() => []), after: hits.map(() => []) };
  if (context === 0) return { binary, hits, before: hits.map(() => []), after: hits.map(() => []) };
  const lines = buf.toString('utf8').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return {
    binary,
    hits,
    before: hits.map((h) => lines.slice(Math.max(0, h.line - 1 - context), h.line - 1)),
    after: hits.map((h) => lines.slice(h.line, h.line + context)),
  };
}
