/**
 * What grep prints for one file, from its FileScan (grep 3.8 rules): `-l` names, `-c` counts,
 * otherwise `[name:][n:]line`; a binary file prints the lines read before its first NUL (see
 * textHits) and, when more lines match, "grep: NAME: binary file matches" goes to stderr (grep ≤ 3.4 printed "Binary file NAME matches" on stdout instead); a selected
 * line with an encoding error is not printed (later ones are), with the same stderr message.
 */
import type { FileScan } from './cache.js';
import type { GrepSource } from './command/pipeline.js';
import { INVALID_BYTE_MARK } from './regex/emit.js';

/** One output line and where it came from (the file and line of the grep hit behind it). */
export interface Row {
  text: string;
  path: string | null;
  /** Index of the hit in the file's FileScan, for context; null for rows without a hit. */
  hit: number | null;
  /** 1-based line of that hit. */
  line: number | null;
  /** `-c` rows carry their count. */
  count?: number;
}

export function fileOutput(src: GrepSource, name: string, path: string, scan: FileScan, withFilename: boolean, stderr: string[]): Row[] {
  // -I: a binary file counts 0, and lists (-l) only for a line read before its NUL.
  const hits = src.skipBinary && scan.binary ? scan.hits.slice(0, textHits(scan)) : scan.hits;
  const first = hits[0];
  if (src.filesWithMatches) return first ? [{ text: name, path, hit: 0, line: first.line }] : [];
  const prefix = withFilename ? `${name}:` : '';
  if (src.count) {
    const n = src.skipBinary && scan.binary ? 0 : hits.length;
    return [{ text: `${prefix}${n}`, path, hit: first ? 0 : null, line: first?.line ?? null, count: n }];
  }
  const head = (h: FileScan['hits'][number]): string => `${prefix}${src.lineNumber ? `${h.line}:` : ''}`;
  if (!src.spec.onlyMatching) {
    return printedLineHits(src, name, scan, stderr).map((k) => {
      const h = hits[k] as FileScan['hits'][number];
      return { text: head(h) + h.text, path, hit: k, line: h.line };
    });
  }
  if (hits.length === 0) return [];
  const text = textHits(scan);
  // -o: each match on its own line, with the same prefix (grep 3.8 print_line_middle); only a
  // match holding an invalid byte counts as an encoding error, not the rest of its line. One
  // message for both that and matches after a NUL.
  const rows: Row[] = [];
  let encodingError = text < hits.length && !src.skipBinary;
  hits.slice(0, text).forEach((h, k) => {
    for (const part of h.parts ?? []) {
      if (part.includes(INVALID_BYTE_MARK)) encodingError = true;
      else rows.push({ text: head(h) + part, path, hit: k, line: h.line });
    }
  });
  if (encodingError && !src.skipBinary) stderr.push(`grep: ${name}: binary file matches`);
  return rows;
}

/**
 * Which hits grep prints as lines (no -l, no -c), in order; what it prints on stderr instead (a
 * binary file, a line with an encoding error) is pushed to `stderr`. Shared by fileOutput and the
 * count-only path, which needs how many lines there are but not their text.
 */
export function printedLineHits(src: GrepSource, name: string, scan: FileScan, stderr: string[]): number[] {
  const hits = scan.hits;
  if (hits.length === 0) return [];
  const text = textHits(scan);
  // Matches after the NUL's read give the message (after the lines before it; stderr order is not kept with stdout).
  let message = text < hits.length && !src.skipBinary;
  const printed: number[] = [];
  for (let k = 0; k < text; k++) {
    if (hits[k]?.encodingError) {
      // grep 3.8 (print_line_head): the line is not printed, later lines are; one message at the end.
      message = true;
      continue;
    }
    printed.push(k);
  }
  if (message && !src.skipBinary) stderr.push(`grep: ${name}: binary file matches`); // -I: silent
  return printed;
}

/** GNU grep 3.8 reads a file 96 KiB at a time, at offsets that are multiples of it. */
const GREP_READ = 96 * 1024;

/**
 * How many of a file's hits grep prints as text: all of a file without NUL; in a binary file, those
 * on lines ended before the read that holds the first NUL (grep turns binary at that read, so a
 * NUL in the first 96 KiB prints nothing). Checked on generated trees (generated-tree-oracle).
 */
export function textHits(scan: FileScan): number {
  if (!scan.binary) return scan.hits.length;
  const from = Math.floor((scan.nulAt ?? 0) / GREP_READ) * GREP_READ;
  let k = 0;
  while (k < scan.hits.length && (scan.hits[k]?.end ?? Infinity) < from) k++;
  return k;
}
