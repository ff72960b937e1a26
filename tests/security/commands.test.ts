/**
 * Grep commands in the doc are interpreted, never run (issue 8, "Nothing executed"). Each shell
 * construct below would create the workspace's marker file if anything handed it to a shell; the
 * metric must be refused as unsupported, reported, and the marker must not exist. Hostile regexes
 * are time-bounded; a regex that does not compile is a reported error, not a crash.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, initRepo, scanJson, trackingDoc, workspace } from './fixtures/workspace.js';

const CODE = { 'src/a.py': 'bigquery.Client(\nfoo\n', 'src/long.txt': `${'a'.repeat(50_000)}cb\n` };

const SHELL_CASES: [string, (marker: string) => string][] = [
  ['$(…)', (m) => `grep -r "$(touch ${m})" src/ | wc -l`],
  ['backticks', (m) => `grep -r \`touch ${m}\` src/ | wc -l`],
  [';', (m) => `grep -r foo src/; touch ${m}`],
  ['&&', (m) => `grep -r foo src/ && touch ${m}`],
  ['> redirection', (m) => `grep -r foo src/ > ${m}`],
  ['| sh', (m) => `echo touch ${m} | sh`],
  ['| sh after grep', (m) => `grep -rh "touch ${m}" src/ | sh`],
  ['| xargs', (m) => `grep -rl foo src/ | xargs touch ${m}`],
];

describe.concurrent('commands in the doc are never run', { timeout: 240_000 }, () => {
  it.for(SHELL_CASES)('%s: refused as unsupported, marker file not created', async ([, make]) => {
    const ws = workspace();
    const command = make(ws.marker);
    initRepo(ws.repo, { ...CODE, 'src/evil.txt': `touch ${ws.marker}\n`, 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }], ['grep -r "bigquery\\.Client(" src/ | wc -l', command]) });
    const r = await scanJson(ws, 'TRACKING.md');
    expect(r.code).toBe(0);
    const [good, evil] = r.snapshot?.metrics ?? [];
    expect(good?.value).toBe(1); // the other metrics are still counted
    expect(evil?.value).toBeNull();
    expect(evil?.error).toMatch(/unsupported|not supported|never run/i);
    expect(codes(r.snapshot)).toContain('scan/unsupported-command');
    expect(existsSync(ws.marker)).toBe(false);
  });
});

describe.concurrent('hostile regexes', { timeout: 240_000 }, () => {
  it('catastrophic backtracking (nested quantifiers, back-reference): bounded time, reported', async () => {
    const ws = workspace();
    initRepo(ws.repo, {
      ...CODE,
      'TRACKING.md': trackingDoc([{ path: 'src/a.py' }], ['grep -rE "(a*)*b" src/ | wc -l', 'grep -rE "(a|aa)+$" src/ | wc -l', "grep -r '\\(a*\\)*\\1b' src/ | wc -l"]),
    });
    const started = performance.now();
    const r = await scanJson(ws, 'TRACKING.md');
    expect(performance.now() - started).toBeLessThan(45_000);
    expect(r.code).toBe(0);
    const [nested, alternation, backref] = r.snapshot?.metrics ?? [];
    // Independent oracle: GNU grep on the same files (linear time there too).
    const grep = (re: string) => Number(execFileSync('sh', ['-c', `LC_ALL=C.UTF-8 grep -rE '${re}' src/ | wc -l`], { cwd: ws.repo, encoding: 'utf8' }).trim());
    expect(nested?.value).toBe(grep('(a*)*b'));
    expect(alternation?.value).toBe(grep('(a|aa)+$'));
    expect(backref?.value).toBeNull();
    expect(codes(r.snapshot)).toContain('scan/pattern-too-expensive');
  });

  it('a regex that does not compile: that metric fails with the reason, the rest is counted', async () => {
    const ws = workspace();
    initRepo(ws.repo, { ...CODE, 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }], ['grep -rE "(unclosed" src/ | wc -l', 'grep -r foo src/ | wc -l']) });
    const r = await scanJson(ws, 'TRACKING.md');
    expect(r.code).toBe(0);
    const [bad, good] = r.snapshot?.metrics ?? [];
    expect(bad?.value).toBeNull();
    expect(bad?.error ?? r.snapshot?.diagnostics.map((d) => d.message).join('\n')).toMatch(/invalid pattern|unmatched|\(/i);
    expect(good?.value).toBe(1);
  });
});
