/** Renderers and the progress display: markdown summary pinned, progress quiet in CI and off a TTY. */
import { describe, expect, it } from 'vitest';
import { BufferStream, createLogger, renderMarkdownSummary, renderTextSummary } from '../../src/lib/cli/index.js';

const plainColors = new Proxy({}, { get: () => (text: string) => text }) as Parameters<typeof renderTextSummary>[1];
import { item, match, metric, snapshot } from './fixtures.js';

describe('renderMarkdownSummary', () => {
  it('renders a PR-comment-ready summary', () => {
    const s = snapshot({
      metrics: [metric('bq', 1, [match('src/a.py', 3, 'x')], { label: 'Direct bigquery.Client( calls | total' }), metric('http', null)],
      items: [item('file-1', 'src/a.py', 'done', 'in-progress'), item('file-2', 'src/b.py', 'done', 'done'), item('file-3', null, 'not-started', 'unknown')],
      drift: [
        { kind: 'declared-done-not-in-code', severity: 'error', message: 'File 1 is marked Complete but still calls bigquery.Client(', itemId: 'file-1', path: 'src/a.py', docLine: 40, evidence: '' },
        { kind: 'line-range-stale', severity: 'info', message: 'lines moved', itemId: null, path: null, docLine: null, evidence: '' },
      ],
    });
    expect(renderMarkdownSummary(s)).toMatchInlineSnapshot(`
      "## Jitter Adoption & Connection Pooling

      **2/3 files done (66%)** as declared in the doc · **1/3 (33%)** verified in the code at \`a1b2c3d\` · 2026-02-08

      | Category | Declared done | Verified done | Remaining calls |
      |---|---:|---:|---:|
      | 3.3 BigQuery Pooling | 2/3 (66%) | 1/3 | 0 |

      ### What is left

      - **3.3 BigQuery Pooling**: 2 files remaining

      | Metric | Kind | Value | Better |
      |---|---|---:|---|
      | Direct bigquery.Client( calls \\| total | Remaining in code | 1 line | ↓ lower |
      | http calls | Remaining in code | n/a (grep: invalid pattern) | ↓ lower |

      ### Drift between the doc and the code (1 error, 0 warnings)

      - 🔴 File 1 is marked Complete but still calls bigquery.Client( (\`src/a.py\`, doc line 40)
      "
    `);
  });
});

describe('what is left, in both summaries', () => {
  const lines = (path: string, n: number) => Array.from({ length: n }, (_, i) => match(path, i + 1, 'bigquery.Client()'));
  const s = snapshot({
    items: [
      item('file-1', 'src/one.py', 'done', 'in-progress', lines('src/one.py', 1)),
      ...['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x, i) => item(`file-${i + 2}`, `src/${x}.py`, 'not-started', 'in-progress', lines(`src/${x}.py`, i + 2))),
    ],
  });

  it('lists the files with the most calls first, then "and N more", with singular and plural right', () => {
    const md = renderMarkdownSummary(s);
    expect(md).toContain('- **3.3 BigQuery Pooling**: 8 files remaining');
    expect(md).toContain('  - `src/h.py`: 8 calls\n  - `src/g.py`: 7 calls\n  - `src/f.py`: 6 calls\n  - `src/e.py`: 5 calls\n  - `src/d.py`: 4 calls\n  - …and 3 more files\n');
    const text = renderTextSummary(s, plainColors);
    expect(text).toContain('    src/h.py  8 calls\n');
    expect(text).toContain('    …and 3 more files\n');
  });

  it('says "1 call", "1 file", "1 more file" for one', () => {
    const one = snapshot({ items: [item('file-1', 'src/one.py', 'done', 'in-progress', lines('src/one.py', 1))] });
    const md = renderMarkdownSummary(one);
    expect(md).toContain('- **3.3 BigQuery Pooling**: 1 file remaining');
    expect(md).toContain('  - `src/one.py`: 1 call\n');
    expect(md).not.toMatch(/\b1 (lines|files|calls|errors|warnings)\b/);
  });
});

describe('progress', () => {
  const drive = (env: Record<string, string>, tty: boolean, level: 'normal' | 'quiet' = 'normal') => {
    const stderr = new BufferStream(tty);
    let t = 0;
    const log = createLogger({ stdout: new BufferStream(tty), stderr, env, cwd: '/' }, level, () => (t += 1000));
    const p = log.progress('Backfilling', 3);
    p.update(1, '2026-01-19');
    p.update(2);
    p.done('Backfilled 3 days');
    return stderr.text;
  };

  it('draws on an interactive terminal', () => {
    expect(drive({ NO_COLOR: '1' }, true)).toBe('\r\x1b[2KBackfilling 1/3 2026-01-19\r\x1b[2KBackfilling 2/3\r\x1b[2KBackfilled 3 days\n');
  });

  it('stays quiet in CI, off a TTY and with --quiet (the final message is an ordinary log line)', () => {
    expect(drive({ CI: 'true' }, true)).toBe('Backfilled 3 days\n');
    expect(drive({}, false)).toBe('Backfilled 3 days\n');
    expect(drive({}, true, 'quiet')).toBe('');
  });
});
