/**
 * `migratrack init --org` (issue 24): in the repository that publishes a migration spanning many
 * repositories, writes the GitHub Actions workflow (a scan matrix over migratrack.org.json, a merge,
 * a Pages deploy; official actions only) and, when there is none yet, an org config to fill in.
 * Refuses to overwrite either without --force.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ORG_CONFIG_FILE, type OrgConfigInput } from '../../config/index.js';
import { MigratrackError } from '../../errors.js';
import { writeFileAtomic } from '../check/index.js';
import { stringOption, type CommandContext } from '../spec.js';
import { VERSION } from '../version.js';
import { defaultBranch, fill } from './init.js';
import { installSource } from './install-source.js';

export const ORG_WORKFLOW_FILE = '.github/workflows/migratrack-org.yml';

/** The org config `init --org` starts from: one repository with a doc, one tracked by a pattern. */
export const ORG_CONFIG_EXAMPLE: OrgConfigInput = {
  title: 'Client pool migration',
  repos: [
    { name: 'billing-api', repository: 'my-org/billing-api', doc: 'docs/MIGRATION.md' },
    { name: 'legacy-jobs', repository: 'my-org/legacy-jobs' },
  ],
  metrics: [{ id: 'old-client', name: 'Direct bigquery.Client( calls', pattern: 'bigquery.Client(', flavour: 'fixed' }],
};

export async function runInitOrg(ctx: CommandContext): Promise<number> {
  const cwd = ctx.io.cwd;
  const force = ctx.options.force === true;
  const workflow = path.join(cwd, ORG_WORKFLOW_FILE);
  const config = path.join(cwd, ORG_CONFIG_FILE);
  if (existsSync(workflow) && !force) throw new MigratrackError('usage', `${ORG_WORKFLOW_FILE} already exists (pass --force to overwrite)`);
  const source = installSource(stringOption(ctx.options, 'from'), VERSION, cwd);
  const branch = defaultBranch(cwd);
  const template = await readFile(new URL('../templates/migratrack-org.yml.tmpl', import.meta.url), 'utf8');
  const values = {
    DEFAULT_BRANCH_JSON: JSON.stringify(branch),
    INSTALL_SPEC: source.spec,
    // The scan job checks this repository out into org/: a tarball committed here is there.
    INSTALL_SPEC_ORG: source.spec.startsWith('./') ? `./org/${source.spec.slice(2)}` : source.spec,
    INSTALL_FROM: source.description,
  };
  await writeFileAtomic(workflow, fill(template, values));
  const wroteConfig = !existsSync(config);
  if (wroteConfig) await writeFileAtomic(config, `${JSON.stringify(ORG_CONFIG_EXAMPLE, null, 2)}\n`);
  ctx.print(
    [
      `Wrote ${ORG_WORKFLOW_FILE} (nightly and on pushes to ${branch}; installs ${source.description})`,
      wroteConfig ? `Wrote ${ORG_CONFIG_FILE}: list your repositories in it` : `Kept ${ORG_CONFIG_FILE} as it is`,
      '',
      'Next:',
      `  1. List every repository in ${ORG_CONFIG_FILE} (name, owner/repository, doc if it has one; \`metrics\` for those without).`,
      '  2. In GitHub: Settings → Pages → Source: "GitHub Actions"; for private repositories a MIGRATRACK_READ_TOKEN secret.',
      '  3. Commit both files and push (docs/ORG.md).',
      '',
    ].join('\n'),
  );
  return 0;
}
