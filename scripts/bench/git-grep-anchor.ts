/**
 * The scan bench's anchor: the doc's metric pipelines as a person would run them by hand on a
 * git checkout, with the first stage's `grep -r` swapped for `git grep` (the fastest tool at hand:
 * threads, the index, no walk) and the rest of each pipeline kept as the doc wrote it. One bash
 * script prints one count per metric, in order. Only the bench runs it: the doc is our own seed,
 * and migratrack itself never hands a command to a shell.
 */

/** A doc metric as `scan --format json` reports it. */
export interface DocMetric {
  id: string;
  command: string;
  value: number | null;
}

export interface AnchorScript {
  script: string;
  /** Metrics the translation does not cover, with why: they are left out of the comparison. */
  skipped: { id: string; reason: string }[];
}

export function anchorScript(metrics: readonly DocMetric[]): AnchorScript {
  const lines: string[] = [];
  const skipped: AnchorScript['skipped'] = [];
  for (const m of metrics) {
    const line = translate(m.command);
    if (typeof line === 'string') lines.push(line);
    else skipped.push({ id: m.id, reason: line.reason });
  }
  return { script: lines.join('\n'), skipped };
}

/**
 * The backfill bench's naive method: for each commit, every metric pipeline on `git grep <commit>`;
 * prints `<sha> <count> <count> …` per commit, the counts in the order of `metrics`.
 */
export function perCommitScript(metrics: readonly { id: string; command: string }[], commits: readonly string[]): string {
  const body = metrics.map((m) => {
    const line = translate(m.command, '"$c"');
    if (typeof line !== 'string') throw new Error(`${m.id}: ${line.reason}`);
    return `  printf ' %s' "$(${line})"`;
  });
  return [`for c in ${commits.map(quote).join(' ')}; do`, '  printf %s "$c"', ...body, '  echo', 'done'].join('\n');
}

/**
 * `grep -r PAT dirs --include=GLOB | rest` → `git grep -e PAT -- :(glob)dir/**\/GLOB | rest`. With a
 * commit (a shell word), git grep prefixes each line with `<commit>:`, which is cut off before the
 * rest of the pipeline sees it, so the lines are the ones grep -r prints.
 */
function translate(command: string, commit: string | null = null): string | { reason: string } {
  const cut = firstPipe(command);
  const first = shellWords(command.slice(0, cut));
  const rest = cut < command.length ? command.slice(cut) : '';
  if (first[0] !== 'grep') return { reason: 'does not start with grep' };
  const flags: string[] = [];
  const includes: string[] = [];
  const operands: string[] = [];
  let recursive = false;
  let countPerFile = false;
  let pattern: string | null = null;
  for (let i = 1; i < first.length; i++) {
    const w = first[i]!;
    if (w === '--include') includes.push(first[++i] ?? '');
    else if (w.startsWith('--include=')) includes.push(w.slice('--include='.length));
    else if (/^-[a-zA-Z]+$/.test(w)) {
      for (const f of w.slice(1)) {
        if (f === 'r' || f === 'R') recursive = true;
        else if (f === 'c') countPerFile = true;
        else if ('EFiwv'.includes(f)) flags.push(`-${f}`);
        else if (f !== 'n' && f !== 'H') return { reason: `flag -${f} not translated` };
      }
    } else if (pattern === null) pattern = w;
    else operands.push(w.replace(/\/+$/, ''));
  }
  if (pattern === null || operands.length === 0) return { reason: 'no pattern or no operand' };
  const pathspecs = operands.flatMap((op) =>
    recursive && includes.length > 0 ? includes.map((g) => `:(glob)${op}/**/${g}`) : [op],
  );
  const words = ['git', 'grep', ...flags, ...(countPerFile ? ['-h', '-c'] : []), '-e', pattern].map(quote);
  const tree = commit === null ? '' : ` ${commit}`;
  const unprefix = commit === null || countPerFile ? '' : ` | sed "s/^$c://"`;
  const search = `${words.join(' ')}${tree} -- ${pathspecs.map(quote).join(' ')}${unprefix}`;
  // git grep -c prints nothing for a file without a match, grep -c prints 0: sum what there is.
  if (countPerFile && rest === '') return `{ ${search} || true; } | awk '{ s += $0 } END { print s + 0 }'`;
  return /\|\s*wc\s+-l\s*$/.test(rest) ? `${search} ${rest}` : `${search} ${rest} | wc -l`;
}

/** Index of the first `|` outside quotes, or the length. */
function firstPipe(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (c === '|') return i;
  }
  return text.length;
}

/** POSIX shell words of a simple command: quotes removed, `\` inside "…" only before $`"\. */
function shellWords(text: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== null) out.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && '$`"\\'.includes(text[i + 1] ?? '')) i++;
        word += text[i];
      }
    } else if (c === '\\') word = (word ?? '') + (text[++i] ?? '');
    else word = (word ?? '') + c;
  }
  if (word !== null) out.push(word);
  return out;
}

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
