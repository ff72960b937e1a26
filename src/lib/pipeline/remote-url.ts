/**
 * Turns a git remote URL into the repository's web address, so pages can link to a file at a
 * commit and to the doc's line. Only the three hosts whose URL forms we know are recognised.
 */
export type WebHost = 'github' | 'gitlab' | 'bitbucket';

export interface RepoWeb {
  webUrl: string;
  host: WebHost;
}

const SCP_LIKE = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/; // git@github.com:org/repo.git

/** Recognises https, ssh:// and scp-like remotes; returns null for unknown hosts or local paths. */
export function webUrlFromRemote(remote: string): RepoWeb | null {
  const trimmed = remote.trim();
  let hostname: string;
  let pathname: string;
  if (/^[a-z+]+:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return null;
    }
    if (url.protocol === 'file:') return null;
    hostname = url.hostname;
    pathname = url.pathname;
  } else {
    const scp = SCP_LIKE.exec(trimmed);
    if (!scp || !scp[1] || !scp[2]) return null;
    hostname = scp[1];
    pathname = `/${scp[2]}`;
  }
  const host = hostKind(hostname);
  const repoPath = pathname.replace(/\/+$/, '').replace(/\.git$/, '').replace(/^\/+/, '');
  if (!host || repoPath.split('/').length < 2) return null;
  return { webUrl: `https://${hostname}/${repoPath}`, host };
}

/** The web host a configured URL (or hostname) belongs to. */
export function hostKind(hostnameOrUrl: string): WebHost | null {
  const name = hostnameOrUrl.toLowerCase();
  if (name.includes('github')) return 'github';
  if (name.includes('gitlab')) return 'gitlab';
  if (name.includes('bitbucket')) return 'bitbucket';
  return null;
}
