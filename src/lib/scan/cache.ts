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
  let last = 0;
  for (const h of hits) last = Math.max(last, h.line);
  const line = contextLines(buf, last + context);
  const range = (from: number, to: number): string[] => {
    const out: string[] = [];
    for (let i = Math.max(0, from); i < to; i++) {
      const text = line(i);
      if (text === undefined) break;
      out.push(text);
    }
    return out;
  };
  return {
    binary,
    hits,
    before: hits.map((h) => range(h.line - 1 - context, h.line - 1)),
    after: hits.map((h) => range(h.line, h.line + context)),
  };
}

/**
 * The file's lines (0-based) up to `upTo`, each decoded alone: what `buf.toString('utf8')
 * .split('\n')` gives, without decoding and splitting the whole file for a hit near its top
 * (issue 21: most of a scan's hits only feed counts). A newline byte is never part of a UTF-8
 * sequence, so a line's bytes decode alone to the same text, bad bytes included. undefined past
 * the last line (an empty last segment, after a final newline, is not a line).
 */
function contextLines(buf: Buffer, upTo: number): (i: number) => string | undefined {
  const starts = [0];
  for (let at = 0; starts.length <= upTo + 1; ) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    at = nl + 1;
    starts.push(at);
  }
  return (i) => {
    const start = starts[i];
    if (start === undefined) return undefined;
    const next = starts[i + 1];
    if (next !== undefined) return buf.toString('utf8', start, next - 1);
    // The last segment: a line unless empty (the file ends with a newline) — or cut short by `upTo`.
    return start < buf.length && i <= upTo ? buf.toString('utf8', start, buf.length) : undefined;
  };
}
