/**
 * The doc's own tracking commands, evaluated on the plan's rendered files (not by migratrack, not
 * by git): ground truth per day for burndown tests. Each reproduces GNU grep on the exact command;
 * the tests check every value against real `git grep` at the same commit.
 */
import { DOC_PATH } from './paths.js';
import type { RenderedFile } from './world.js';

interface Grep {
  dirs: string[];
  /** The BRE pattern as a JS regex (`\.` literal, `.` any char, `\|` alternation, `(` literal). */
  pattern: RegExp;
  /** `| grep -v X` filters, applied to grep's "path:line" output (X is a regex too). */
  without?: RegExp[];
  /** `| cut -d: -f1 | sort -u`: count files instead of lines. */
  files?: boolean;
}

/** The doc's commands, verbatim, with how to evaluate them. */
export const DOC_COMMANDS: readonly { command: string; grep: Grep | 'doc-count' }[] = [
  {
    command:
      'grep -c "✅ Complete" docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md',
    grep: 'doc-count',
  },
  {
    command: 'grep -r "bigquery\\.Client(" data_processors/ orchestration/ --include="*.py" | wc -l',
    grep: { dirs: ['data_processors/', 'orchestration/'], pattern: /bigquery\.Client\(/ },
  },
  {
    command:
      'grep -r "requests\\.get\\|requests\\.post" scrapers/ orchestration/ --include="*.py" | grep -v "http_pool" | wc -l',
    grep: { dirs: ['scrapers/', 'orchestration/'], pattern: /requests\.get|requests\.post/, without: [/http_pool/] },
  },
  {
    command: 'grep -r "get_bigquery_client" data_processors/ orchestration/ --include="*.py" | wc -l',
    grep: { dirs: ['data_processors/', 'orchestration/'], pattern: /get_bigquery_client/ },
  },
  {
    command: 'grep -r "from shared.clients.http_pool import" scrapers/ orchestration/ --include="*.py" | wc -l',
    grep: { dirs: ['scrapers/', 'orchestration/'], pattern: /from shared.clients.http_pool import/ },
  },
  {
    command: 'grep -r "bigquery\\.Client(" data_processors/ --include="*.py" | grep -v "base.py" | grep -v "test"',
    grep: { dirs: ['data_processors/'], pattern: /bigquery\.Client\(/, without: [/base.py/, /test/] },
  },
  {
    command:
      'grep -r "requests\\.get\\|requests\\.post\\|requests\\.Session" scrapers/ backfill_jobs/ --include="*.py" | cut -d: -f1 | sort -u',
    grep: {
      dirs: ['scrapers/', 'backfill_jobs/'],
      pattern: /requests\.get|requests\.post|requests\.Session/,
      files: true,
    },
  },
];

function textLines(content: string | Uint8Array): string[] {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function run(grep: Grep, files: Map<string, RenderedFile>): number {
  const out: string[] = [];
  for (const [path, file] of files) {
    if (!grep.dirs.some((d) => path.startsWith(d)) || !path.endsWith('.py')) continue;
    if (typeof file.content !== 'string') throw new Error(`demo metrics: binary ${path} under a command's --include`);
    for (const line of textLines(file.content)) if (grep.pattern.test(line)) out.push(`${path}:${line}`);
  }
  const kept = out.filter((l) => !(grep.without ?? []).some((re) => re.test(l)));
  return grep.files ? new Set(kept.map((l) => l.split(':')[0])).size : kept.length;
}

/** Value of each `DOC_COMMANDS` entry (same order) on a rendered tree. */
export function measure(files: Map<string, RenderedFile>): number[] {
  return DOC_COMMANDS.map(({ grep }) => {
    if (grep !== 'doc-count') return run(grep, files);
    const doc = files.get(DOC_PATH);
    return doc ? textLines(doc.content).filter((l) => l.includes('✅ Complete')).length : 0;
  });
}
