/** `migratrack init --org` (issue 24): the workflow it writes, read as YAML, and the org config it starts from. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OrgConfig } from '../../src/lib/config/index.js';
import { gitRepo, run, tempDir } from '../cli/helpers.js';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; 'working-directory'?: string }
interface Job { needs?: string | string[]; if?: string; permissions?: Record<string, string>; strategy?: { matrix: Record<string, unknown>; 'fail-fast'?: boolean }; steps: Step[]; env?: Record<string, string> }

async function initOrg(extra: string[] = []) {
  const dir = gitRepo(tempDir(), { 'README.md': '# org site\n' });
  const result = await run(['init', '--org', ...extra], { cwd: dir });
  return { dir, result };
}

describe('init --org', () => {
  it('writes a matrix over the org config, a merge, and a Pages deploy, with official actions and least privilege', async () => {
    const { dir, result } = await initOrg();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote .github/workflows/migratrack-org.yml');
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/migratrack-org.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, Job> };
    const { plan, scan, merge, deploy } = workflow.jobs as Record<string, Job>;
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(plan!.steps.some((s) => s.run?.includes("jq -c '[.repos[] | {name, repository}]' migratrack.org.json"))).toBe(true);
    expect(scan!.strategy).toMatchObject({ 'fail-fast': false, matrix: { repo: '${{ fromJSON(needs.plan.outputs.repos) }}' } });
    const checkout = scan!.steps.find((s) => s.uses?.startsWith('actions/checkout') && s.with?.repository !== undefined);
    expect(checkout?.with).toMatchObject({ repository: '${{ matrix.repo.repository }}', 'fetch-depth': 0, 'persist-credentials': false });
    const scanStep = scan!.steps.find((s) => s.run?.startsWith('migratrack scan'));
    expect(scanStep?.run).toBe('migratrack scan --shard "$SHARD" --repo . --org-config ../org/migratrack.org.json --out "../shards/$SHARD.json"');
    expect(scan!.env).toEqual({ SHARD: '${{ matrix.repo.name }}' });
    expect(scan!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with).toMatchObject({ name: 'shard-${{ matrix.repo.name }}' });
    expect(merge).toMatchObject({ needs: 'scan', if: '${{ !cancelled() }}' });
    expect(merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))?.with).toMatchObject({ pattern: 'shard-*', path: 'shards', 'merge-multiple': true });
    expect(merge!.steps.some((s) => s.run?.includes("--merge 'shards/*.json'") && s.run.includes('--org-config migratrack.org.json'))).toBe(true);
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name !== 'deploy') expect(job.permissions).toBeUndefined();
      for (const step of job.steps) if (step.uses !== undefined) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    }
  });

  it('starts an org config that validates, keeps an existing one, and refuses to overwrite the workflow without --force', async () => {
    const { dir } = await initOrg();
    const config = path.join(dir, 'migratrack.org.json');
    expect(OrgConfig.safeParse(JSON.parse(readFileSync(config, 'utf8'))).success).toBe(true);
    writeFileSync(config, '{"repos": [{"name": "mine", "repository": "me/mine"}]}\n');
    const again = await run(['init', '--org'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^migratrack: \.github\/workflows\/migratrack-org\.yml already exists \(pass --force to overwrite\)/);
    const forced = await run(['init', '--org', '--force'], { cwd: dir });
    expect(forced.stdout).toContain('Kept migratrack.org.json as it is');
    expect(readFileSync(config, 'utf8')).toBe('{"repos": [{"name": "mine", "repository": "me/mine"}]}\n');
  });

  it('installs a tarball committed in the org repository from where the scan job checks it out', async () => {
    const dir = gitRepo(tempDir(), { 'vendor/migratrack-0.1.0.tgz': 'x' });
    expect((await run(['init', '--org', '--from', 'vendor/migratrack-0.1.0.tgz'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(path.join(dir, '.github/workflows/migratrack-org.yml'), 'utf8');
    expect(text).toContain('npm install --global --no-audit --no-fund ./org/vendor/migratrack-0.1.0.tgz');
    expect(text).toContain('npm install --global --no-audit --no-fund ./vendor/migratrack-0.1.0.tgz');
  });
});

describe('docs/ORG.md', () => {
  it('shows the workflow init --org writes, as it writes it with the defaults', async () => {
    const dir = gitRepo(tempDir(), { 'README.md': '# org\n' });
    expect((await run(['init', '--org'], { cwd: dir })).code).toBe(0);
    const written = readFileSync(path.join(dir, '.github/workflows/migratrack-org.yml'), 'utf8').replace(/migratrack@\d+\.\d+\.\d+/g, 'migratrack@0.1.0');
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/ORG.md'), 'utf8');
    expect(doc).toContain(`\`\`\`yaml\n${written.trimEnd()}\n\`\`\``);
  });
});
