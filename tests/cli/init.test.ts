/** `migratrack init`: the written config loads, the workflow parses as YAML and has the steps it promises. */
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/lib/config/index.js';
import { VERSION } from '../../src/lib/cli/version.js';
import { gitRepo, run, tempDir } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': unknown };
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

async function initIn(branch: string, extra: string[] = []): Promise<{ cwd: string; workflow: Workflow; text: string; stdout: string }> {
  const cwd = gitRepo(tempDir(), { 'docs/JITTER.md': '# Jitter\n', 'vendor/migratrack-9.9.9.tgz': 'not really a tarball' }, branch);
  const result = await run(['init', '--doc', 'docs/JITTER.md', ...extra], { cwd });
  expect(result.code).toBe(0);
  const text = readFileSync(path.join(cwd, '.github/workflows/migratrack.yml'), 'utf8');
  return { cwd, text, workflow: parse(text) as Workflow, stdout: result.stdout };
}

/** A shell line (or a command after `(`, `;`, `&&`, `||`) that runs migratrack. */
const RUNS_MIGRATRACK = /(^|[;&|(]\s*)(\S+=\S+\s+)*migratrack\s/m;

const step = (job: Job, uses: string): Step | undefined => job.steps.find((s) => s.uses?.startsWith(uses));
const named = (job: Job, name: RegExp): Step | undefined => job.steps.find((s) => s.name !== undefined && name.test(s.name));

describe('init', () => {
  it('triggers nightly, on pushes and PRs to the default branch, and by hand', async () => {
    const { workflow } = await initIn('trunk');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: '17 3 * * *' }]);
    expect(workflow.on.push).toEqual({ branches: ['trunk'] });
    expect(workflow.on.pull_request).toEqual({ branches: ['trunk'] });
    expect(workflow.concurrency.group).toContain('pages');
  });

  it('builds with full history, keeps the history on a branch and deploys with the official Pages actions', async () => {
    const { workflow, text } = await initIn('main');
    const build = workflow.jobs.build!;
    expect(build.if).toBe("github.event_name != 'pull_request'");
    expect(step(build, 'actions/checkout@')?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(step(build, 'actions/setup-node@')?.with).toEqual({ 'node-version': 20 });
    expect(named(build, /^Install migratrack$/)?.run).toBe(`npm install --global --no-audit --no-fund migratrack@${VERSION}`);
    expect(named(build, /^Restore history/)?.run).toContain('git fetch --quiet --depth=1 origin "$HISTORY_BRANCH"');
    expect(named(build, /^Build the site$/)?.run).toMatch(/^migratrack build --history "\$HISTORY_FILE" --out dist --base/);
    expect(step(build, 'actions/configure-pages@')).toBeDefined();
    expect(step(build, 'actions/upload-pages-artifact@')?.with).toEqual({ path: 'dist' });
    // Steps run in this order: install, restore, build, then hand the history over.
    const order = build.steps.map((s) => s.name ?? s.uses);
    expect(order.indexOf('Install migratrack')).toBeLessThan(order.indexOf('Build the site'));
    expect(order.indexOf('Restore history from the history branch')).toBeLessThan(order.indexOf('Build the site'));
    expect(order.indexOf('Hand the history to the job that saves it')).toBeGreaterThan(order.indexOf('Build the site'));

    // The push happens in a job of its own that runs git only, after the build.
    const save = workflow.jobs['save-history']!;
    expect(save.needs).toBe('build');
    expect(named(save, /^Save history/)?.run).toContain('git push origin "$commit:refs/heads/$HISTORY_BRANCH"');
    expect(save.steps.map((s) => s.run ?? '').join('\n')).not.toMatch(RUNS_MIGRATRACK);

    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(step(deploy, 'actions/deploy-pages@')).toBeDefined();

    expect(workflow.env).toEqual({ HISTORY_FILE: '.migratrack/history.json', HISTORY_BRANCH: 'migratrack-history' });
    expect(text).toMatch(/caches are evicted after\s+# 7 days/);
    expect(text).toMatch(/artifacts expire/);
  });

  it('runs migratrack check on pull requests against the restored history', async () => {
    const { workflow } = await initIn('main');
    const check = workflow.jobs.check!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(step(check, 'actions/checkout@')?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(named(check, /^Run migratrack check$/)?.run).toMatch(RUNS_MIGRATRACK);
    expect(named(check, /^Restore history/)).toBeDefined();
    const ratchet = named(check, /^Run migratrack check$/)?.run ?? '';
    expect(ratchet).toContain('migratrack check --history "$HISTORY_FILE" --no-backfill');
    // Against the base commit too, scanned file by file: that names the files and lines that rose.
    expect(named(check, /^Record the base branch/)?.run).toContain('migratrack check --quiet --no-backfill --update --baseline "$RUNNER_TEMP/base.json"');
    expect(ratchet).toContain('migratrack check --baseline "$RUNNER_TEMP/base.json" --no-backfill');
    expect(ratchet).toContain('migratrack scan --no-backfill --format markdown');
  });

  it('grants each job only what it needs: writes only in jobs that run no migratrack code', async () => {
    const { workflow } = await initIn('main');
    expect((workflow as unknown as { permissions: unknown }).permissions).toEqual({ contents: 'read' });
    const granted = Object.fromEntries(Object.entries(workflow.jobs).map(([name, job]) => [name, job.permissions ?? null]));
    expect(granted).toEqual({
      build: null,
      'save-history': { contents: 'write' },
      deploy: { pages: 'write', 'id-token': 'write' },
      check: null,
      comment: { 'pull-requests': 'write' },
      'sync-doc': null,
      'sync-pr': { contents: 'write', 'pull-requests': 'write' },
    });
    for (const name of ['save-history', 'deploy', 'comment', 'sync-pr']) {
      const scripts = workflow.jobs[name]!.steps.map((s) => s.run ?? '').join('\n');
      expect(scripts, name).not.toMatch(RUNS_MIGRATRACK);
      expect(workflow.jobs[name]!.steps.some((s) => s.uses?.startsWith('actions/setup-node')), name).toBe(false);
    }
  });

  it('opts in to a nightly sync of the doc proposed as a pull request, never pushed to the default branch', async () => {
    const { workflow } = await initIn('trunk');
    const sync = workflow.jobs['sync-doc']!;
    expect(sync.if).toContain("vars.MIGRATRACK_SYNC_PR == 'true'");
    expect(sync.if).toContain("github.event_name == 'schedule'");
    expect(step(sync, 'actions/checkout')?.with).toEqual({ 'persist-credentials': false });
    expect(named(sync, /^Sync the doc/)?.run).toContain('migratrack sync --write');
    const pr = workflow.jobs['sync-pr']!;
    expect(pr.needs).toBe('sync-doc');
    expect(pr.if).toBe("needs.sync-doc.outputs.changed == 'true'");
    const script = named(pr, /^Open or update the pull request/)?.run ?? '';
    const env = (named(pr, /^Open or update the pull request/) as Step & { env: Record<string, string> }).env;
    expect(env.BRANCH).toBe('migratrack/sync-doc');
    expect(env.BASE).toBe('trunk');
    // The only push is to the proposal branch; the default branch changes only by merging the pull request.
    expect(script.match(/git push[^\n]*/g)).toEqual(['git push --force origin "HEAD:refs/heads/$BRANCH"']);
    expect(script).toContain('gh pr create --base "$BASE" --head "$BRANCH"');
    expect(script).toContain('git apply --numstat');
  });

  it('posts or updates one pull request comment, found by its hidden marker, with gh only', async () => {
    const { workflow } = await initIn('main');
    const comment = workflow.jobs.comment!;
    expect(comment.needs).toBe('check');
    expect(comment.if).toContain('always()');
    const script = named(comment, /^Post or update/)?.run ?? '';
    expect(script).toContain("marker='<!-- migratrack-pr-comment -->'");
    expect(script).toMatch(/gh api --paginate "repos\/\$GITHUB_REPOSITORY\/issues\/\$PR\/comments" --jq .*startswith/);
    expect(script).toContain('gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id"');
    expect(script).toContain('gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR/comments"');
    expect(comment.steps.filter((s) => s.uses !== undefined).map((s) => s.uses)).toEqual(['actions/download-artifact@v4']);
  });

  it('installs migratrack from where --from says: the registry, a git URL, or a tarball in the repository', async () => {
    const install = (w: Workflow) => [named(w.jobs.build!, /^Install migratrack$/)?.run, named(w.jobs.check!, /^Install migratrack$/)?.run];
    const prefix = 'npm install --global --no-audit --no-fund ';
    expect(install((await initIn('main', ['--from', 'npm'])).workflow)).toEqual([`${prefix}migratrack@${VERSION}`, `${prefix}migratrack@${VERSION}`]);
    const git = await initIn('main', ['--from', 'github:my-org/migratrack#v0.1.0']);
    expect(install(git.workflow)).toEqual([`${prefix}github:my-org/migratrack#v0.1.0`, `${prefix}github:my-org/migratrack#v0.1.0`]);
    expect(git.stdout).toContain('installs github:my-org/migratrack#v0.1.0, built by npm in the job');
    expect(install((await initIn('main', ['--from', 'vendor/migratrack-9.9.9.tgz'])).workflow)[0]).toBe(`${prefix}./vendor/migratrack-9.9.9.tgz`);
  });

  it('refuses a --from that is missing, outside the repository, not a source, or would reach the shell', async () => {
    const cwd = gitRepo(tempDir(), { 'docs/T.md': '# T\n' });
    const refuse = async (from: string) => {
      const result = await run(['init', '--from', from], { cwd });
      expect(result.code, from).toBe(2);
      expect(existsSync(path.join(cwd, 'migratrack.config.mjs')), from).toBe(false);
      return result.stderr;
    };
    expect(await refuse('vendor/none.tgz')).toBe('migratrack: --from: vendor/none.tgz does not exist (expected a .tgz file made by `npm pack`, committed in this repository)\n');
    expect(await refuse('../outside.tgz')).toMatch(/^migratrack: --from: \.\.\/outside\.tgz is outside this repository/);
    expect(await refuse('left-pad')).toMatch(/^migratrack: --from: "left-pad" is not a source/);
    expect(await refuse('github:x/y; curl evil | sh')).toMatch(/has characters a workflow's shell would interpret/);
    expect(await refuse('github:x/y\n      - run: evil')).toMatch(/has characters a workflow's shell would interpret/);
  });

  it('writes a config that imports, whatever the doc is called (quotes, backslashes, newlines)', async () => {
    for (const doc of ["docs/team's doc.md", 'docs/a "quoted" \\ doc.md', 'docs/${x}`.md']) {
      const cwd = gitRepo(tempDir(), { [doc]: '# T\n' });
      expect((await run(['init', '--doc', doc], { cwd })).code, doc).toBe(0);
      const module = (await import(`${pathToFileURL(path.join(cwd, 'migratrack.config.mjs')).href}?${Date.now()}`)) as { default: { doc: string } };
      expect(module.default.doc).toBe(doc);
      expect((await loadConfig(cwd))?.config.doc).toBe(doc);
    }
  });

  it('quotes the branch in the workflow, whatever it is called', async () => {
    const { workflow } = await initIn('release/2026#1');
    expect(workflow.on.push).toEqual({ branches: ['release/2026#1'] });
  });

  it('adds ignore entries for what migratrack writes, appending only the missing ones', async () => {
    const cwd = gitRepo(tempDir(), { 'docs/T.md': '# T\n', '.gitignore': 'node_modules\n.migratrack\n*.pyc' });
    const result = await run(['init', '--doc', 'docs/T.md'], { cwd });
    expect(result.stdout).toContain('Added /dist/ to .gitignore');
    expect(readFileSync(path.join(cwd, '.gitignore'), 'utf8')).toBe('node_modules\n.migratrack\n*.pyc\n# Written by migratrack (migratrack init)\n/dist/\n');
    expect((await run(['init', '--force'], { cwd })).stdout).not.toContain('.gitignore');
    expect(readFileSync(path.join(cwd, '.gitignore'), 'utf8')).toBe('node_modules\n.migratrack\n*.pyc\n# Written by migratrack (migratrack init)\n/dist/\n');
    const fresh = gitRepo(tempDir(), { 'docs/T.md': '# T\n' });
    await run(['init'], { cwd: fresh });
    expect(readFileSync(path.join(fresh, '.gitignore'), 'utf8')).toBe('# Written by migratrack (migratrack init)\n/.migratrack/\n/dist/\n');
  });

  it('leaves a .gitignore that is a folder or a symlink alone, and still writes its files', async () => {
    const folder = gitRepo(tempDir(), { 'docs/T.md': '# T\n', '.gitignore/keep': 'x\n' });
    const inFolder = await run(['init', '--doc', 'docs/T.md'], { cwd: folder });
    expect(inFolder.code).toBe(0);
    expect(inFolder.stdout).toContain('Left .gitignore alone (it is a folder): ignore /.migratrack/, /dist/ yourself');
    expect(readdirSync(path.join(folder, '.gitignore'))).toEqual(['keep']);
    expect(existsSync(path.join(folder, 'migratrack.config.mjs'))).toBe(true);

    const linked = gitRepo(tempDir(), { 'docs/T.md': '# T\n', 'elsewhere.txt': 'mine\n' });
    symlinkSync('elsewhere.txt', path.join(linked, '.gitignore'));
    const viaLink = await run(['init', '--doc', 'docs/T.md'], { cwd: linked });
    expect(viaLink.code).toBe(0);
    expect(viaLink.stdout).toContain('Left .gitignore alone (it is a symlink)');
    expect(readFileSync(path.join(linked, 'elsewhere.txt'), 'utf8')).toBe('mine\n');
  });

  it('writes a config that loads and validates, and refuses to overwrite without --force', async () => {
    const { cwd, stdout } = await initIn('main');
    expect(stdout).toContain('Wrote migratrack.config.mjs');
    const loaded = await loadConfig(cwd);
    expect(loaded?.config).toMatchObject({ repo: '.', doc: 'docs/JITTER.md', history: { file: '.migratrack/history.json' }, out: 'dist' });
    expect((await run(['init'], { cwd })).code).toBe(2);
    expect((await run(['init', '--force'], { cwd })).code).toBe(0);
  });
});
