/**
 * The line-level fast path must give exactly the mdast of one remark call (positions included), on
 * every fixture and on random docs built from the shapes it reads and their near misses (each a
 * character away from a construct it must hand to remark). FUZZ=1 runs many more cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { decodeDoc } from '../../src/lib/doc/decode.js';
import { DiagnosticSink } from '../../src/lib/doc/diagnostic-sink.js';
import { parseWithFastPath } from '../../src/lib/doc/line-blocks.js';
import { parseMarkdownWhole } from '../../src/lib/doc/markdown.js';
import { CLEAN_SEED, FIXTURES, fixtureBytes } from './helpers.js';

const FUZZ = process.env.FUZZ === '1';
const STYLES = path.join(import.meta.dirname, 'styles');

/** The fast path's tree, and how many characters of the doc it handed to remark. */
function fast(text: string): { root: Root | null; toRemark: number } {
  let toRemark = 0;
  const root = parseWithFastPath(text, (slice) => ((toRemark += slice.length), parseMarkdownWhole(slice)));
  return { root, toRemark };
}

function decoded(bytes: Buffer): string {
  return decodeDoc(bytes, new DiagnosticSink('doc.md')).text ?? '';
}

const docs: [string, string][] = [
  ['examples/JITTER-ADOPTION-TRACKING.md', decoded(readFileSync(CLEAN_SEED))],
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name): [string, string] => [name, decoded(fixtureBytes(name))]),
  ...readdirSync(STYLES).filter((name) => name.endsWith('.md')).map((name): [string, string] => [`styles/${name}`, readFileSync(path.join(STYLES, name), 'utf8')]),
];

describe('parseWithFastPath: same mdast as one remark call', () => {
  it.each(docs)('%s', (_name, text) => {
    expect(fast(text).root).toEqual(parseMarkdownWhole(text));
  });

  it('builds most of the style fixtures itself (remark gets under a tenth of their text)', () => {
    const all = docs.filter(([name]) => name.startsWith('styles/')).map(([, text]) => text).join('\n\n');
    const { root, toRemark } = fast(all);
    expect(root).toEqual(parseMarkdownWhole(all));
    expect(toRemark / all.length).toBeLessThan(0.1);
  });

  const handedOn: [string, string][] = [
    ['emphasis', '- a *b* c\n'],
    ['underscore emphasis', '- _a_ b\n'],
    ['a link', '- see [a](b.md)\n'],
    ['an autolink literal', '- see www.example.com\n'],
    ['a hard break', 'a  \nb\n'],
    ['a setext heading', 'Title\n---\n'],
    ['a loose list', '- a\n\n- b\n'],
    ['a lazy line', '- a\nb\n'],
    ['a nested list at a non-exact indent', '- a\n   - b\n'],
    ['an ordered list not at 1 under an item', '- a\n  2. b\n'],
    ['two marker kinds', '- a\n* b\n'],
    ['a table without outer pipes', 'a | b\n--|--\nc | d\n'],
    ['strikethrough', '- ~~a~~\n'],
    ['an entity', '- a &amp; b\n'],
    ['a tab', '-\ta\n'],
    ['a fence that does not close', '```\na\n'],
    ['a fence closed by a longer fence', '```\na\n````\n'],
    ['a fence with an info string of two words', '```js x\na\n```\n'],
    ['an e-mail address', 'ask a.b@c.io\n'],
    ['an entity', 'R&amp;D\n'],
    ['a thematic break inside an item', '- - -\n'],

    ['an ordered list not at 1 on an item\'s line', '- 2. b\n'],
  ];
  // Parsed apart, such a fence and its container would end after the line break; whole, before it.
  it.each([
    ['an unclosed fence in an item before a heading', '- ~~~\n# Title\n'],
    ['an unclosed fence in a quote before a heading', '> ```\n# Title\n'],
  ])('leaves the doc to one remark call on %s', (_name, text) => {
    expect(fast(text).root).toBeNull();
  });

  it.each(handedOn)('hands %s to remark', (_name, text) => {
    const { root, toRemark } = fast(text);
    expect(root).toEqual(parseMarkdownWhole(text));
    expect(toRemark).toBeGreaterThan(0);
  });
});

