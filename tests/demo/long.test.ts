/**
 * The long-history demo (issue 18 "Measure"): ten months, made in a few seconds, the same shas
 * every time, and a ground truth that real git and grep agree with.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLongDemoRepo, LONG_DOC_PATH, type LongDemoInfo } from '../../src/lib/demo/long/index.js';

let dir: string;
let info: LongDemoInfo;
let took: number;
const git = (args: string[]) => execFileSync('git', args, { cwd: info.root, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
/** `git grep -c` summed, the oracle for a `grep -r … | wc -l` over services/ and jobs/. */
function grepCount(sha: string, needle: string): number {
  const r = spawnSync('git', ['grep', '-F', '-c', '-e', needle, sha, '--', 'services/*.py', 'jobs/*.py'], { cwd: info.root, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr); // 1: no match
  return r.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.split(':').pop()), 0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mt-long-'));
  const t = Date.now();
  info = await generateLongDemoRepo(join(dir, 'a'), { months: 10 });
  took = Date.now() - t;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the long demo repository', () => {
  it('spans ten months of commits, written in a few seconds', () => {
    expect(info.start).toBe('2026-01-05');
    expect(info.end >= '2026-10-25').toBe(true);
    expect(info.commits.length).toBeGreaterThan(200);
    expect(Number(git(['rev-list', '--count', 'HEAD']).trim())).toBe(info.commits.length);
    expect(took).toBeLessThan(15_000);
  });

  it('has the same shas every time', async () => {
    const again = await generateLongDemoRepo(join(dir, 'b'), { months: 10 });
    expect(again.head).toBe(info.head);
    expect(again.head).toBe(git(['rev-parse', 'HEAD']).trim());
  });

  it('tells the story: stale doc, scope jump, clean-up, regrowth, regressions', () => {
    const { commits, lastDocEdit, scopeJump, cleanUp, regressions } = info;
    expect(lastDocEdit.day < '2026-03-01').toBe(true);
    expect(git(['log', '-1', '--format=%H', '--', LONG_DOC_PATH]).trim()).toBe(commits[lastDocEdit.mark - 1]!.sha);
    expect(scopeJump.callsAdded).toBeGreaterThan(100);
    expect(cleanUp.callsRemoved).toBeGreaterThan(100);
    expect(commits.at(-1)!.remainingCalls).toBeGreaterThan(commits[cleanUp.mark - 1]!.remainingCalls);
    expect(regressions.map((r) => r.item)).toEqual([3, 7]);
    for (const m of info.milestones) expect(m.end < info.end).toBe(true);
  });

  it('counts what real git grep counts, at every tenth commit', () => {
    for (const c of info.commits.filter((_, i) => i % 10 === 0 || i === info.commits.length - 1)) {
      expect([c.mark, grepCount(c.sha, 'LegacyClient(')]).toEqual([c.mark, c.remainingCalls]);
      expect([c.mark, grepCount(c.sha, 'get_client(')]).toEqual([c.mark, c.adoptionCalls]);
      const doc = git(['show', `${c.sha}:${LONG_DOC_PATH}`]);
      expect(doc.split('\n').filter((l) => l.includes('✅ Complete')).length).toBe(c.docCompleteLines);
    }
  });
});
