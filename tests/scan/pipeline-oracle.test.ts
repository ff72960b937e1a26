/**
 * Whole pipelines from tracking docs, evaluated by us over fsTree/gitTree and by real GNU grep +
 * coreutils (each command spawned with an argv array, stdout piped by hand: no shell anywhere), on
 * the hostile fixture tree. grep -r's file order is the file system's, so unsorted outputs are
 * compared as sorted lists; `head` only by count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePath, evaluatePipeline, fsTree, parseGrepCommand, printsNumber, type RepoTree } from '../../src/lib/scan/index.js';
import { makeFixture, type Fixture } from './fixture.js';
import { oraclePipeline } from './oracle.js';

const CASES = [
  'grep -r "bigquery\\.Client(" src/ --include="*.py" | wc -l',
  'grep -r "bigquery\\.Client(" src/ --include="*.py"',
  'grep -rn "bigquery\\.Client(" . --exclude-dir=link_out --exclude=link_out_file.py',
  'grep -r "bigquery\\.Client("',
  'grep -rl "bigquery\\.Client(" src',
  'grep -rc "bigquery\\.Client(" src',
  'grep -r "requests\\.get\\|requests\\.post\\|requests\\.Session" src/ --include="*.py" | cut -d: -f1 | sort -u',
  'grep -r "requests\\.get\\|requests\\.post" src/ --include="*.py" | grep -v "http_pool" | wc -l',
  'grep -c "✅ Complete" docs/T.md',
  'grep -R "bigquery\\.Client(" src --exclude-dir=link_out --exclude=link_out_file.py',
  'grep -R Client src/deep --exclude-dir=link_out --exclude=link_out_file.py',
  'grep -r --exclude-dir=deep "Client" src',
  'grep -r --exclude-dir=src "Client" src',
  'grep -r --exclude="*.txt" --include="*.py" Client src',
  'grep -r --include="*.txt" --exclude="x*" Client src',
  'grep -r --include "*.txt" --include=*.md Complete .',
  'grep -ri "BIGQUERY" src bin',
  'grep -rw "get" src',
  'grep -rE "requests\\.(get|post)" src | sort',
  'grep -rh Client src | sort | uniq',
  'grep -rh Client src | sort | uniq | wc -l',
  'grep -r Complete docs/T.md',
  'grep -rH Complete docs/T.md',
  'grep Client src/a.py src/b.py',
  'grep -h Client src/a.py src/b.py',
  "grep -rv x src --include='*.py' | wc -l",
  'grep -r "bigquery.Client(" src//',
  'grep -r Client ./src',
  'grep -rF "bigquery.Client(" src',
  'grep -r Client src/link_dir',
  'grep -r Client src/link_in.py',
  'grep -rc Client bin',
  'grep -r zz bin',
  'grep -rc zz bin',
  'grep -rI Client bin',
  'grep -rIc Client bin',
  'grep -r Client nosuchdir src/a.py',
  'grep -rn "bigquery" src/latin1.py',
  'grep -rc "bigquery" src/latin1.py',
  'grep -r "end$" src',
  'grep -r "end.$" src',
  'grep -rl "" bin',
  'grep -rn -e requests -e bigquery src/crlf.py',
  'grep -r Client src | cut -d: -f1 | sort | uniq | wc -l',
  'grep -rlZ Client src',
  // Issue 22: -o counts occurrences, -x whole lines, -A/-B/-C only where they change nothing, -P.
  'grep -ro "bigquery\\.Client" src | wc -l',
  'grep -rno "requests\\.[a-z]*" src',
  'grep -rhoi "CLIENT(.." src bin | sort',
  'grep -rx "end" src',
  'grep -rcA2 Client src',
  'grep -rl -C 1 Client src',
  'grep -rc --context=3 Client bin',
  'grep -rP "\\bClient\\(\\d" src | wc -l',
  'grep -roP "requests\\.\\w+?" src | sort | uniq',
  'grep -rcP "(?i)BIGQUERY\\.client\\((?:\\d|txt)" src',
  'grep -rc "\\(e*\\)*\\1r" src',
  // Later stages of issue 22: the value is the number the last stage prints.
  "grep -rc Client src | awk -F: '{s+=$2} END {print s}'",
  "grep -rc Client src | awk -F: '{sum += $NF} END {print sum+0}'",
  "grep -rh Client src | sort | uniq -c | sort -rn",
  "grep -r Client src | awk -F: '{print $1}' | sort -u | wc -l",
  'grep -r Client src | wc -w',
  "grep -rc Client src | grep -vc ':0$'",
  'grep -rn Client src | cut -d: -f1,2 | sort -t: -k2,2 -n | wc -c',
  'grep -rh Client src | sort -r | tail -n 2',
  "grep -r Client src | awk 'END {print NR}'",
  // The value is wc's number even when a stage that passes its one line on follows it.
  'grep -r Client src | wc -l | head -1',
  'grep -r Client src | wc -l | head -n 0',
  'grep -r Client src | wc -l | tail -n 1 | sort -rn',
  "grep -rc Client src | awk -F: '{s+=$2} END {print s}' | uniq | head -5",
  'grep -r Client src | wc -l | tail -n +2',
];

/** The number a pipeline's value must be: the real output's only line when it is a number (bash's `$(…)`). */
function printedNumber(out: string[]): number | null {
  if (out.length === 0) return 0;
  const m = out.length === 1 ? /^\s*(\d+)\s*$/.exec(out[0] as string) : null;
  return m ? Number(m[1]) : null;
}

