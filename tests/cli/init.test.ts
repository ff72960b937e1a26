/** `migratrack init`: the written config loads, the workflow parses as YAML and has the steps it promises. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/lib/config/index.js';
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

async function initIn(branch: string): Promise<{ cwd: string; workflow: Workflow; text: string; stdout: string }> {
  const cwd = gitRepo(tempDir(), { 'docs/JITTER.md': '# Jitter\n' }, branch);
  const result = await run(['init', '--doc', 'docs/JITTER.md'], { cwd });
  expect(result.code).toBe(0);
  const text = readFileSync(path.join(cwd, '.github/workflows/migratrack.yml'), 'utf8');
  return { cwd, text, workflow: parse(text) as Workflow, stdout: result.stdout };
}

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
    expect(build.permissions).toEqual({ contents: 'write' });
    expect(step(build, 'actions/checkout@')?.with).toEqual({ 'fetch-depth': 0 });
    expect(step(build, 'actions/setup-node@')?.with).toEqual({ 'node-version': 20 });
    expect(named(build, /^Install dependencies$/)?.run).toBe('npm ci');
    expect(named(build, /^Restore history/)?.run).toContain('git fetch --quiet --depth=1 origin "$HISTORY_BRANCH"');
    expect(named(build, /^Build the site$/)?.run).toMatch(/^npx --yes migratrack@\S+ build --history "\$HISTORY_FILE" --out dist --base/);
    expect(named(build, /^Save history/)?.run).toContain('git push origin "$commit:refs/heads/$HISTORY_BRANCH"');
    expect(step(build, 'actions/configure-pages@')).toBeDefined();
    expect(step(build, 'actions/upload-pages-artifact@')?.with).toEqual({ path: 'dist' });
    // Steps run in this order: restore before build, save after it, upload last.
    const order = build.steps.map((s) => s.name ?? s.uses);
    expect(order.indexOf('Restore history from the history branch')).toBeLessThan(order.indexOf('Build the site'));
    expect(order.indexOf('Save history to the history branch')).toBeGreaterThan(order.indexOf('Build the site'));

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
    expect(step(check, 'actions/checkout@')?.with).toEqual({ 'fetch-depth': 0 });
    expect(named(check, /^Restore history/)).toBeDefined();
    expect(named(check, /^Run migratrack check$/)?.run).toMatch(/^npx --yes migratrack@\S+ check --history "\$HISTORY_FILE"$/);
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
