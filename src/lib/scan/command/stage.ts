/**
 * The later stages of a pipeline (after the first command), as plain data: what stage-parse.ts
 * produces and scan/stages/ runs. Each mirrors one real tool's options in C.UTF-8 (issue 22).
 */
import type { PatternSpec } from '../types.js';
import { isNumeric, type AwkProgram } from './awk-program.js';

/** A `cut -f` list item: fields `from`..`to` (1-based, inclusive; `to` null: to the last field). */
export interface FieldRange {
  from: number;
  to: number | null;
}

/** A `sort -k START[,END]` key over fields (1-based; `end` null: to the end of the line). */
export interface SortKey {
  start: number;
  end: number | null;
}

/** A later stage reading the previous one's output lines. */
export type FilterStage =
  /** `grep [-v] [-c] …` on standard input; `count` prints the number of selected lines. */
  | { kind: 'grep'; spec: PatternSpec; count: boolean }
  /** `wc` with the counts it prints, in wc's fixed order (lines, words, bytes). */
  | { kind: 'wc'; lines: boolean; words: boolean; bytes: boolean }
  | { kind: 'cut'; delimiter: string; fields: FieldRange[]; onlyDelimited: boolean }
  | { kind: 'sort'; unique: boolean; numeric: boolean; reverse: boolean; key: SortKey | null; separator: string | null }
  | { kind: 'uniq'; count: boolean }
  | { kind: 'head'; lines: number }
  /** `tail -n N` (the last N lines) or `tail -n +N` (from line N on). */
  | { kind: 'tail'; lines: number; fromStart: boolean }
  | { kind: 'awk'; program: AwkProgram };

/** Whether the stage prints one number (so a metric's value is that number, not a line count). */
export function printsNumber(stage: FilterStage): boolean {
  if (stage.kind === 'grep') return stage.count;
  if (stage.kind === 'wc') return true;
  if (stage.kind !== 'awk') return false;
  // awk prints one number when the only output is an END `print` of one numeric expression.
  const { main, end } = stage.program;
  const prints = end.filter((s) => s.kind === 'print');
  const only = prints[0];
  return !main.some((s) => s.kind === 'print') && prints.length === 1 && only?.args.length === 1 && only.args[0] !== undefined && isNumeric(only.args[0]);
}

/** `cut -d: -f1`: the file names of `name:line` output. */
export function cutsFileNames(stage: FilterStage): boolean {
  return stage.kind === 'cut' && stage.delimiter === ':' && stage.fields.length === 1 && stage.fields[0]?.from === 1 && stage.fields[0].to === 1;
}
