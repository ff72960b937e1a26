/** Loading, validating and resolving `migratrack.config.*`, in-process. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_DOC, loadConfig, resolveOptions, type LoadedConfig } from '../../src/lib/config/index.js';
import { MigratrackError } from '../../src/lib/errors.js';
import { ROOT, gitRepo, tempDir, writeFiles } from './helpers.js';

const INDEX = pathToFileURL(path.join(ROOT, 'src/index.ts')).href;

async function loadError(dir: string, explicit?: string): Promise<MigratrackError> {
  try {
    await loadConfig(dir, explicit);
  } catch (error) {
    if (error instanceof MigratrackError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('returns null without a config file', async () => {
    expect(await loadConfig(tempDir())).toBeNull();
  });

  it('loads .json and fills defaults', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'migratrack.config.json': JSON.stringify({ doc: 'TRACKING.md', metrics: [{ id: 'bq', name: 'BQ', pattern: 'bigquery.Client(' }] }) });
    const loaded = await loadConfig(dir);
    expect(loaded?.file).toBe(path.join(dir, 'migratrack.config.json'));
    expect(loaded?.config.metrics[0]).toMatchObject({ flavour: 'basic', better: 'lower', unit: 'lines', include: [] });
    expect(loaded?.config.forecast.windowDays).toBe(14);
  });

  it('loads .mjs using defineConfig from the public entry', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'migratrack.config.mjs': `import { defineConfig } from '${INDEX}';\nexport default defineConfig({ doc: 'a.md', base: '/x/' });\n` });
    expect((await loadConfig(dir))?.config).toMatchObject({ doc: 'a.md', base: '/x/' });
  });

  it.each([['CommonJS', {}], ['ESM', { 'package.json': '{"type":"module"}' }]])('loads .ts through tsx in a %s package', async (_kind, extra) => {
    const dir = tempDir();
    writeFiles(dir, {
      ...extra,
      'migratrack.config.ts': `import { defineConfig, type MigratrackConfigInput } from '${INDEX}';\nconst windowDays: number = 7;\nconst c: MigratrackConfigInput = { doc: 'a.md', forecast: { windowDays } };\nexport default defineConfig(c);\n`,
    });
    expect((await loadConfig(dir))?.config.forecast.windowDays).toBe(7);
  });

  it('prefers .ts over .mjs over .json', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'migratrack.config.json': '{"doc":"json.md"}', 'migratrack.config.mjs': 'export default { doc: "mjs.md" };\n' });
    expect((await loadConfig(dir))?.config.doc).toBe('mjs.md');
  });

  it('names the file for invalid JSON, a syntax error and a missing default export', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'bad.json': '{ doc: ', 'broken.mjs': 'export default {\n', 'none.mjs': 'export const config = {};\n' });
    expect((await loadError(dir, 'bad.json')).message).toMatch(/bad\.json is not valid JSON: /);
    expect((await loadError(dir, 'broken.mjs')).message).toMatch(/^could not load .*broken\.mjs: /);
    expect((await loadError(dir, 'none.mjs')).message).toMatch(/none\.mjs must `export default defineConfig\(\{ \.\.\. \}\)`/);
  });

  it('lists nested bad fields one per line, exit code 2', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'migratrack.config.json': JSON.stringify({ metrics: [{ id: 'a', name: 'A', command: 'grep x', pattern: 'x', patern: 1 }], checks: [{ item: 0, kind: 'text-gone', text: '' }] }) });
    const error = await loadError(dir);
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n').slice(1)).toEqual([
      '  metrics[0].patern: unknown field (check the spelling; the fields are listed in docs/CLI.md)',
      '  metrics[0].command: give `pattern` or `command`, not both',
      '  checks[0].item: expected a file number (1 or more), an item id or a path',
      '  checks[0].kind: expected one of "text-absent" | "text-present" | "import-present", received "text-gone"',
      '  checks[0].text: expected the text to look for',
    ]);
  });

  it('refuses a backfillSince that is not a real day (issue 20: 2026-13-45 crashed the build)', async () => {
    for (const since of ['2026-13-45', '2026-02-30', '2026-00-10', 'yesterday']) {
      const dir = tempDir();
      writeFiles(dir, { 'migratrack.config.json': JSON.stringify({ doc: 'T.md', history: { backfillSince: since } }) });
      const error = await loadError(dir);
      expect(error.exitCode).toBe(2);
      expect(error.message.split('\n').slice(1)).toEqual(['  history.backfillSince: expected a date as YYYY-MM-DD, e.g. "2026-01-19"']);
    }
  });
});

describe('resolveOptions', () => {
  const loaded = (dir: string, config: LoadedConfig['config']): LoadedConfig => ({ file: path.join(dir, 'migratrack.config.json'), dir, config });

  it('builds the demo when nothing names a target', () => {
    const cwd = tempDir();
    const opts = resolveOptions({}, null, cwd);
    expect(opts).toMatchObject({ demo: true, repo: path.join(cwd, '.cache/demo-repo'), doc: DEMO_DOC, base: '/', outDir: path.join(cwd, 'dist'), repoWebUrl: 'auto' });
    expect(opts.history).toEqual({ file: path.join(cwd, '.cache/demo-repo/.git/migratrack-history.json'), backfill: true, backfillSince: null, perCommit: false });
  });

  it('resolves config paths against the config folder and flags against cwd; flags win', async () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'conf/target'), { 'docs/T.md': '# t\n' });
    gitRepo(path.join(cwd, 'other'), { 'docs/T.md': '# t\n' });
    writeFiles(cwd, { 'conf/migratrack.config.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', out: 'site', base: '/proj', history: { file: 'h.json', backfillSince: '2026-01-19' } }) });
    const config = await loadConfig(cwd, 'conf/migratrack.config.json');
    const fromConfig = resolveOptions({}, config, cwd);
    expect(fromConfig).toMatchObject({ demo: false, repo: path.join(cwd, 'conf/target'), doc: 'docs/T.md', outDir: path.join(cwd, 'conf/site'), base: '/proj/' });
    expect(fromConfig.history).toMatchObject({ file: path.join(cwd, 'conf/h.json'), backfillSince: '2026-01-19' });
    const fromFlags = resolveOptions({ repo: 'other', out: 'o', since: '2026-02-01', backfill: false, base: '/' }, config, cwd);
    expect(fromFlags).toMatchObject({ repo: path.join(cwd, 'other'), outDir: path.join(cwd, 'o'), base: '/' });
    expect(fromFlags.history).toMatchObject({ backfill: false, backfillSince: '2026-02-01' });
  });

  it('puts the default history file in the repository, wherever the command runs (issue 20); --history stays relative to cwd', () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'repo'), { 'docs/T.md': '# t\n' });
    const elsewhere = path.join(cwd, 'elsewhere');
    mkdirSync(elsewhere);
    const expected = path.join(cwd, 'repo/.migratrack/history.json');
    expect(resolveOptions({ repo: 'repo', doc: 'docs/T.md' }, null, cwd).history.file).toBe(expected);
    expect(resolveOptions({ repo: '../repo', doc: 'docs/T.md' }, null, elsewhere).history.file).toBe(expected);
    expect(resolveOptions({ repo: 'repo', doc: 'docs/T.md', history: 'h/x.json' }, null, cwd).history.file).toBe(path.join(cwd, 'h/x.json'));
    // A config without history.file: still the repository's, not the config folder's.
    const config = loaded(elsewhere, { repo: '../repo', doc: 'docs/T.md', history: { perCommit: false }, metrics: [], checks: [], ignore: [], forecast: { windowDays: 14 }, reading: { ignoreSections: [] } });
    expect(resolveOptions({}, config, cwd).history.file).toBe(expected);
  });

  it('accepts a doc path typed relative to the shell folder, stored repo-relative', () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'repo'), { 'docs/T.md': '# t\n' });
    expect(resolveOptions({ repo: 'repo', doc: 'repo/docs/T.md' }, null, cwd).doc).toBe('docs/T.md');
  });

  it('refuses a doc outside the repository and a config without a doc', () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'repo'), { 'a.txt': 'a\n' });
    writeFiles(cwd, { 'T.md': '# t\n' });
    expect(() => resolveOptions({ repo: 'repo', doc: 'T.md' }, null, cwd)).toThrow(/--doc: T\.md is outside the repository/);
    expect(() => resolveOptions({}, loaded(cwd, { history: { perCommit: false }, metrics: [], checks: [], ignore: [], forecast: { windowDays: 14 }, reading: { ignoreSections: [] } }), cwd)).toThrow(
      /^--doc: no tracking doc given/,
    );
  });

  it('finds the notes folder from --notes (against cwd) or `notes` (against the config folder), and refuses a missing one', async () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'conf/target'), { 'docs/T.md': '# t\n' });
    writeFiles(cwd, { 'conf/migratrack.config.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', notes: 'pages' }), 'conf/pages/a.md': '---\ntitle: A\n---\n', 'mine/b.md': '---\ntitle: B\n---\n' });
    const config = await loadConfig(cwd, 'conf/migratrack.config.json');
    expect(resolveOptions({}, config, cwd).notesDir).toBe(path.join(cwd, 'conf/pages'));
    expect(resolveOptions({ notes: 'mine' }, config, cwd).notesDir).toBe(path.join(cwd, 'mine'));
    expect(resolveOptions({ repo: 'conf/target', doc: 'docs/T.md' }, null, cwd).notesDir).toBeNull();
    // The demo's own note is the demo's only: a target without notes gets none (above).
    expect(resolveOptions({}, null, cwd).notesDir).toBe(path.join(ROOT, 'examples/notes'));
    expect(resolveOptions({ notes: 'mine' }, null, cwd).notesDir).toBe(path.join(cwd, 'mine'));
    expect(() => resolveOptions({ notes: 'nope' }, config, cwd)).toThrow('--notes: nope is not a folder (expected the folder of your .md/.mdx notes)');
    expect(() => resolveOptions({ notes: 'mine/b.md' }, config, cwd)).toThrow(/^--notes: mine\/b\.md is not a folder/);
    const wrong = loaded(path.join(cwd, 'conf'), { repo: 'target', doc: 'docs/T.md', notes: 'gone', history: { perCommit: false }, metrics: [], checks: [], ignore: [], forecast: { windowDays: 14 }, reading: { ignoreSections: [] } });
    expect(() => resolveOptions({}, wrong, cwd)).toThrow('notes in migratrack.config.json: gone is not a folder');
  });

  it('reads `notes` as a folder or as { dir, mdx }: MDX notes only when the config says mdx: true', async () => {
    const cwd = tempDir();
    gitRepo(path.join(cwd, 'target'), { 'docs/T.md': '# t\n' });
    writeFiles(cwd, { 'pages/a.md': '---\ntitle: A\n---\n', 'a.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', notes: 'pages' }), 'b.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', notes: { dir: 'pages', mdx: true } }), 'c.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', notes: { dir: 'pages' } }), 'd.json': JSON.stringify({ repo: 'target', doc: 'docs/T.md', notes: { dir: 'pages', mdx: 'yes', run: true } }) });
    const options = async (file: string) => resolveOptions({}, await loadConfig(cwd, file), cwd);
    expect(await options('a.json')).toMatchObject({ notesDir: path.join(cwd, 'pages'), notesMdx: false, forceOut: false });
    expect(await options('b.json')).toMatchObject({ notesDir: path.join(cwd, 'pages'), notesMdx: true });
    expect(await options('c.json')).toMatchObject({ notesDir: path.join(cwd, 'pages'), notesMdx: false });
    expect(resolveOptions({ repo: 'target', doc: 'docs/T.md', notes: 'pages' }, null, cwd).notesMdx).toBe(false); // no flag opts in
    const error = await loadError(cwd, 'd.json');
    expect(error.message).toMatch(/notes/);
    expect(error.exitCode).toBe(2);
  });

  it('names the config key, not a flag, when a config path is wrong', () => {
    const cwd = tempDir();
    const config = loaded(cwd, { repo: 'gone', doc: 'T.md', history: { perCommit: false }, metrics: [], checks: [], ignore: [], forecast: { windowDays: 14 }, reading: { ignoreSections: [] } });
    expect(() => resolveOptions({}, config, cwd)).toThrow('repo in migratrack.config.json: gone does not exist (expected the repository folder to track)');
  });
});
