/** `sync --write` replaces the doc atomically and never over an edit made after it read the doc. */
import { chmodSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statDoc, writeDocIfUnchanged } from '../../src/lib/cli/commands/doc-write.js';
import { tempDir } from '../cli/helpers.js';

function docIn(content: string): { file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'TRACKING.md');
  writeFileSync(file, content);
  chmodSync(file, 0o640);
  return { file, dir };
}

describe('writeDocIfUnchanged', () => {
  it('replaces the doc, keeping its mode, and leaves no temp file', async () => {
    const { file, dir } = docIn('- [ ] a.py\n');
    const read = { bytes: readFileSync(file), mtimeMs: await statDoc(file) };
    await writeDocIfUnchanged(file, read, Buffer.from('- [x] a.py\n'));
    expect(readFileSync(file, 'utf8')).toBe('- [x] a.py\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['TRACKING.md']);
  });

  it('refuses when the doc changed since it was read, keeping the new edit', async () => {
    const { file, dir } = docIn('- [ ] a.py\n');
    const read = { bytes: readFileSync(file), mtimeMs: await statDoc(file) };
    writeFileSync(file, '- [ ] a.py\n- [ ] b.py\n');
    await expect(writeDocIfUnchanged(file, read, Buffer.from('- [x] a.py\n'))).rejects.toThrow(/changed since sync read it/);
    expect(readFileSync(file, 'utf8')).toBe('- [ ] a.py\n- [ ] b.py\n');
    expect(readdirSync(dir)).toEqual(['TRACKING.md']);
  });

  it('refuses a doc saved again with the same bytes (its modification time moved)', async () => {
    const { file } = docIn('- [ ] a.py\n');
    const read = { bytes: readFileSync(file), mtimeMs: await statDoc(file) };
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await expect(writeDocIfUnchanged(file, read, Buffer.from('- [x] a.py\n'))).rejects.toThrow(/changed since sync read it/);
  });
});
