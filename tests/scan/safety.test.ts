/**
 * Bounded time on hostile patterns (issue 8): RE2 keeps nested-quantifier patterns linear; the
 * backtracker (back-references) stops at its step budget with a clear error instead of hanging;
 * a pattern that does not compile is an error string, and the rest of the scan goes on.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern, evaluatePipelines, fsTree, matchingLines, parseGrepCommand, type PatternSpec } from '../../src/lib/scan/index.js';

const spec = (pattern: string, flavour: PatternSpec['flavour'] = 'extended'): PatternSpec => ({ pattern, flavour, ignoreCase: false, wordRegexp: false, invert: false });

describe('regex safety', () => {
  it.each(['(a*)*b', '(a|aa)+$x', '(x+x+)+y', '^(a?){25}a{25}$'])('RE2 keeps %s linear on a long line', (p) => {
    const c = compilePattern(spec(p));
    if ('error' in c) throw new Error(c.error);
    expect(c.engine).toBe('re2');
    const line = `${'a'.repeat(20_000)}${'x'.repeat(20_000)}`;
    const started = performance.now();
    matchingLines(`${line}\n`, c);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops a catastrophic back-reference pattern at the step budget', () => {
    const c = compilePattern(spec('\\(a*\\)*\\1b', 'basic'));
    if ('error' in c) throw new Error(c.error);
    expect(c.engine).toBe('backtrack');
    const started = performance.now();
    expect(() => matchingLines(`${'a'.repeat(40)}cb\n`, c)).toThrow(/too expensive/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports it as a diagnostic during a scan and scans the other metrics', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-safety-'));
    fs.writeFileSync(path.join(dir, 'x.txt'), `${'a'.repeat(40)}cb\nfoo\n`);
    const bad = parseGrepCommand("grep -r '\\(a*\\)*\\1b' .");
    const good = parseGrepCommand('grep -r foo . | wc -l');
    if (!bad.ok || !good.ok) throw new Error('parse');
    const [r1, r2] = await evaluatePipelines([bad.pipeline, good.pipeline], fsTree(dir));
    expect(r1?.diagnostics.map((d) => d.code)).toContain('scan/pattern-too-expensive');
    expect(r2?.value).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([['a\\{2,1\\}', 'basic'], ['(', 'extended'], ['[[:nope:]]', 'basic'], ['x\\', 'basic']] as const)('%s does not compile: clear error', (p, f) => {
    const c = compilePattern(spec(p, f));
    expect('error' in c && c.error).toMatch(/^invalid pattern .+: .+/);
  });
});

describe('grep line semantics', () => {
  const c = compilePattern(spec('foo', 'fixed'));
  if ('error' in c) throw new Error(c.error);
  it('keeps CR, counts the last line without newline, numbers from 1', () => {
    expect(matchingLines('a\r\nfoo\r\nb\nfoo', c)).toEqual([{ line: 2, text: 'foo\r' }, { line: 4, text: 'foo' }]);
  });
  it('treats NUL as a line end in binary files (grep 3.x nul_zapper)', () => {
    expect(matchingLines(Buffer.from('foo\0foo\nx\n'), c)).toHaveLength(2);
  });
});
