/**
 * parseGrepCommand: a doc's grep pipeline to plain data, or a reason naming what is unsupported.
 * Pure: it tokenizes like a shell without expanding anything, and runs nothing.
 */
import { compilePattern } from '../regex/compile.js';
import { firstStage } from './first-stage.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { ParseResult } from './pipeline.js';
import { parseStages } from './stage-parse.js';
import { tokenize, type Token, type Word } from './tokenize.js';

/**
 * Parses `grep [opts] PATTERN [PATH…] [| grep … | wc -l | cut -d: -f1 | sort [-u] | uniq | head -N]`.
 * @example parseGrepCommand('grep -r "bigquery\\.Client(" src/ --include="*.py" | wc -l')
 */
export function parseGrepCommand(text: string): ParseResult {
  const t = tokenize(text);
  if (!t.ok) return t;
  const commands = splitPipes(t.tokens);
  if (commands.some((c) => c.length === 0)) return { ok: false, reason: 'empty command in the pipeline' };
  const [first, ...rest] = commands as [Word[], ...Word[][]];
  const grep = firstStage(first);
  if ('reason' in grep) return { ok: false, reason: grep.reason };
  const stages = parseStages(rest);
  if ('reason' in stages) return { ok: false, reason: stages.reason };
  return { ok: true, pipeline: { source: text, grep, stages } };
}

function splitPipes(tokens: readonly Token[]): Word[][] {
  const out: Word[][] = [[]];
  for (const tok of tokens) {
    if (tok.kind === 'pipe') out.push([]);
    else out[out.length - 1]?.push(tok);
  }
  return out;
}