let fx: Fixture;
let tree: RepoTree;
beforeAll(() => {
  fx = makeFixture();
  tree = fsTree(fx.root);
});
afterAll(() => fs.rmSync(path.dirname(fx.root), { recursive: true, force: true }));

function lines(buf: Buffer): string[] {
  const s = buf.toString('latin1');
  return s === '' ? [] : s.replace(/\n$/, '').split('\n');
}

describe('pipelines vs GNU grep + coreutils on a hostile tree', () => {
  it.each(CASES)('%s', async (command) => {
    const parsed = parseGrepCommand(command);
    if (command.includes('-rlZ')) {
      expect(parsed.ok).toBe(false); // -Z is outside the supported set
      return;
    }
    if (!parsed.ok) throw new Error(parsed.reason);
    const ours = await evaluatePipeline(parsed.pipeline, tree);
    const real = oraclePipeline(command, fx.root);
    const oursBytes = ours.output.map((l) => encodePath(l).toString('latin1'));
    const theirs = lines(real.stdout);
    const stages = parsed.pipeline.stages.map((s) => s.kind);
    const last = parsed.pipeline.stages.at(-1);
    if (last && printsNumber(last)) expect(ours.value).toBe(Number(theirs[0]?.trim().split(/\s+/)[0] ?? 0));
    else if (stages.some((k) => k === 'wc' || k === 'awk') && printedNumber(theirs) !== null) expect(ours.value).toBe(printedNumber(theirs));
    if (stages.includes('head')) expect(oursBytes.length).toBe(theirs.length);
    else if (stages.includes('sort') || stages.includes('wc')) expect(oursBytes).toEqual(theirs);
    else expect([...oursBytes].sort()).toEqual([...theirs].sort());
    const binaryMsgs = (s: string[]): string[] => s.filter((l) => l.endsWith('binary file matches')).sort();
    expect(binaryMsgs(ours.stderr)).toEqual(binaryMsgs(real.stderr.split('\n')));
  });

  it('never reads outside the tree: -R over a link out of the repo', async () => {
    const parsed = parseGrepCommand('grep -R "OUTSIDE" src');
    if (!parsed.ok) throw new Error(parsed.reason);
    const ours = await evaluatePipeline(parsed.pipeline, tree);
    expect(ours.output).toEqual([]);
    expect(ours.diagnostics.map((d) => d.code)).toContain('scan/symlink-outside-repo');
    // Real grep does follow it: that is the difference we want.
    expect(oraclePipeline('grep -R OUTSIDE src', fx.root).stdout.toString()).toContain('OUTSIDE');
  });

  it.each(['grep -r OUTSIDE ../outside', 'grep -rc Client /etc', 'grep -r Client src/../../outside | wc -l', 'grep -r Client ../*'])(
    'gives no value (not 0) for a path outside the repository: %s',
    (command) => {
      const parsed = parseGrepCommand(command);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/^path `.+` is outside the repository: migratrack only counts inside it, so this metric has no value$/);
    },
  );

  it('reports per-file and per-directory counts and matches with context', async () => {
    const parsed = parseGrepCommand('grep -r "bigquery\\.Client(" src/ --include="*.py" | wc -l');
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = await evaluatePipeline(parsed.pipeline, tree);
    expect(r.unit).toBe('lines');
    expect(r.byFile.find((f) => f.path === 'src/a.py')?.count).toBe(2);
    expect(r.byDirectory.find((d) => d.path === 'src')?.count).toBe(r.value);
    const m = r.matches.find((x) => x.path === 'src/a.py' && x.line === 2);
    expect(m).toEqual({ path: 'src/a.py', line: 2, text: 'c = bigquery.Client(project)', before: ['import x'], after: ['d = bigquery.Client()', 'requests.get(u)'] });
  });
});
