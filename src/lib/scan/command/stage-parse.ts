/**
 * The later stages of a doc's pipeline (everything after the first command), parsed to plain
 * data or to a reason naming the unsupported word. Pure: nothing here runs anything.
 */
import { compilePattern } from '../regex/compile.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { FilterStage } from './pipeline.js';
import type { Word } from './tokenize.js';

/** Parses the commands after the first one, in order. */
export function parseStages(commands: readonly Word[][]): FilterStage[] | { reason: string } {
  const stages: FilterStage[] = [];
  for (const words of commands) {
    const stage = parseStage(words);
    if ('reason' in stage) return stage;
    if (stages[stages.length - 1]?.kind === 'wc-l') return { reason: 'unsupported: a stage after `wc -l`' };
    stages.push(stage);
  }
  return stages;
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
      if (o.recursive !== 'none' || o.count || o.filesWithMatches || o.lineNumber || o.withFilename !== null) {
        return { reason: `unsupported options in a filtering grep (\`${args.join(' ')}\`): only -v -E -F -G -i -w -e` };
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
