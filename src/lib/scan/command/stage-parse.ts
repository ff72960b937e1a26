/**
 * The later stages of a doc's pipeline (everything after the first command), parsed to plain
 * data or to a reason naming the unsupported word (issue 22). Pure: nothing here runs anything.
 */
import { compilePattern } from '../regex/compile.js';
import { parseAwkProgram } from './awk-program.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { FieldRange, FilterStage, SortKey } from './stage.js';
import { readOptions, type ReadOptions } from './stage-options.js';
import type { Word } from './tokenize.js';

const SUPPORTED = 'grep [-v] [-c], awk, sort [-n] [-r] [-u] [-k] [-t], uniq [-c], head -n, tail -n, wc [-l] [-w] [-c], cut -d -f [-s]';

/** Parses the commands after the first one, in order. */
export function parseStages(commands: readonly Word[][]): FilterStage[] | { reason: string } {
  const stages: FilterStage[] = [];
  for (const words of commands) {
    const stage = parseStage(words);
    if ('reason' in stage) return stage;
    stages.push(stage);
  }
  return stages;
}

function parseStage(words: Word[]): FilterStage | { reason: string } {
  const [cmd = '', ...args] = words.map((w) => w.text);
  const read = (spec: Parameters<typeof readOptions>[2]): ReadOptions | { reason: string } => {
    const r = readOptions(cmd, args, spec);
    if ('reason' in r) return r;
    const file = cmd === 'awk' ? r.operands[1] : r.operands[0];
    return file === undefined ? r : { reason: `a later \`${cmd}\` cannot read files (\`${file}\`)` };
  };
  switch (cmd) {
    case 'grep': case 'egrep': case 'fgrep': return parseFilteringGrep(cmd, words.slice(1));
    case 'wc': return withOptions(read({ flags: 'lwc', valued: '', long: { lines: 'l', words: 'w', bytes: 'c' } }), (o) => {
      const has = (f: string): boolean => o.options.some(([l]) => l === f);
      const none = o.options.length === 0;
      return { kind: 'wc', lines: none || has('l'), words: none || has('w'), bytes: none || has('c') };
    });
    case 'sort': return withOptions(read({ flags: 'nru', valued: 'kt', long: { 'numeric-sort': 'n', reverse: 'r', unique: 'u', key: 'k', 'field-separator': 't' } }), sortStage);
    case 'uniq': return withOptions(read({ flags: 'c', valued: '', long: { count: 'c' } }), (o) => ({ kind: 'uniq', count: o.options.length > 0 }));
    case 'head': return lineCount(cmd, args, (lines) => ({ kind: 'head', lines }));
    case 'tail': return lineCount(cmd, args, (lines, fromStart) => ({ kind: 'tail', lines, fromStart }));
    case 'cut': return withOptions(read({ flags: 's', valued: 'df', long: { delimiter: 'd', fields: 'f', 'only-delimited': 's' } }), cutStage);
    case 'awk': case 'gawk': case 'mawk': return withOptions(read({ flags: '', valued: 'F', long: { 'field-separator': 'F' } }), awkStage);
    default: return { reason: `unsupported command \`${cmd}\` in the pipeline (supported: ${SUPPORTED})` };
  }
}

function withOptions(o: ReadOptions | { reason: string }, build: (o: ReadOptions) => FilterStage | { reason: string }): FilterStage | { reason: string } {
  return 'reason' in o ? o : build(o);
}

function parseFilteringGrep(cmd: string, words: Word[]): FilterStage | { reason: string } {
  const options = newOptions();
  if (cmd === 'egrep') options.flavour = 'extended';
  if (cmd === 'fgrep') options.flavour = 'fixed';
  const o = parseGrepArgs(words, options);
  if ('reason' in o) return o;
  if (o.recursive !== 'none' || o.filesWithMatches || o.lineNumber || o.withFilename !== null || o.onlyMatching || o.context !== null) {
    return { reason: `unsupported options in a filtering grep (\`${words.map((w) => w.text).join(' ')}\`): only -v -c -E -F -G -P -i -w -x -e` };
  }
  const s = specOf(o);
  if ('reason' in s) return s;
  if (s.operands.length > 0) return { reason: `a filtering grep cannot read files (\`${s.operands[0]?.text}\`)` };
  const compiled = compilePattern(s.spec);
  if ('error' in compiled) return { reason: compiled.error };
  return { kind: 'grep', spec: s.spec, count: o.count };
}

