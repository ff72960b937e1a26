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
  // The questions are independent: asked at once, they cost one git start-up of wall time, not
  // four (issue 21). HEAD's id and time come from one log call (none on an unborn branch).
  const configured = configuredWebUrl ? { webUrl: configuredWebUrl.replace(/\/+$/, ''), host: hostKind(configuredWebUrl) } : null;
  const [top, head, docCommit, remote] = await Promise.all([
    git(root, ['rev-parse', '--show-toplevel']),
    git(root, ['log', '-1', '--format=%H%n%cI', 'HEAD', '--']),
    git(root, ['log', '-1', '--format=%H', 'HEAD', '--', docPath]),
    !configured && fromRemote ? git(root, ['remote', 'get-url', 'origin']) : Promise.resolve(null),
  ]);
  const isGit = top !== null && (await realpath(top)) === (await realpath(root));
  if (!isGit) {
    const host = configuredWebUrl ? hostKind(configuredWebUrl) : null;
    return { root, isGit, commit: null, commitDate: null, committedAt: null, docCommit: null, webUrl: host ? configuredWebUrl : null, host };
  }
  const [commit = '', committedAt = ''] = head?.split('\n') ?? [];
  const web = configured ?? (remote ? webUrlFromRemote(remote) : null);
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
