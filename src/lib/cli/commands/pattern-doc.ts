/**
 * The tracking doc `migratrack init --pattern` writes (issue 19): every file that matches, as a
 * checkbox with its match count, grouped by directory (one category each), the doc's progress, the
 * grep command that counts what is left, a start date and N weekly milestones splitting the files.
 * Written in the shapes the doc stage reads (a checklist doc, dated "Week N" milestones), so the
 * doc reads back exactly and `migratrack sync` keeps it current.
 */
import path from 'node:path';

export interface PatternDocInput {
  pattern: string;
  includes: readonly string[];
  /** Matching files with their matching-line counts, any order. */
  files: ReadonlyArray<{ path: string; count: number }>;
  /** YYYY-MM-DD. */
  startDate: string;
  weeks: number;
  /** The command that counts what is left (see `countCommand`). */
  command: string;
}

/** A POSIX shell word: single quotes, with each `'` closed, escaped and reopened. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `grep -rE` over the repository counting the matching lines left, as the scan stage interprets it. */
export function countCommand(pattern: string, includes: readonly string[]): string {
  return ['grep', '-rE', '-e', shellWord(pattern), ...includes.map((glob) => `--include=${shellWord(glob)}`), '.', '|', 'wc', '-l'].join(' ');
}

/** Inline code whatever the text holds: a fence longer than any run of backticks in it (CommonMark). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function fenced(text: string, info: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, text, fence];
}

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The doc's markdown (see the module comment). */
export function renderPatternDoc(input: PatternDocInput): string {
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byDir = new Map<string, typeof files>();
  for (const file of files) {
    const dir = path.posix.dirname(file.path);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const dirs = [...byDir.keys()].sort();
  const ordered = dirs.flatMap((dir) => byDir.get(dir) ?? []);
  const total = ordered.length;
  const where = input.includes.length > 0 ? ` named ${input.includes.map(codeSpan).join(' or ')}` : '';
  const lines = [
    `# Files matching ${codeSpan(input.pattern)}`,
    '',
    `**Start Date:** ${input.startDate}`,
    `**Progress:** 0/${total} files (0%)`,
    '',
    `Every file${where} that matches the extended regular expression ${codeSpan(input.pattern)}, by directory, with its`,
    'matching lines when this doc was written. Tick a file when it no longer matches; `migratrack sync --write`',
    'ticks them from the code.',
    '',
    '## How to count what is left',
    '',
    ...fenced(input.command, 'bash'),
  ];
  for (const dir of dirs) {
    const entries = byDir.get(dir) ?? [];
    lines.push('', `## ${dir === '.' ? 'Repository root' : codeSpan(`${dir}/`)}`, '');
    for (const file of entries) lines.push(`- [ ] ${codeSpan(file.path)} (${plural(file.count, 'match', 'matches')})`);
  }
  lines.push('', '## Milestones');
  for (let week = 1; week <= input.weeks; week++) {
    const from = Math.floor((total * (week - 1)) / input.weeks);
    const to = Math.floor((total * week) / input.weeks);
    const start = addDays(input.startDate, 7 * (week - 1));
    lines.push('', `### Week ${week} (${start} - ${addDays(start, 6)})`, '');
    lines.push(`- **Target:** ${to}/${total} files (${total === 0 ? 100 : Math.round((to / total) * 100)}%)`);
    for (const file of ordered.slice(from, to)) lines.push(`- ${codeSpan(file.path)}`);
  }
  return `${lines.join('\n')}\n`;
}