/** `-N`, `-n N`, `-nN`, `--lines=N`; for tail also `+N` forms (from line N). */
function lineCount(cmd: string, args: string[], build: (lines: number, fromStart: boolean) => FilterStage): FilterStage | { reason: string } {
  const joined = args.join(' ');
  const m = /^(?:-(\d+)|(?:-n ?|--lines[= ])(\+?)(\d+)|)$/.exec(joined);
  if (!m || (m[2] === '+' && cmd === 'head')) return { reason: `unsupported ${cmd} usage \`${cmd} ${joined}\` in the pipeline (supported: ${cmd} -n N, ${cmd} -N)` };
  return build(Number(m[1] ?? m[3] ?? 10), m[2] === '+');
}

function sortStage(o: ReadOptions): FilterStage | { reason: string } {
  let key: SortKey | null = null;
  let separator: string | null = null;
  for (const [letter, value] of o.options) {
    if (letter === 'k') {
      const m = /^([1-9]\d*)(?:,([1-9]\d*))?$/.exec(value ?? '');
      if (!m || key !== null) return { reason: `unsupported sort key \`-k ${value}\` (supported: one -k N or -k N,M)` };
      key = { start: Number(m[1]), end: m[2] === undefined ? null : Number(m[2]) };
    }
    if (letter === 't') {
      if (!/^[\x01-\x7f]$/.test(value ?? '')) return { reason: `unsupported sort separator \`-t ${value}\` (one ASCII character)` };
      separator = value as string;
    }
  }
  const has = (f: string): boolean => o.options.some(([l]) => l === f);
  return { kind: 'sort', unique: has('u'), numeric: has('n'), reverse: has('r'), key, separator };
}

function cutStage(o: ReadOptions): FilterStage | { reason: string } {
  let delimiter = '\t';
  let fields: FieldRange[] | null = null;
  for (const [letter, value] of o.options) {
    if (letter === 'd') {
      if (!/^[\x01-\x7f]$/.test(value ?? '')) return { reason: `unsupported cut delimiter \`-d ${value}\` (one ASCII character, as coreutils cut)` };
      delimiter = value as string;
    }
    if (letter === 'f') {
      const list = fieldList(value as string);
      if (list === null) return { reason: `unsupported cut field list \`-f ${value}\` (N, N-M, N-, -M, comma-separated, from 1)` };
      fields = list;
    }
  }
  if (fields === null) return { reason: 'unsupported cut usage: only `cut -f LIST` (with -d, -s)' };
  return { kind: 'cut', delimiter, fields, onlyDelimited: o.options.some(([l]) => l === 's') };
}

function fieldList(text: string): FieldRange[] | null {
  const out: FieldRange[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return null;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? null : Number(m[3]);
    if (from < 1 || (to !== null && to < from)) return null;
    out.push({ from, to });
  }
  return out;
}

function awkStage(o: ReadOptions): FilterStage | { reason: string } {
  const [program] = o.operands;
  if (program === undefined) return { reason: 'awk needs a program' };
  let separator: string | null = null;
  for (const [, value] of o.options) {
    const v = value === '\\t' ? '\t' : (value as string);
    if (v === ' ') separator = null;
    else if (v.length === 1 && v !== '\\') separator = v;
    else return { reason: `unsupported awk field separator \`-F ${value}\` (one character, or \\t)` };
  }
  const parsed = parseAwkProgram(program, separator);
  return 'reason' in parsed ? parsed : { kind: 'awk', program: parsed };
}
