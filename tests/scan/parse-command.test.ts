/**
 * parseGrepCommand: the supported grammar, and hostile commands refused with the token named.
 * Nothing is ever executed: each hostile command would create a marker file if a shell ran it,
 * and after parsing and evaluating everything the marker does not exist.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePipeline, fsTree, parseGrepCommand } from '../../src/lib/scan/index.js';

describe('parseGrepCommand: supported pipelines', () => {
  it('parses the seed doc commands', () => {
    const r = parseGrepCommand('grep -r "requests\\.get\\|requests\\.post" scrapers/ orchestration/ --include="*.py" | grep -v "http_pool" | wc -l');
    expect(r.ok && r.pipeline).toMatchObject({
      grep: {
        spec: { pattern: 'requests\\.get\\|requests\\.post', flavour: 'basic', ignoreCase: false, wordRegexp: false, invert: false },
        recursive: 'r',
        globs: [{ kind: 'include', glob: '*.py' }],
        operands: [{ text: 'scrapers/', glob: false }, { text: 'orchestration/', glob: false }],
      },
      stages: [{ kind: 'grep', spec: { pattern: 'http_pool', invert: true }, count: false }, { kind: 'wc', lines: true, words: false, bytes: false }],
    });
  });

  it.each([
    ['grep -rn -i -w -E "a|b" .', { recursive: 'r', lineNumber: true }],
    ["grep -rnHe 'x' src", { withFilename: true }],
    ['grep -R --exclude-dir node_modules --exclude=*.min.js x .', { recursive: 'R', excludeDirs: ['node_modules'] }],
    ['grep -c "✅ Complete" docs/x.md', { count: true }],
    ['grep -l foo -- -weird-name', { filesWithMatches: true }],
    ['egrep "a+" f', { spec: { flavour: 'extended' } }],
    ["grep -F 'a.b' f 2>/dev/null", { spec: { flavour: 'fixed' } }],
    ['grep -r x src/*.py', { operands: [{ text: 'src/*.py', glob: true }] }],
    ['grep -r "a\\"b" f', { spec: { pattern: 'a"b' } }],
    ["grep -r 'it'\\''s' f", { spec: { pattern: "it's" } }],
    ['grep -r x\\ y f', { spec: { pattern: 'x y' } }],
    ['grep -r "cost: $" f', { spec: { pattern: 'cost: $' } }],
    ['grep x f # trailing comment', { operands: [{ text: 'f', glob: false }] }],
    ['grep -ro x src', { spec: { onlyMatching: true } }],
    ['grep -rx --line-regexp x src', { spec: { lineRegexp: true } }],
    ["grep -rP '\\bx\\b' src", { spec: { flavour: 'perl' } }],
    ['grep -rcA 2 x src', { count: true }],
    ['grep -rl --context=1 -B3 x src', { filesWithMatches: true }],
  ])('%s', (cmd, expected) => {
    const r = parseGrepCommand(cmd);
    if (!r.ok) throw new Error(r.reason);
    expect(r.pipeline.grep).toMatchObject(expected);
  });

  it.each([
    ['| cut -d: -f1 | sort -u', [{ kind: 'cut', delimiter: ':', fields: [{ from: 1, to: 1 }] }, { kind: 'sort', unique: true }]],
    ["| cut -d ':' -f 1 | sort | uniq | head -5", [{ kind: 'cut' }, { kind: 'sort', unique: false }, { kind: 'uniq' }, { kind: 'head', lines: 5 }]],
    ['| head -n 3', [{ kind: 'head', lines: 3 }]],
    ['| grep -E -i -w "x|y" | wc --lines', [{ kind: 'grep', spec: { flavour: 'extended', ignoreCase: true, wordRegexp: true } }, { kind: 'wc', lines: true, words: false }]],
    ['| cut -f2-4,7- -s', [{ kind: 'cut', delimiter: '\t', fields: [{ from: 2, to: 4 }, { from: 7, to: null }], onlyDelimited: true }]],
    ['| sort -rn -t: -k 2,3 | uniq -c', [{ kind: 'sort', numeric: true, reverse: true, unique: false, separator: ':', key: { start: 2, end: 3 } }, { kind: 'uniq', count: true }]],
    ['| tail -n +3', [{ kind: 'tail', lines: 3, fromStart: true }]],
    ['| grep -vc y', [{ kind: 'grep', spec: { invert: true }, count: true }]],
    ['| wc', [{ kind: 'wc', lines: true, words: true, bytes: true }]],
    ["| awk -F: '{s+=$2} END {print s}'", [{ kind: 'awk', program: { separator: ':', main: [{ kind: 'add', name: 's', value: { kind: 'field', index: 2 } }], end: [{ kind: 'print', args: [{ kind: 'var', name: 's' }] }] } }]],
  ])('stages %s', (tail, stages) => {
    const r = parseGrepCommand(`grep -r x . ${tail}`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.pipeline.stages).toMatchObject(stages);
  });
});

describe('parseGrepCommand: what would change or miscount the output is refused with the word named', () => {
  it.each([
    ['grep -rA2 x src | wc -l', /unsupported grep option `-A 2`: context lines/],
    ['grep -r --after-context=1 x src', /unsupported grep option `--after-context=1`/],
    ['grep -rA x src', /`-A` needs a number of lines/],
    ['grep -rc "a[1-3-5]c" src', /Invalid range end/],
    ['grep -rc "[z-a]" src', /Invalid range end/],
    ["grep -rcP '(?<=a)b' src", /unsupported in grep -P\/rg: lookbehind `\(\?<=`/],
    ["grep -rcP '(a)\\1' src", /unsupported in grep -P\/rg: back-reference `\\1`/],
    ["grep -roPw 'a' src", /unsupported: grep -P -o -w/],
    ['grep -rPE x src', /conflicting matchers/],
    ['grep -r x src | grep -o y', /unsupported options in a filtering grep/],
  ])('%s', (cmd, reason) => {
    const r = parseGrepCommand(cmd);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

const MARK = '__MARK__';
const HOSTILE: [string, string][] = [
  [`grep -r "$(touch ${MARK})" .`, '$('],
  [`grep -r "\`touch ${MARK}\`" .`, '`'],
  [`grep -r \`touch ${MARK}\` .`, '`'],
  [`grep -r x . ; touch ${MARK}`, ';'],
  [`grep -r x . && touch ${MARK}`, '&&'],
  [`grep -r x . || touch ${MARK}`, '||'],
  [`grep -r x . > ${MARK}`, '>'],
  [`grep -r x . >> ${MARK}`, '>>'],
  [`grep -r x . | sh -c "touch ${MARK}"`, 'sh'],
  [`echo touch ${MARK} | sh`, 'echo'],
  [`grep -r x . | xargs touch ${MARK}`, 'xargs'],
  [`grep -r x . | tee ${MARK}`, 'tee'],
  [`grep -r x . & touch ${MARK}`, '&'],
  [`grep -r x . < /etc/passwd`, '<'],
  [`X=1 grep -r x .`, 'X=1'],
  [`grep -r $HOME .`, '$H'],
  [`grep -r "\${IFS}" .`, '${'],
  [`grep -r x ~/secrets`, '~'],
  [`grep -r x {a,b}`, '{'],
  [`grep -r x . \n touch ${MARK}`, 'newline'],
  [`(grep -r x .)`, '('],
  [`grep -f /etc/passwd .`, '-f'],
  [`grep --file=${MARK} .`, '--file'],
  [`grep -r -A 3 x .`, '-A'],
  [`grep -r x . | wc -m`, '-m'],
  [`grep -r x . | wc -l | cat`, 'cat'],
  [`grep -r x . | sort -k 2.3`, '-k 2.3'],
  [`grep -r x . | uniq -d`, '-d'],
  [`grep -r x . | head -c 5`, 'head -c 5'],
  [`grep -r x . | cut -c 1-3`, '-c'],
  [`grep -r x . | awk '{system("touch ${MARK}")}'`, 'system'],
  [`grep -r x . | awk 'BEGIN {print 1}'`, 'BEGIN'],
  [`grep -r x . | awk '/x/ {print}'`, '/x/'],
  [`grep -r x . | awk '{print $1 > "${MARK}"}'`, '>'],
  [`grep -r x . | awk '{print $1, length}'`, 'length'],
  [`grep -r x . | awk -F', ' '{print $1}'`, '-F , '],
  [`grep -r x . | awk '{print $1}' somefile`, 'somefile'],
  [`grep -r "unterminated .`, '"'],
  [`grep -r 'a\\(' .`, 'Unmatched ( or \\('],
  [`grep -E -F x .`, 'conflicting'],
  [`git log -p`, 'git'],
  [`grep -r x . | grep y somefile`, 'somefile'],
  [`grep -r x . |& cat`, '|&'],
  [`grep $'\\x41' .`, "$'"],
];

describe('parseGrepCommand: hostile commands are refused and never run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-hostile-'));
  fs.writeFileSync(path.join(dir, 'f.txt'), 'x\n');
  it.each(HOSTILE)('%s', async (cmd, token) => {
    const r = parseGrepCommand(cmd.replaceAll(MARK, path.join(dir, 'pwned')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(token);
  });
  it('created no file, even when the accepted parts are evaluated', async () => {
    for (const [cmd] of HOSTILE) {
      const head = cmd.replaceAll(MARK, path.join(dir, 'pwned')).split(/[;&|>]/)[0] ?? '';
      const r = parseGrepCommand(head);
      if (r.ok) await evaluatePipeline(r.pipeline, fsTree(dir));
    }
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['f.txt']);
  });
});
