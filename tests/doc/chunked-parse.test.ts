/**
 * The chunked markdown parse must give exactly the mdast of one remark call (positions included),
 * and the indentation guard must keep deep lists fast without losing items or source positions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseInChunks } from '../../src/lib/doc/chunked-parse.js';
import { decodeDoc } from '../../src/lib/doc/decode.js';
import { DiagnosticSink } from '../../src/lib/doc/diagnostic-sink.js';
import { createTrackingDocParser, parseTrackingDoc } from '../../src/lib/doc/index.js';
import { blankExcessMarkers, clampIndentation, unclampPositions } from '../../src/lib/doc/indent-guard.js';
import { memoizedChunkParser, parseMarkdown, parseMarkdownWhole } from '../../src/lib/doc/markdown.js';
import { CLEAN_SEED, FIXTURES, fixtureBytes } from './helpers.js';

function decoded(bytes: Buffer): string {
  return decodeDoc(bytes, new DiagnosticSink('doc.md')).text ?? '';
}

/** Runs the chunked parse and records every chunk handed to remark. */
function chunked(text: string, minChunk?: number): { root: Root; calls: string[] } {
  const calls: string[] = [];
  const root = parseInChunks(text, (chunk) => (calls.push(chunk), parseMarkdownWhole(chunk)), minChunk);
  return { root, calls };
}

const docs: [string, string][] = [
  ['examples/JITTER-ADOPTION-TRACKING.md', decoded(readFileSync(CLEAN_SEED))],
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name): [string, string] => [name, decoded(fixtureBytes(name))]),
];

describe('parseInChunks: same mdast as one parse', () => {
  it.each(docs)('%s, cut at every heading and at the default chunk size', (_name, text) => {
    const whole = parseMarkdownWhole(text);
    for (const minChunk of [1, undefined]) expect(chunked(text, minChunk).root).toEqual(whole);
    expect(chunked(text, 1).calls).not.toContain(text); // really chunked: no fallback to one parse
  });

  const tricky: [string, string, 'chunked' | 'whole'][] = [
    ['heading inside a ``` fence', '# A\n\n```md\n# not a heading\n```\n\n# B\ntext\n', 'chunked'],
    ['heading inside a longer ~~~~ fence with a short closer', '# A\n~~~~\n~~~\n# not a heading\n~~~~\n# B\n', 'chunked'],
    ['unclosed fence runs to the end', '# A\n```\n# inside\n# still inside\n', 'whole'],
    ['fence in a list item, then a top-level fence left open', '# A\n- item\n  ```\n# B\n  ```\n# C\ntext\n', 'whole'],
    ['a backtick info string is no fence, so the next fence is left open', '# A\n```a`b\n# B\n```\n# C\n', 'whole'],
    ['multi-line HTML comment holding a heading', '# A\n<!--\n# hidden\n-->\n# B\n', 'chunked'],
    ['HTML comment left open', '# A\n<!-- open\n\n# hidden\n', 'whole'],
    ['<details> block not ended by a blank line', '# A\n<details>\n# inside html\n</details>\n\n# B\n', 'chunked'],
    ['<details> block ended by a blank line', '# A\n<details>\nx\n\n# B\n</details>\n', 'chunked'],
    ['one-line comment before a heading', '# A\n<!-- note -->\n# B\n', 'chunked'],
    ['table, list, quote, paragraph and indented code before headings', '# A\n| a |\n|---|\n| b |\n# B\n- x\n  - y\n# C\n> q\nlazy\n# D\npara\n# E\n    code\n# F\n', 'chunked'],
    ['indented headings stay inside list items', '# A\n- item\n  # in item\n   # also\n# B\n', 'chunked'],
    ['setext headings and thematic breaks', '# A\nTitle\n=====\n---\n# B\nSub\n---\n', 'chunked'],
    ['blank and whitespace-only lines around cuts', '# A\n\n  \n\t\n# B\n\n\n', 'chunked'],
    ['no final newline', '# A\ntext\n# B\nlast', 'chunked'],
    ['link reference definitions are doc-global', '# A\nsee [x]\n# B\n[x]: https://example.com\n', 'whole'],
    ['a definition inside a list item is doc-global too', '# A\nsee [x]\n# B\n- [x]: https://example.com\n', 'whole'],
    ['footnotes are doc-global', '# A\nnote[^1]\n# B\n[^1]: the note\n', 'whole'],
    ['closing headings and empty headings', '# A #\n#\n## B ##\n###### six\n####### seven\n', 'chunked'],
  ];
  it.each(tricky)('%s', (_name, text, mode) => {
    const { root, calls } = chunked(text, 1);
    expect(root).toEqual(parseMarkdownWhole(text));
    expect(calls.includes(text)).toBe(mode === 'whole');
  });
});

