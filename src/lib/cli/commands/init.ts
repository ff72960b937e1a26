/**
 * `migratrack init`: writes a commented config and a GitHub Actions workflow that publishes the
 * site to Pages on a schedule and runs the ratchet on pull requests, and adds .gitignore entries
 * for what migratrack writes. Refuses to overwrite either file without --force, and checks both
 * (and --from) before writing so nothing is half-done.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MigratrackError } from '../../errors.js';
import { runGitSync } from '../../git/run.js';
import { stringOption, type CommandSpec } from '../spec.js';
import { VERSION } from '../version.js';
import { addIgnoreEntries } from './ignore-entries.js';
import { installSource } from './install-source.js';
import { PATTERN_OPTIONS, planPatternStart, writePatternDoc } from './init-pattern.js';

export const CONFIG_FILE = 'migratrack.config.mjs';
export const WORKFLOW_FILE = '.github/workflows/migratrack.yml';
/** What migratrack writes in a repository: the snapshot and local history, and the site. */
export const IGNORE_ENTRIES = ['/.migratrack/', '/dist/'];

async function template(name: string): Promise<string> {
  return readFile(new URL(`../templates/${name}`, import.meta.url), 'utf8');
}

/** Fills `{{KEY}}` placeholders (GitHub's own `${{ expr }}` has spaces, so it never matches). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The branch pushes publish from: origin's default, else the current branch, else "main". */
export function defaultBranch(cwd: string): string {
  for (const args of [['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], ['symbolic-ref', '--short', 'HEAD']]) {
    // Not a git repository, or no such ref (non-zero exit): try the next source.
    const result = runGitSync(cwd, args);
    const ref = result.code === 0 ? result.stdout.toString('utf8').trim() : '';
    if (ref !== '') return ref.replace(/^origin\//, '');
  }
  return 'main';
}

export const initCommand: CommandSpec = {
  name: 'init',
  summary: 'Write a commented config and a GitHub Pages workflow',
  description: `Writes ${CONFIG_FILE} and ${WORKFLOW_FILE} in the current folder (your repository's root).\nThe workflow rebuilds the site nightly and on pushes, keeps the history on a \`migratrack-history\`\nbranch, deploys to GitHub Pages, and runs \`migratrack check\` on pull requests.`,
  options: [
    { flags: '--doc <path>', description: 'Tracking doc to put in the config (default: docs/TRACKING.md)' },
    { flags: '--from <source>', description: 'Where the workflow installs migratrack: npm (default), a git URL, or a .tgz in the repo' },
    { flags: '--force', description: 'Overwrite existing files' },
    { flags: '--org', description: 'Instead: the workflow for a migration across many repositories (docs/ORG.md)' },
    ...PATTERN_OPTIONS,
  ],
  examples: [
    ['init --doc docs/JITTER-ADOPTION-TRACKING.md', 'set up this repository'],
    ['init --from vendor/migratrack-0.1.0.tgz', 'the workflow installs the tarball committed there'],
    ['init --from github:my-org/migratrack#v0.1.0', 'the workflow installs from git'],
    ['init --force', 'rewrite both files from the current templates'],
    ["init --pattern 'requests\\.(get|post)\\(' --include '*.py' --weeks 6", 'no doc yet: write one listing every matching file'],
  ],
  async run(ctx) {
    if (ctx.options.org === true) {
      if (ctx.options.pattern !== undefined) throw new MigratrackError('usage', '--org and --pattern cannot be combined: --pattern starts one repository\'s doc');
      return (await import('./init-org.js')).runInitOrg(ctx);
    }
    const [{ CONFIG_FILE_NAMES, DEFAULT_HISTORY_FILE }, { writeFileAtomic }] = await Promise.all([import('../../config/index.js'), import('../check/index.js')]);
    const cwd = ctx.io.cwd;
    const force = ctx.options.force === true;
    const existing = [...CONFIG_FILE_NAMES, WORKFLOW_FILE].filter((name) => existsSync(path.join(cwd, name)));
    if (existing.length > 0 && !force) {
      throw new MigratrackError('usage', `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} (pass --force to overwrite)`);
    }
    const source = installSource(stringOption(ctx.options, 'from'), VERSION, cwd);
    const fromPattern = await planPatternStart(ctx, cwd, stringOption(ctx.options, 'doc') ?? 'docs/TRACKING.md');
    const branch = defaultBranch(cwd);
    // Values go into a JavaScript file and a YAML file as literals (JSON strings are both), never
    // pasted raw: a doc named "team's doc.md" broke the config's quotes (issue 20).
    const values = {
      DOC_JS: JSON.stringify(stringOption(ctx.options, 'doc') ?? 'docs/TRACKING.md'),
      HISTORY_FILE: DEFAULT_HISTORY_FILE,
      HISTORY_FILE_JS: JSON.stringify(DEFAULT_HISTORY_FILE),
      DEFAULT_BRANCH: branch,
      DEFAULT_BRANCH_JSON: JSON.stringify(branch),
      INSTALL_SPEC: source.spec,
      INSTALL_FROM: source.description,
      METRICS: fromPattern === null ? '' : `\n    ${fromPattern.metric},`,
    };
    if (fromPattern !== null) await writePatternDoc(fromPattern);
    await writeFileAtomic(path.join(cwd, CONFIG_FILE), fill(await template('migratrack.config.mjs.tmpl'), values));
    await writeFileAtomic(path.join(cwd, WORKFLOW_FILE), fill(await template('migratrack.yml.tmpl'), values));
    const ignored = await addIgnoreEntries(path.join(cwd, '.gitignore'), IGNORE_ENTRIES);
    ctx.print(
      [
        `Wrote ${CONFIG_FILE}`,
        `Wrote ${WORKFLOW_FILE} (publishes from ${branch}; installs ${source.description})`,
        ...(fromPattern !== null ? [`Wrote ${path.relative(cwd, fromPattern.docFile)}: ${fromPattern.files} matching files`] : []),
        ...('leftAlone' in ignored
          ? [`Left .gitignore alone (${ignored.leftAlone}): ignore ${IGNORE_ENTRIES.join(', ')} yourself`]
          : ignored.added.length > 0
            ? [`Added ${ignored.added.join(', ')} to .gitignore`]
            : []),
        ...(source.spec.startsWith('migratrack@') ? [`Until ${source.spec} is on the npm registry, run init again with --from a git URL or a tarball (see --help).`] : []),
        '',
        'Next:',
        `  1. Check \`doc\` in ${CONFIG_FILE}, then run \`migratrack build\` and \`migratrack preview\` to see the site.`,
        '  2. In GitHub: Settings → Pages → Source: "GitHub Actions".',
        '  3. Commit both files and push; the first run backfills the history from git.',
        '',
      ].join('\n'),
    );
    return 0;
  },
};
