/**
 * Where the workflow that `init` writes installs migratrack from (`init --from`), as the argument
 * of its `npm install --global` step. Issue 23: the workflow used to run a registry version that
 * did not exist, so its first run failed. Each source is one npm package spec:
 * - `npm` (default): the registry, pinned to this version (`migratrack@0.1.0`);
 * - a git URL (`git+https://…`, `github:owner/repo#ref`, …): npm clones it and builds the package
 *   in the job (its prepack script compiles it);
 * - a tarball in the repository (`vendor/migratrack-0.1.0.tgz`, made by `npm pack`).
 * The spec goes into a YAML `run:` line that a shell runs, so it is restricted to characters that
 * mean nothing to either.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { MigratrackError } from '../../errors.js';

export interface InstallSource {
  /** What `npm install --global` is given in the workflow. */
  spec: string;
  /** For the message after init: where the workflow gets migratrack from. */
  description: string;
}

const SAFE_SPEC = /^[A-Za-z0-9@._/:#+~=-]+$/;
const GIT_SPEC = /^(git\+(https|ssh|file):\/\/|git:\/\/|(github|gitlab|bitbucket):)/;

export function installSource(from: string | undefined, version: string, cwd: string): InstallSource {
  if (from === undefined || from === 'npm') {
    return { spec: `migratrack@${version}`, description: `migratrack@${version} from the npm registry` };
  }
  if (!SAFE_SPEC.test(from)) {
    throw new MigratrackError('usage', `--from: "${from}" has characters a workflow's shell would interpret (expected npm, a git URL or a .tgz path of letters, digits and @._/:#+~=-)`);
  }
  if (GIT_SPEC.test(from)) return { spec: from, description: `${from}, built by npm in the job` };
  if (from.endsWith('.tgz')) return tarballSource(from, cwd);
  throw new MigratrackError('usage', `--from: "${from}" is not a source (expected npm, a git URL such as github:owner/migratrack#v0.1.0, or a .tgz file in this repository made by npm pack)`);
}

function tarballSource(from: string, cwd: string): InstallSource {
  const file = path.resolve(cwd, from);
  const relative = path.relative(cwd, file);
  // The job checks out the repository and installs from its working tree: the file must be in it.
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new MigratrackError('usage', `--from: ${from} is outside this repository (expected a .tgz file committed in it, e.g. vendor/migratrack-0.1.0.tgz)`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new MigratrackError('usage', `--from: ${from} does not exist (expected a .tgz file made by \`npm pack\`, committed in this repository)`);
  }
  const posix = relative.split(path.sep).join('/');
  return { spec: `./${posix}`, description: `${posix}, a tarball committed in this repository` };
}