describe('indentation guard', () => {
  const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
  const doc = `# T\n\n## Task 1: Things (1 files)\n\n### File 1: a.py\n- **Path:** \`src/a.py\`\n- **Status:** ⚪ Not Started\n\n## Appendix\n\n${nested}\n`;
  const firstDeep = doc.split('\n').findIndex((line) => line.startsWith(`${' '.repeat(66)}-`)) + 1;

  it('a 1,000-level list: parsed fast, items kept, one warning naming the first flattened line', () => {
    const started = process.cpuUsage();
    const model = parseTrackingDoc(doc, 'deep.md');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(15_000);
    expect(model.items.map((item) => item.path)).toEqual(['src/a.py']);
    const deep = model.diagnostics.filter((entry) => entry.code === 'doc/deep-nesting');
    expect(deep.map((entry) => [entry.severity, entry.line])).toEqual([['warning', firstDeep]]);
    expect(deep[0]?.message).toContain(`list nesting deeper than 32 levels was flattened at line ${firstDeep}`);
  });

  it('positions still point into the original text (offsets and columns)', () => {
    const { root } = parseMarkdown(doc);
    const lines = doc.split('\n');
    let checked = 0;
    const visit = (node: { type: string; value?: string; position?: Root['position']; children?: unknown[] }): void => {
      if (node.type === 'text' && node.value?.startsWith('level ') && node.position) {
        const { start, end } = node.position;
        expect(doc.slice(start.offset, end.offset)).toBe(node.value);
        expect(lines[start.line - 1]?.slice(start.column - 1, end.column - 1)).toBe(node.value);
        checked++;
      }
      // Items, paragraphs and texts that end a line share one end point in the fast path: it must be moved once.
      if (node.type === 'listItem' && node.position) {
        const { end } = node.position;
        expect(end.column).toBe((lines[end.line - 1]?.length ?? 0) + 1);
        expect(doc[end.offset ?? -1] ?? '\n').toBe('\n');
        items++;
      }
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    let items = 0;
    visit(root);
    expect(checked).toBe(1000);
    expect(items).toBe(1002); // and the two of File 1
  });

  it('leaves shallow docs alone (tabs count to the next multiple of 4)', () => {
    const text = `- a\n${'\t'.repeat(16)}- b\n${' '.repeat(64)}- c\n`;
    const clamped = clampIndentation(text);
    expect(clamped).toEqual({ text, firstLine: null, removed: new Map() });
    const deeper = clampIndentation(`- a\n${'\t'.repeat(16)} - b\n`);
    expect(deeper.firstLine).toBe(2);
    expect(deeper.text).toBe(`- a\n${' '.repeat(64)}- b\n`);
    const root = parseMarkdownWhole(deeper.text);
    unclampPositions(root, deeper);
    expect(root.position?.end.offset).toBe(`- a\n${'\t'.repeat(16)} - b\n`.length);
  });

  // Issue 20: one 20 KB line of 10,000 list markers took 103 s, then overflowed the stack and lost the whole doc.
  it.each([
    ['bullets', '- '],
    ['quotes', '> '],
    ['quotes without blanks', '>'],
    ['ordered markers', '1. '],
    ['a mix', '* > 2) + '],
  ])('one line of 10,000 nested %s: the rest of the doc is read, one warning on that line, in well under a second', (_name, marker) => {
    const line = `${marker.repeat(10_000)}deep`;
    const text = `# T\n\n## Task 1: Things (1 files)\n\n### File 1: a.py\n- **Path:** \`src/a.py\`\n- **Status:** ⚪ Not Started\n\n## Notes\n\n${line}\n\n## Task 2: More (1 files)\n\n### File 2: b.py\n- **Path:** \`src/b.py\`\n- **Status:** ✅ Complete\n`;
    const started = process.cpuUsage();
    const model = parseTrackingDoc(text, 'deep.md');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1_000);
    expect(model.items.map((item) => [item.path, item.status.status])).toEqual([['src/a.py', 'not-started'], ['src/b.py', 'done']]);
    const lineNo = text.split('\n').indexOf(line) + 1;
    expect(model.diagnostics.filter((d) => d.code === 'doc/deep-nesting').map((d) => [d.severity, d.line])).toEqual([['warning', lineNo]]);
    expect(model.diagnostics.map((d) => d.code)).not.toContain('doc/internal-error');
  });

  it('blanks only the markers past the 32nd, keeping the line length (so positions hold)', () => {
    const line = `${'- '.repeat(40)}x`;
    expect(blankExcessMarkers(line)).toBe(`${'- '.repeat(32)}${' '.repeat(16)}x`);
    for (const kept of [`${'- '.repeat(32)}x`, '- [ ] a task', '1. > - quoted', `${'- '.repeat(40)}`, `${'* '.repeat(50)}`, `${'-'.repeat(80)}`, `${'1.'.repeat(40)}x`]) {
      expect(blankExcessMarkers(kept)).toBe(kept);
    }
  });
});

describe('createTrackingDocParser: chunks remembered across versions', () => {
  it('gives the same model as parseTrackingDoc for successive edits of the seed, and reuses unchanged chunks', () => {
    // Emphasis in every section: the line-level fast path reads the seed doc whole, so this gives
    // remark (and its memo) a part of each section to parse.
    const seed = decoded(readFileSync(CLEAN_SEED)).replace(/^(### .*)$/gm, '$1\n\nSee *the notes*.');
    const lines = seed.split('\n');
    // Versions as a history would have them: a status ticked, a line inserted near the top, one removed.
    const versions = [
      seed,
      seed.replace('⚪ Not Started', '✅ Complete'),
      [...lines.slice(0, 5), 'A line added near the top.', ...lines.slice(5)].join('\n'),
      lines.filter((_, i) => i !== lines.length - 10).join('\n'),
      seed,
    ];
    const calls: string[] = [];
    const remembered = memoizedChunkParser();
    const counting = { ...remembered, parse: (text: string) => (calls.push(text), remembered.parse(text)) };
    const parseVersion = createTrackingDocParser();
    for (const text of versions) {
      expect(parseVersion(text, 'doc.md')).toEqual(parseTrackingDoc(text, 'doc.md'));
      const { root } = parseMarkdown(text, counting);
      expect(root).toEqual(parseMarkdown(text).root);
    }
    const distinct = new Set(calls).size;
    expect(distinct).toBeGreaterThan(0);
    expect(distinct).toBeLessThan(calls.length); // later versions hit the memo
  });
});
