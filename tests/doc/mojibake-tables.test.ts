/**
 * The shortcut of doc/mojibake.ts: no byte of Mac Roman or Windows-1252 decodes (by iconv-lite,
 * whose tables the repair is built from) to a character NEVER_LEGACY claims, so skipping a run
 * that holds one cannot lose a repair.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { NEVER_LEGACY, repairMojibake } from '../../src/lib/doc/mojibake.js';

describe('NEVER_LEGACY', () => {
  it.each(['macintosh', 'windows-1252'])('matches no character %s decodes a byte to', (charset) => {
    const chars = Array.from({ length: 0x80 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), charset)).filter((char) => char !== '\uFFFD');
    expect(chars.length).toBeGreaterThan(100);
    expect(chars.filter((char) => NEVER_LEGACY.test(char))).toEqual([]);
  });

  it('matches the status marks of a clean doc, and the shortcut keeps the repairs', () => {
    for (const mark of ['✅', '⚪', '🟡', '⏳', '❌', '⚠️']) expect(NEVER_LEGACY.test(mark)).toBe(true);
    expect(repairMojibake('‚úÖ Done and ✅ done').text).toBe('✅ Done and ✅ done');
  });
});
