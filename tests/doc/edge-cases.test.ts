import { describe, expect, it } from 'vitest';
import { MAX_DOC_BYTES, parseTrackingDoc, TrackingDoc } from '../../src/lib/doc/index.js';
import { codes } from './helpers.js';

const parse = (input: Buffer | string) => {
  const doc = parseTrackingDoc(input, 'docs/T.md');
  expect(TrackingDoc.safeParse(doc).success).toBe(true);
  return doc;
};

describe('inputs that are barely a doc', () => {
  it('an empty doc is an empty model with one warning', () => {
    const doc = parse('');
    expect(doc.items).toEqual([]);
    expect(codes(doc)).toEqual(['doc/empty@-']);
  });

  it('a doc with only a title has the title and says it tracks nothing', () => {
    const doc = parse('# Only a title\n');
    expect(doc.header.title).toBe('Only a title');
    expect(codes(doc)).toEqual(['doc/no-items@-']);
  });

  it('binary garbage is refused, not parsed', () => {
    const doc = parse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    expect(doc.text).toBe('');
    expect(codes(doc)).toEqual(['doc/binary@-']);
  });

  it('a doc over the size limit is refused with a clear message', () => {
    const doc = parse(Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'doc/too-large', message: expect.stringContaining('50.0 MB') }),
    ]);
    expect(MAX_DOC_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it('bytes that are not UTF-8 are read as Windows-1252, with a warning', () => {
    const doc = parse(Buffer.from('# Caf\xe9 tracking\n', 'latin1'));
    expect(doc.header.title).toBe('Café tracking');
    expect(codes(doc)).toEqual(['doc/no-items@-', 'doc/not-utf8@1']);
  });
});

describe('numbers too large for JavaScript', () => {
  it('keeps the model when a count or a percent is absurd (Infinity, beyond 2^53)', () => {
    const huge = '9'.repeat(400);
    const doc = parse(
      `# T\n\n**Progress:** 1/2 files (${huge}%)\n\n| Category | Total | Completed | % |\n|---|---|---|---|\n` +
        `| **Task 1** - A | ${huge} | 0 | -${huge}% |\n| **TOTAL** | 1 | 0 | 0% |\n\n` +
        `## Task 1: A (99999999999999999999 files)\n\n### File 1: a.py\n- **Path:** \`a.py\`\n- **Status:** ⚪ Not Started\n`,
    );
    expect(codes(doc)).not.toContain('doc/internal-error@-');
    expect(doc.items.map((i) => i.path)).toEqual(['a.py']);
    expect(doc.categories[0]?.declaredCount).toBe(1e20);
    expect(doc.header.progress?.percent).toBe(Infinity);
    expect(doc.summary[0]).toMatchObject({ total: Infinity, percent: -Infinity });
  });
});

describe('encodings and line ends', () => {
  const clean = '# T\n\n## Task 1: A (1 file)\n\n### File 1: a.py\n- **Path:** `a.py`\n- **Status:** ✅ Complete\n';

  it('repairs a doc where only some lines are mojibake, leaving clean ones alone', () => {
    const mangledStatus = Buffer.from('✅', 'utf8').toString('latin1'); // not a real encoding: left alone
    expect(parse(clean.replace('✅ Complete', mangledStatus)).encoding.repairedFrom).toBeNull();
    const macRoman = clean.replace('✅', '‚úÖ') + '\n## Notes ✅ clean emoji\n';
    const doc = parse(macRoman);
    expect(doc.encoding.repairedFrom).toBe('mac-roman');
    expect(doc.items[0]?.status.raw).toBe('✅ Complete');
    expect(doc.text).toContain('## Notes ✅ clean emoji');
  });

  it('maps the Apple logo (U+F8FF) back to byte 0xF0, the first byte of every 4-byte emoji', () => {
    const doc = parse(clean.replace('✅ Complete', '\uF8FF\u00FC\u00FC\u00B0 In Progress'));
    expect(doc.items[0]?.status).toEqual({ status: 'in-progress', raw: '🟡 In Progress', each: false });
  });

  it('does not "repair" clean text that merely looks like legacy bytes', () => {
    expect(parse(`${clean}\nCafé — naïve résumé —é\n`).encoding.repairedFrom).toBeNull();
  });

  it('reads CRLF, lone CR, BOM and tabs with the same line numbers', () => {
    const doc = parse(`\uFEFF${clean.replace(/\n/g, '\r\n').replace('- **Status:**', '-\t**Status:**')}`);
    expect(doc.encoding).toEqual({ repairedFrom: null, bom: true, crlf: true });
    expect(doc.items[0]).toMatchObject({ path: 'a.py', status: { status: 'done' }, source: { startLine: 5, endLine: 7 } });
    expect(parse(clean.replace(/\n/g, '\r')).items[0]?.source).toEqual({ startLine: 5, endLine: 7 });
  });
});

describe('large and deep docs', () => {
  // Issue 8's 10,000-item doc is bounded by the same linear path; 1,000 keeps this suite quick.
  it('parses 1,000 items in reasonable time', () => {
    const entries = Array.from({ length: 1000 }, (_, index) => `### File ${index + 1}: f${index}.py\n- **Path:** \`src/f${index}.py\`\n- **Status:** ⚪ Not Started\n`);
    const started = performance.now();
    const doc = parse(`# Big\n\n## Task 1: All (1000 files)\n\n${entries.join('\n')}`);
    expect(doc.items).toHaveLength(1000);
    expect(codes(doc)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('survives deeply nested lists', () => {
    const nested = Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    const doc = parse(`# Deep\n\n## Task 1: A (1 file)\n\n### File 1: a.py\n- **Path:** \`a.py\`\n- **Status:** Done\n- **Notes:**\n${nested}\n`);
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]?.notes).toHaveLength(100);
  });
});
