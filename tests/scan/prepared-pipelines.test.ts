/**
 * Pipelines prepared once and evaluated on many trees (issue 21, the backfill's one-file scans)
 * give on every tree what a fresh evaluatePipelines gives: the plans kept for one-file trees by
 * path are used only where the path alone decides the plan, and never leak between results; a
 * pattern compiled again for the same spec object is compiled anew once the object changed.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, evaluatePipelines, isCompileError, preparePipelines, type PatternSpec, type RepoTree } from '../../src/lib/scan/index.js';
import { grepPipeline } from './fixture.js';

const COMMANDS = [
  'grep -r "bigquery\\.Client(" data/ jobs/ --include="*.py" | wc -l',
  'grep -r "requests\\.get" data/ --include="*.py" | grep -v "http_pool" | wc -l',
  'grep -rn "bigquery" lib/ missing/',
  'grep -rc "bigquery" . --exclude="skip*"',
  'git grep -n "bigquery\\.Client("',
];

function oneFile(path: string, text: string, extra: Partial<RepoTree> = {}): RepoTree {
  const bytes = Buffer.from(text);
  return { paths: [path], read: async (p) => (p === path ? bytes : null), ...extra };
}

const CALLS = 'client = bigquery.Client(x)\nrequests.get(u)\nhttp_pool.get(requests.get)\nbigquery.Client(y)\n';

/** The same paths over and over with other contents, then trees where more than the path counts. */
const TREES: RepoTree[] = [
  oneFile('data/a.py', CALLS),
  oneFile('jobs/b.py', CALLS),
  oneFile('data/a.py', 'bigquery.Client(only one)\n'),
  oneFile('data/a.txt', CALLS),
  oneFile('skip_me.py', CALLS),
  oneFile('lib/c.py', CALLS),
  oneFile('data/a.py', CALLS),
  // lib/ is a link to data/: `grep -r … lib/` follows a command-line link, so data/a.py is searched as lib/a.py.
  oneFile('data/a.py', CALLS, { symlinks: new Map([['lib', 'data']]) }),
  // git grep searches tracked files only.
  oneFile('data/a.py', CALLS, { tracked: () => false }),
  oneFile('data/a.py', CALLS),
  { paths: ['data/a.py', 'jobs/b.py'], read: async () => Buffer.from(CALLS) },
];

describe('preparePipelines', () => {
  it('evaluates each tree as evaluatePipelines does, however often the same path comes back', async () => {
    const pipelines = COMMANDS.map(grepPipeline);
    const prepared = preparePipelines(pipelines);
    for (const tree of TREES) {
      const fresh = await evaluatePipelines(pipelines, tree);
      expect(await prepared.evaluate(tree)).toEqual(fresh);
    }
  });

  it('sees the links and the tracked set of a one-file tree, not the plan of the same path without them', async () => {
    const prepared = preparePipelines(COMMANDS.map(grepPipeline));
    const plain = await prepared.evaluate(oneFile('data/a.py', CALLS));
    const linked = await prepared.evaluate(oneFile('data/a.py', CALLS, { symlinks: new Map([['lib', 'data']]) }));
    const untracked = await prepared.evaluate(oneFile('data/a.py', CALLS, { tracked: () => false }));
    expect(plain[2]?.stderr).toEqual(['grep: lib/: No such file or directory', 'grep: missing/: No such file or directory']);
    expect(linked[2]?.output.length).toBe(2);
    expect(linked[2]?.stderr).toEqual(['grep: missing/: No such file or directory']);
    expect(plain[4]?.value).toBe(2);
    expect(untracked[4]?.value).toBe(0);
  });

  it('gives every evaluation lists of its own: a caller extending one result changes no later one', async () => {
    const prepared = preparePipelines(COMMANDS.map(grepPipeline));
    const first = await prepared.evaluate(oneFile('data/a.py', CALLS));
    first[2]?.stderr.push('added by a caller');
    first[2]?.diagnostics.push({ severity: 'info', code: 'x', message: 'added', file: null, line: null, column: null });
    const again = await prepared.evaluate(oneFile('data/a.py', CALLS));
    expect(again[2]?.stderr).toEqual(['grep: lib/: No such file or directory', 'grep: missing/: No such file or directory']);
    expect(again[2]?.diagnostics.some((d) => d.code === 'x')).toBe(false);
  });
});

describe('compilePattern asked again for the same spec object', () => {
  it('answers from the object while it is unchanged, and compiles it again once changed', () => {
    const spec: PatternSpec = { pattern: 'http_pool', flavour: 'basic', ignoreCase: false, wordRegexp: false, invert: false };
    const first = compilePattern(spec);
    expect(compilePattern(spec)).toBe(first);
    spec.invert = true;
    const inverted = compilePattern(spec);
    if (isCompileError(inverted)) throw new Error(inverted.error);
    expect(inverted.selects('requests.get(u)')).toBe(true);
    spec.pattern = 'requests';
    spec.invert = false;
    const other = compilePattern(spec);
    if (isCompileError(other)) throw new Error(other.error);
    expect(other.selects('requests.get(u)')).toBe(true);
    expect(other.selects('http_pool.get(u)')).toBe(false);
  });
});
