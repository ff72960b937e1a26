/**
 * The stages after the first command, each as its real tool runs in C.UTF-8 (one file per tool).
 * A stage maps the previous stage's output lines to its own; rows keep the file and line they came
 * from where a line passes through (grep, cut, sort, uniq, head, tail, awk's main action).
 */
import type { FilterStage } from '../command/stage.js';
import type { Row } from '../output.js';
import { applyAwk } from './awk.js';
import { applyCut } from './cut.js';
import { applyGrep } from './grep.js';
import { applyHead, applyTail } from './head-tail.js';
import { applySort } from './sort.js';
import { applyUniq } from './uniq.js';
import { applyWc } from './wc.js';

export { compareCodePoints } from './code-points.js';

/** Applies one later stage to the lines before it. */
export function applyStage(stage: FilterStage, rows: Row[]): Row[] {
  switch (stage.kind) {
    case 'grep': return applyGrep(stage.spec, stage.count, rows);
    case 'cut': return applyCut(stage.delimiter, stage.fields, stage.onlyDelimited, rows);
    case 'sort': return applySort(stage, rows);
    case 'uniq': return applyUniq(stage.count, rows);
    case 'head': return applyHead(stage.lines, rows);
    case 'tail': return applyTail(stage.lines, stage.fromStart, rows);
    case 'wc': return applyWc(stage, rows);
    case 'awk': return applyAwk(stage.program, rows);
  }
}
