/**
 * `migratrack sync` on a small repository with a config metric (the shape `init --pattern` sets
 * up): a CRLF doc keeps its line ends, the doc's control characters never reach the terminal, and
 * a doc with nothing to track is refused with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo, run, tempDir } from '../cli/helpers.js';

const CONFIG = `export default { doc: 'TRACKING.md', metrics: [{ id: 'prints', name: 'print calls', pattern: 'print(', flavour: 'fixed', better: 'lower' }] };\n`;

function repo(doc: string): string {
  return gitRepo(tempDir(), { 'migratrack.config.mjs': CONFIG, 'TRACKING.md': doc, 'a.py': 'log("a")\n', 'b.py': 'print("b")\n' });
}

describe('migratrack sync', () => {
  it('ticks the migrated file in a CRLF doc, keeping every line end', async () => {
    const cwd = repo('# Prints\r\n\r\n- [ ] `a.py`\r\n- [ ] `b.py`   \r\n');
    const result = await run(['sync', '--write'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'TRACKING.md'), 'utf8')).toBe('# Prints\r\n\r\n- [x] `a.py`\r\n- [ ] `b.py`   \r\n');
    // The doc is the only file sync writes: no history record, no snapshot.
    expect(existsSync(path.join(cwd, '.migratrack'))).toBe(false);
  });

  it('shows the doc\'s control characters escaped, in the diff and in the report', async () => {
    const cwd = repo('# Prints\n\n- [ ] `a.py` \u001b[2J\u001b[31mgone\n- [ ] `b.py`\n');
    const result = await run(['sync'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('+- [x] `a.py` \\x1b[2J\\x1b[31mgone');
    expect(`${result.stdout}${result.stderr}`).not.toContain('\u001b');
  });

  it('refuses a doc with nothing to track, naming it', async () => {
    const cwd = repo('# Prints\n\nNothing here yet.\n');
    const result = await run(['sync'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TRACKING\.md/);
  });
});
