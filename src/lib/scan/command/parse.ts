/**
 * parseGrepCommand: a doc's grep pipeline to plain data, or a reason naming what is unsupported.
 * Pure: it tokenizes like a shell without expanding anything, and runs nothing.
 */
import { compilePattern } from '../regex/compile.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { ParseResult } from './pipeline.js';
import { parseStages } from './stage-parse.js';
import { tokenize, type Token, type Word } from './tokenize.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

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
  const name = first[0]?.text ?? '';
  if (ASSIGNMENT.test(name)) return { ok: false, reason: `unsupported environment assignment \`${name}\`` };
  if (name !== 'grep' && name !== 'egrep' && name !== 'fgrep') {
    return { ok: false, reason: `unsupported command \`${name}\`: the pipeline must start with grep` };
  }
  const options = newOptions();
  if (name === 'egrep') options.flavour = 'extended';
  if (name === 'fgrep') options.flavour = 'fixed';
  const o = parseGrepArgs(first.slice(1), options);
  if ('reason' in o) return { ok: false, reason: o.reason };
  const s = specOf(o);
  if ('reason' in s) return { ok: false, reason: s.reason };
  const compiled = compilePattern(s.spec);
  if ('error' in compiled) return { ok: false, reason: compiled.error };
  const stages = parseStages(rest);
  if ('reason' in stages) return { ok: false, reason: stages.reason };
  return {
    ok: true,
    pipeline: {
      source: text,
      grep: {
        spec: s.spec,
        recursive: o.recursive,
        count: o.count,
        filesWithMatches: o.filesWithMatches,
        lineNumber: o.lineNumber,
        withFilename: o.withFilename,
        skipBinary: o.skipBinary,
        globs: o.globs,
        excludeDirs: o.excludeDirs,
        operands: s.operands.map((w) => ({ text: w.text, glob: w.globs })),
      },
      stages,
    },
  };
}

function splitPipes(tokens: readonly Token[]): Word[][] {
  const out: Word[][] = [[]];
  for (const tok of tokens) {
    if (tok.kind === 'pipe') out.push([]);
    else out[out.length - 1]?.push(tok);
  }
  return out;
}