/** Lines the fast path reads, and lines one character away from something it must not. */
const LINES = [
  '# Title', '## Phase 1', '### `src/a.ts` ✅', '#### **Status:** x', '# closing #', '#', '#no space', '  # indented',
  '- [ ] `a/b.py`', '- [x] server/app.py', '- [X] Move guards', '- [ X ] spaced', '- [/] partial', '- [~] tilde', '- [ ]', '- [x]  two spaces',
  '- ✅ done `x.ts`', '1. first', '2. second', '1) paren', '10. ten', '* star', '+ plus', '-  two spaces', '- ', '-',
  '  - [x] nested', '    - [ ] deeper', '   - three spaces', '  1. nested ordered', '  2. nested two', '     - five',
  '- - nested on one line', '- * - three kinds', '- 1. ordered inside', '1. - bullet inside', '- 2. two inside', '- - [x] box inside', '  - - deeper pair',
  '    - 1) x', '- - -', '* * * x', '- - ', '- -  two spaces', '- -x', '- > quote inside', '- - - - - - - - - `deep.ts` ✅',
  '**Status:** Done', '**Status**: ⏳ Pending', '- **Path:** `src/x.js`', '**a**b', '**a** **b**', '***x***', '** x **', '*a*',
  'Plain words here.', 'Progress: 3/5 files', 'a_b_c.py', '_a_', 'a\\b', 'a\\*b', 'see [x] there', 'see [x](y)', '![i]', 'a ~ b', '~a~',
  'x@y.io', 'http://a.b', 'www.a.b', 'a &amp; b', 'a <b> c', '`code` and `more`', '`unclosed', '`` double ``', '` spaced `',
  '| a | b |', '|---|:-:|', '| `x` | ✓ |', '| **Total** | 3 |', '| only |', 'a | b', '|--|--|', '| a |  |',
  '```', '```md', '```bash', '````', '``` md', '```a`b', '```', '  ```', 'grep -r "x" src/ | wc -l', '# a comment in a block', '$ npm test', '    indented', 'trailing  ', '~~~',
  'R&D team', 'a &amp; b', 'a &#35; b', 'a & b;', '@mention here', 'all of src/* here', 'a * b', 'a *', '**a** * b', '* b *', 'x * y*', 'a *b', '- c/* d', '- ~14 more files', '- ~~x~~', '- ~ x', '- ~~~', '| a/* | b |', 'x@y', 'user.name@host', 'HTTP retry', 'https://a.b', '---', '***', '___', '- - -', '----', '___ x', '<!-- c -->', '<div>', '> quote', '    indented code', '---', '***', '===', 'Text  ', 'tab\there',
  '', '', '', '',
];

describe('parseWithFastPath on lists nested on one line', () => {
  // Issue 17: 1,000 lines of 31 markers each ("- - - … x") took remark 13 s (micromark rebuilds its
  // event list each time such a line closes the containers of the line before).
  const doc = (count: number): string => {
    const lines = Array.from({ length: count }, (_, i) => `${'- '.repeat(31)}✅ \`src/m${i}.ts\``);
    return `# Doc\n\n${lines.join('\n')}\n  - after\n    - [x] deeper\n`;
  };
  it('builds 1,000 lines of 31 markers itself', () => {
    expect(fast(doc(1000)).toRemark).toBe(0);
  });
  it('as remark would (150 lines: remark is the slow side)', () => {
    const text = doc(150);
    expect(fast(text).root).toEqual(parseMarkdownWhole(text));
  });
});

describe('parseWithFastPath on random docs', () => {
  it('equals one remark call', () => {
    const doc = fc.array(fc.constantFrom(...LINES), { maxLength: 40 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(doc, (text) => {
        // Null (a remark run ends in a block that may reach on) means the caller parses the doc whole.
        expect(fast(text).root ?? parseMarkdownWhole(text)).toEqual(parseMarkdownWhole(text));
      }),
      { numRuns: FUZZ ? 20_000 : 400, seed: 20261203 },
    );
  }, FUZZ ? 900_000 : undefined);
});
