/**
 * The CLI as users meet it: a real process through bin/migratrack.mjs. Help texts are pinned in
 * files; user errors must be one line with exit 2 and never a stack.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { ROOT, gitRepo, normalise, runProcess, tempDir, writeFiles } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe.concurrent('migratrack as a subprocess', () => {
  it.for(['', 'build', 'scan', 'check', 'init', 'dev', 'preview', 'explain'])('pins --help for "%s"', async (command, { expect }) => {
    const result = await runProcess(command === '' ? ['--help'] : [command, '--help'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/help-${command || 'global'}.txt`);
  });

  it('prints the version from package.json', async ({ expect }) => {
    const result = await runProcess(['--version'], ROOT);
    expect(result).toEqual({ code: 0, stdout: `migratrack ${VERSION}\n`, stderr: '' });
  });

  it('rejects an unknown flag with exit 2, naming the flag', async ({ expect }) => {
    const result = await runProcess(['build', '--colour'], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('migratrack: unknown option --colour for build (see migratrack build --help)\n');
  });

  it('rejects an unknown command with exit 2', async ({ expect }) => {
    const result = await runProcess(['publish'], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^migratrack: unknown command "publish" \(expected one of build, scan, check, init, dev/);
  });

  it('lists every bad config field as `path: message` with exit 2', async ({ expect }) => {
    const dir = tempDir();
    writeFiles(dir, {
      'migratrack.config.json': JSON.stringify({
        repo: 5,
        base: 'docs',
        site: 'not a url',
        colour: true,
        history: { backfillSince: 'January 19' },
        metrics: [{ id: 'Bad Id', name: 'x', pattern: 'a', better: 'down' }, { id: 'ok', name: 'y' }],
        checks: [{ kind: 'text-absent', text: 'x' }],
        forecast: { windowDays: 0 },
      }),
    });
    const result = await runProcess(['build'], dir);
    expect(result.code).toBe(2);
    expect(normalise(result.stderr, dir)).toMatchInlineSnapshot(`
      "migratrack: invalid config <tmp>/migratrack.config.json:
        repo: expected string, received number
        base: expected a path starting with "/", e.g. "/my-repo/"
        site: expected an absolute URL such as "https://acme.github.io/repo/"
        history.backfillSince: expected a date as YYYY-MM-DD, e.g. "2026-01-19"
        metrics[0].id: expected a lower-case slug such as "bigquery-clients" (a-z, 0-9, ".", "_", "-")
        metrics[0].better: expected one of "lower" | "higher", received "down"
        metrics[1].pattern: expected either \`pattern\` or \`command\`
        checks[0].item: expected \`category\` or \`item\` to say what the check applies to
        forecast.windowDays: expected a positive whole number of days
        colour: unknown field (check the spelling; the fields are listed in docs/CLI.md)
      "
    `);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('names --config when the given config file does not exist', async ({ expect }) => {
    const result = await runProcess(['scan', '--config', 'nope.mjs'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('migratrack: --config: nope.mjs not found (expected a migratrack.config.ts, .mjs or .json file)\n');
  });

  it('fails a missing --repo folder with one line and exit 2', async ({ expect }) => {
    const result = await runProcess(['build', '--repo', 'no-such-repo', '--doc', 'TRACKING.md'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('migratrack: --repo: no-such-repo does not exist (expected the repository folder to track)\n');
  });

  it('fails a missing --doc in a generated repo with one line and exit 2', async ({ expect }) => {
    const dir = tempDir();
    gitRepo(path.join(dir, 'repo'), { 'README.md': '# target\n' });
    const result = await runProcess(['check', '--repo', 'repo', '--doc', 'docs/TRACKING.md'], dir);
    expect(result.code).toBe(2);
    expect(normalise(result.stderr, dir)).toBe(
      'migratrack: --doc: docs/TRACKING.md not found in <tmp>/repo (expected the tracking markdown file, relative to the repository)\n',
    );
  });

  it('rejects a malformed --since before running anything', async ({ expect }) => {
    const dir = tempDir();
    gitRepo(dir, { 'TRACKING.md': '# t\n' });
    for (const since of ['yesterday', '2026-13-45', '2026-02-30']) {
      const result = await runProcess(['build', '--repo', '.', '--doc', 'TRACKING.md', '--since', since], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`migratrack: --since: "${since}" is not a date (expected a real day as YYYY-MM-DD, e.g. 2026-01-19)\n`);
    }
  });

  it('writes init files in a generated repo and refuses to overwrite them', async ({ expect }) => {
    const dir = gitRepo(tempDir(), { 'docs/TRACKING.md': '# t\n' }, 'trunk');
    const first = await runProcess(['init', '--doc', 'docs/TRACKING.md'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Wrote .github/workflows/migratrack.yml (publishes from trunk; installs migratrack@${VERSION} from the npm registry)`);
    const again = await runProcess(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('migratrack: migratrack.config.mjs, .github/workflows/migratrack.yml already exist (pass --force to overwrite)\n');
  });
});
