/**
 * `git grep` arguments: grep's option syntax for the flags git grep shares with grep (-c -l -n -i
 * -w -v -F -E -G -I -h -H -e, -A/-B/-C under -c/-l, -o, -P with the grep -P subset), `--name-only`,
 * then pathspecs (issue 22). What git grep lacks or does differently (-x, -R, --include…, -o or -P
 * with -w, revisions, pathspec magic other than exclude) is refused by name.
 */
import { newOptions, parseGrepArgs, type GrepOptions } from './grep-options.js';
import type { Word } from './tokenize.js';

export interface GitGrepArgs {
  options: GrepOptions;
  include: string[];
  exclude: string[];
  /** Plain paths given before any `--`: git refuses the command unless each exists (verify_filename). */
  mustExist: string[];
}

const REVISION = /^(?:HEAD|[0-9a-f]{7,40}|.*[~^@].*)$/;

/** Parses the words after `git grep`; the pattern stays first in `options.args`. */
export function parseGitGrepArgs(words: readonly Word[]): GitGrepArgs | { reason: string } {
  const rewritten = words.map((w) => (w.text === '--name-only' ? { ...w, text: '-l' } : w));
  const o = parseGrepArgs(rewritten, { ...newOptions(), lastMatcherWins: true });
  if ('reason' in o) return { reason: o.reason.replace(/^unsupported grep option/, 'unsupported git grep option') };
  if (o.recursive === 'R') return { reason: 'unsupported git grep option `-R`' };
  if (o.lineRegexp) return { reason: 'unsupported git grep option `-x` (git checks the match spans the line, not `^(…)$`)' };
  // git's -w and -o loops are its own (a word match retried further on; -o stops at an empty match):
  // -P and -o are run only where they print what grep's would (issue 22).
  if (o.wordRegexp && (o.onlyMatching || o.flavour === 'perl')) return { reason: 'unsupported git grep option combination `-w` with `-o`/`-P`' };
  if (o.onlyMatching && (o.invert || o.count || o.filesWithMatches)) return { reason: 'unsupported git grep option combination `-o` with `-v`/`-c`/`-l`' };
  if (o.globs.length > 0 || o.excludeDirs.length > 0) return { reason: 'unsupported git grep option `--include`/`--exclude` (use pathspecs)' };
  const include: string[] = [];
  const exclude: string[] = [];
  const mustExist: string[] = [];
  const dashDash = words.findIndex((w) => w.text === '--');
  const beforeDashDash = (w: Word): boolean => dashDash < 0 || words.indexOf(w) < dashDash;
  const [pattern, ...specs] = o.patterns.length > 0 ? [null, ...o.args] : o.args;
  for (const w of specs) {
    if (w === null) continue;
    let t = w.text;
    const ex = /^:(?:!|\^|\(exclude\))(.*)$/.exec(t);
    if (ex) t = ex[1] as string;
    else if (t.startsWith(':')) return { reason: `unsupported git pathspec magic \`${t}\`` };
    else if (REVISION.test(t)) return { reason: `unsupported: git grep at a revision (\`${t}\`); migratrack scans the commit it is given` };
    const norm = t.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
    (ex ? exclude : include).push(norm === '.' ? '' : norm);
    if (!ex && !/[*?[]/.test(t) && beforeDashDash(w)) mustExist.push(norm === '.' ? '' : norm);
  }
  o.args = pattern ? [pattern] : [];
  return { options: o, include, exclude, mustExist };
}
