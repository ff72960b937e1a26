/**
 * The first command of a pipeline as a GrepSource: grep/egrep/fgrep, rg, or git grep, each
 * with its own options file (grep-options.ts, rg-options.ts, git-grep-options.ts). Pure.
 */
import { compilePattern } from '../regex/compile.js';
import { repoPath } from '../walk.js';
import { reachesGitDir } from '../find-walk.js';
import { parseFindArgs } from './find-options.js';
import { parseGitGrepArgs } from './git-grep-options.js';
import { newOptions, parseGrepArgs, specOf } from './grep-options.js';
import type { GrepSource } from './pipeline.js';
import { parseRgArgs } from './rg-options.js';
import type { Word } from './tokenize.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The first command (grep, egrep, fgrep or rg) as a GrepSource, or a reason. */
export function firstStage(first: Word[]): GrepSource | { reason: string } {
  const name = first[0]?.text ?? '';
  if (ASSIGNMENT.test(name)) return { reason: `unsupported environment assignment \`${name}\`` };
  if (name === 'rg') return rgSource(first.slice(1));
  if (name === 'git' && first[1]?.text === 'grep') return gitGrepSource(first.slice(2));
  if (name === 'find') return findSource(first.slice(1));
  if (name !== 'grep' && name !== 'egrep' && name !== 'fgrep') {
    return { reason: `unsupported command \`${name}\`: the pipeline must start with grep, rg, git grep or find` };
  }
  const options = newOptions();
  if (name === 'egrep') options.flavour = 'extended';
  if (name === 'fgrep') options.flavour = 'fixed';
  const o = parseGrepArgs(first.slice(1), options);
  if ('reason' in o) return o;
  // Context lines (and grep's `--` separators) are printed lines: harmless only when none are printed.
  if (o.context !== null && !o.count && !o.filesWithMatches) {
    return { reason: `unsupported grep option \`${o.context}\`: context lines and \`--\` separators change the output (harmless only with -c or -l)` };
  }
  const s = specOf(o);
  if ('reason' in s) return s;
  const outside = s.operands.find((w) => repoPath(w.text) === null);
  if (outside) return { reason: outsideReason(outside.text) };
  const compiled = compilePattern(s.spec);
  if ('error' in compiled) return { reason: compiled.error };
  return {
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
  };
}

/** `git grep [options] PATTERN [--] [PATHSPEC…]` over the scanned tree (see git-grep-walk.ts). */
function gitGrepSource(words: Word[]): GrepSource | { reason: string } {
  const g = parseGitGrepArgs(words);
  if ('reason' in g) return g;
  const o = g.options;
  if (o.context !== null && !o.count && !o.filesWithMatches) return { reason: `unsupported git grep option \`${o.context}\`: context lines change the output (harmless only with -c or -l)` };
  const outside = [...g.include, ...g.exclude].find((p) => repoPath(p) === null);
  if (outside !== undefined) return { reason: outsideReason(outside) };
  const s = specOf(o);
  if ('reason' in s) return { reason: s.reason.replace(/^grep/, 'git grep') };
  const spec = { ...s.spec, keepNul: true, ...(o.wordRegexp ? { gitWords: true } : {}) };
  const compiled = compilePattern(spec);
  if ('error' in compiled) return { reason: compiled.error.replace(/grep -P/g, 'git grep -P') };
  // git grep -o stops a line at its first empty match where grep -o steps over it.
  if (spec.onlyMatching && compiled.matches('')) return { reason: 'unsupported: git grep -o with a pattern that matches the empty string' };
  return {
    tool: 'git-grep',
    pathspecs: { include: g.include, exclude: g.exclude, mustExist: g.mustExist },
    spec,
    recursive: 'r',
    count: o.count,
    filesWithMatches: o.filesWithMatches,
    lineNumber: o.lineNumber,
    withFilename: o.withFilename,
    skipBinary: o.skipBinary,
    globs: [],
    excludeDirs: [],
    operands: [],
  };
}

/** `find START… EXPR` listing the scanned tree (see find-walk.ts); nothing is read or run. */
function findSource(words: Word[]): GrepSource | { reason: string } {
  const q = parseFindArgs(words);
  if ('reason' in q) return q;
  for (const start of q.starts) {
    const real = repoPath(start);
    if (real === null) return { reason: outsideReason(start) };
    if (real === '' && reachesGitDir(q, start)) {
      return { reason: `unsupported: \`find ${start}\` would also list the checkout's .git directory, which a commit does not hold; add \`-not -path './.git/*'\` or start below the root` };
    }
  }
  return {
    tool: 'find',
    find: q,
    spec: { pattern: '', flavour: 'fixed', ignoreCase: false, wordRegexp: false, invert: false },
    recursive: 'r',
    count: false,
    filesWithMatches: false,
    lineNumber: false,
    withFilename: false,
    skipBinary: false,
    globs: [],
    excludeDirs: [],
    operands: [],
  };
}

/** `rg [options] PATTERN [PATH…]` with ripgrep's defaults (see rg-options.ts and rg-walk.ts). */
function rgSource(words: Word[]): GrepSource | { reason: string } {
  const o = parseRgArgs(words);
  if ('reason' in o) return o;
  if (o.operands.some((w) => w.globs)) return { reason: `unsupported: a shell wildcard operand for rg (\`${o.operands.find((w) => w.globs)?.text}\`); use -g` };
  const outside = o.operands.find((w) => repoPath(w.text) === null);
  if (outside) return { reason: outsideReason(outside.text) };
  const spec = { ...o.spec, keepNul: true };
  const compiled = compilePattern(spec);
  if ('error' in compiled) return { reason: compiled.error };
  return {
    tool: 'rg',
    rg: o.filters,
    countMatches: o.countMatches,
    spec,
    recursive: 'r',
    count: o.count,
    filesWithMatches: o.filesWithMatches,
    lineNumber: o.lineNumber,
    withFilename: o.withFilename,
    skipBinary: true,
    globs: [],
    excludeDirs: [],
    operands: o.operands.map((w) => ({ text: w.text, glob: false })),
  };
}

/**
 * A path operand leaving the repository (absolute, or `..` above the root) is not read, so the
 * metric has no value: a 0 would look like "done" (issue 20).
 */
export function outsideReason(operand: string): string {
  return `path \`${operand}\` is outside the repository: migratrack only counts inside it, so this metric has no value`;
}

