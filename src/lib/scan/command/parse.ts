/**
 * parseGrepCommand: a doc's grep pipeline to plain data, or a reason naming what is unsupported.
 * Pure: it tokenizes like a shell without expanding anything, and runs nothing.
 */
import { compilePattern } from '../regex/compile.js';
import { firstStage } from './first-stage.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { FilterStage, ParseResult } from './pipeline.js';
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
  const stages: FilterStage[] = [];
  for (const words of rest) {
    const stage = parseStage(words);
    if ('reason' in stage) return { ok: false, reason: stage.reason };
    if (stages[stages.length - 1]?.kind === 'wc-l') return { ok: false, reason: 'unsupported: a stage after `wc -l`' };
    stages.push(stage);
  }
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

function parseStage(words: Word[]): FilterStage | { reason: string } {
  const [cmd, ...args] = words.map((w) => w.text);
  const bad = (what: string): { reason: string } => ({ reason: `unsupported ${cmd} usage \`${what}\` in the pipeline` });
  switch (cmd) {
    case 'grep': case 'egrep': case 'fgrep': {
      const options = newOptions();
      if (cmd === 'egrep') options.flavour = 'extended';
      if (cmd === 'fgrep') options.flavour = 'fixed';
      const o = parseGrepArgs(words.slice(1), options);
      if ('reason' in o) return o;
      if (o.recursive !== 'none' || o.count || o.filesWithMatches || o.lineNumber || o.withFilename !== null || o.onlyMatching || o.context !== null) {
        return { reason: `unsupported options in a filtering grep (\`${args.join(' ')}\`): only -v -E -F -G -P -i -w -x -e` };
      }
      const s = specOf(o);
      if ('reason' in s) return s;
      if (s.operands.length > 0) return { reason: `a filtering grep cannot read files (\`${s.operands[0]?.text}\`)` };
      const compiled = compilePattern(s.spec);
      if ('error' in compiled) return { reason: compiled.error };
      return { kind: 'grep', spec: s.spec };
    }
    case 'wc':
      return args.length === 1 && (args[0] === '-l' || args[0] === '--lines') ? { kind: 'wc-l' } : bad(`wc ${args.join(' ')}`);
    case 'sort':
      if (args.length === 0) return { kind: 'sort', unique: false };
      return args.length === 1 && (args[0] === '-u' || args[0] === '--unique') ? { kind: 'sort', unique: true } : bad(`sort ${args.join(' ')}`);
    case 'uniq':
      return args.length === 0 ? { kind: 'uniq' } : bad(`uniq ${args.join(' ')}`);
    case 'head':
      return parseHead(args) ?? bad(`head ${args.join(' ')}`);
    case 'cut':
      return parseCut(args) ?? bad(`cut ${args.join(' ')}`);
    default:
      return { reason: `unsupported command \`${cmd}\` in the pipeline (supported: grep, wc -l, cut -d: -f1, sort [-u], uniq, head -N)` };
  }
}

function parseHead(args: string[]): FilterStage | null {
  const joined = args.join(' ');
  const m = /^(?:-(\d+)|-n ?(\d+)|--lines=(\d+)|)$/.exec(joined);
  if (!m) return null;
  return { kind: 'head', lines: Number(m[1] ?? m[2] ?? m[3] ?? 10) };
}

function parseCut(args: string[]): FilterStage | null {
  let delimiter: string | null = null;
  let field: number | null = null;
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    let m: RegExpExecArray | null;
    if ((m = /^(?:-d|--delimiter=)(.*)$/s.exec(a))) delimiter = m[1] === '' && a === '-d' ? (args[++k] ?? null) : (m[1] ?? null);
    else if ((m = /^(?:-f|--fields=)(.*)$/.exec(a))) field = Number(m[1] === '' && a === '-f' ? args[++k] : m[1]);
    else return null;
  }
  if (delimiter === null || [...delimiter].length !== 1 || field === null || !Number.isInteger(field) || field < 1) return null;
  return { kind: 'cut', delimiter, field };
}
