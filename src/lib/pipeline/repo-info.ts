/**
 * Facts about the target repository the snapshot records: is it a git work tree, which commit,
 * where it lives on the web, and which commit last touched the tracking doc.
 */
import { realpath } from 'node:fs/promises';
import { gitText } from '../git/run.js';
import { hostKind, webUrlFromRemote, type WebHost } from './remote-url.js';

export interface RepoInfo {
  root: string;
  isGit: boolean;
  commit: string | null;
  /** YYYY-MM-DD (UTC) of the commit's committer date. */
  commitDate: string | null;
  /** The commit's committer time in UTC (ISO), or null without a commit. */
  committedAt: string | null;
  docCommit: string | null;
  webUrl: string | null;
  host: WebHost | null;
}

/** Trimmed stdout, or null when git fails (or is not installed: a plain folder then). */
async function git(root: string, args: string[]): Promise<string | null> {
  return gitText(root, ['-C', root, ...args]).catch(() => null);
}

/**
 * A directory counts as a git target only when it is the top of a work tree: a plain folder that
 * happens to sit inside another checkout must not pick up that checkout's history.
 */
export async function readRepoInfo(
  root: string,
  docPath: string,
  configuredWebUrl: string | null,
  fromRemote: boolean,
): Promise<RepoInfo> {
  const top = await git(root, ['rev-parse', '--show-toplevel']);
  const isGit = top !== null && (await realpath(top)) === (await realpath(root));
  if (!isGit) {
    const host = configuredWebUrl ? hostKind(configuredWebUrl) : null;
    return { root, isGit, commit: null, commitDate: null, committedAt: null, docCommit: null, webUrl: host ? configuredWebUrl : null, host };
  }
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const committedAt = commit ? await git(root, ['log', '-1', '--format=%cI', commit, '--']) : null;
  const docCommit = commit ? await git(root, ['log', '-1', '--format=%H', '--', docPath]) : null;
  let web = configuredWebUrl ? { webUrl: configuredWebUrl.replace(/\/+$/, ''), host: hostKind(configuredWebUrl) } : null;
  if (!web && fromRemote) {
    const remote = await git(root, ['remote', 'get-url', 'origin']);
    web = remote ? webUrlFromRemote(remote) : null;
  }
  return {
    root,
    isGit,
    commit: commit || null,
    commitDate: committedAt ? new Date(committedAt).toISOString().slice(0, 10) : null,
    committedAt: committedAt ? new Date(committedAt).toISOString() : null,
    docCommit: docCommit || null,
    webUrl: web?.host ? web.webUrl : null,
    host: web?.host ?? null,
  };
}
