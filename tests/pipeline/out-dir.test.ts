/**
 * What `checkOutDir` (src/lib/pipeline/out-dir.ts) says a folder is, on its own: only a regular
 * marker file with migratrack's stamp makes a folder one migratrack may delete. The CLI-level
 * refusals are in tests/security/out-dir.test.ts.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutDir, SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const STAMP = '{"generator":"migratrack","markerVersion":1}\n';

function folder(files: Record<string, string>): string {
  const dir = path.join(tempDir('mt-outdir-'), 'site');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const check = (outDir: string, force = false) => checkOutDir({ outDir, repo: path.join(path.dirname(outDir), 'repo'), kept: [], force, cwd: path.dirname(outDir) });

describe('checkOutDir', () => {
  it('absent, empty, a marked site, an unmarked folder with --force', () => {
    const parent = tempDir('mt-outdir-');
    expect(check(path.join(parent, 'new/site'))).toBe('absent');
    expect(check(folder({}))).toBe('empty');
    expect(check(folder({ [SITE_MARKER]: STAMP, 'index.html': 'x' }))).toBe('site');
    expect(check(folder({ 'mine.txt': 'x' }), true)).toBe('foreign');
  });

  it('a marker that is not migratrack\'s stamp, too big, a folder or a link does not make a site', () => {
    for (const text of ['', '{}', '{"generator":"other","markerVersion":1}', '{"generator":"migratrack","markerVersion":2}', 'not json', `${STAMP}${' '.repeat(5000)}`]) {
      expect(() => check(folder({ [SITE_MARKER]: text, 'index.html': 'x' })), text.slice(0, 40)).toThrow(/no \.migratrack-site marker/);
    }
    const asFolder = folder({ 'index.html': 'x' });
    mkdirSync(path.join(asFolder, SITE_MARKER));
    expect(() => check(asFolder)).toThrow(/no \.migratrack-site marker/);
    const real = folder({ [SITE_MARKER]: STAMP });
    const linked = folder({ 'index.html': 'x' });
    symlinkSync(path.join(real, SITE_MARKER), path.join(linked, SITE_MARKER));
    expect(() => check(linked)).toThrow(/no \.migratrack-site marker/);
  });

  it('names the output relative to the current folder, and what it would replace', () => {
    const parent = tempDir('mt-outdir-');
    writeFileSync(path.join(parent, 'T.md'), '# t\n');
    expect(() => checkOutDir({ outDir: parent, repo: parent, kept: [{ path: path.join(parent, 'T.md'), what: 'the tracking doc' }], force: true, cwd: parent })).toThrow(
      `--out: . contains the tracking doc (${path.join(parent, 'T.md')}); the site would replace it. Choose a folder of its own (e.g. dist/)`,
    );
  });
});
