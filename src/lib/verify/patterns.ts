/**
 * The only place verify touches the scanner's matcher: compile a PatternSpec once, then ask for the
 * lines it matches, exactly as grep would (the scanner owns POSIX regex translation).
 */
import { compilePattern, matchingLines, type CompiledPattern } from '../scan/index.js';
import type { PatternSpec } from '../scan/types.js';
import type { FileText } from './file-text.js';

export type Compiled = { ok: true; pattern: CompiledPattern } | { ok: false; error: string };

/** Compiles each distinct spec once per run (patterns repeat across every item of a category). */
export class PatternCache {
  private readonly cache = new Map<string, Compiled>();

  /** Patterns that did not compile, with grep's reason, for one diagnostic each. */
  errors(): { pattern: string; error: string }[] {
    return [...this.cache.entries()].flatMap(([key, c]) => (c.ok ? [] : [{ pattern: (JSON.parse(key) as PatternSpec).pattern, error: c.error }]));
  }

  get(spec: PatternSpec): Compiled {
    const key = JSON.stringify(spec);
    let hit = this.cache.get(key);
    if (!hit) {
      const result = compilePattern(spec);
      hit = 'error' in result ? { ok: false, error: String(result.error) } : { ok: true, pattern: result };
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/** 1-based numbers of the file's lines the pattern matches. */
export function linesMatching(file: FileText, compiled: CompiledPattern): number[] {
  return matchingLines(file.bytes, compiled).map((m) => m.line);
}
