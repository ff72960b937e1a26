import { describe, expect, it } from 'vitest';
import { webUrlFromRemote } from '../../src/lib/pipeline/remote-url.js';

describe('webUrlFromRemote', () => {
  it.each([
    ['git@github.com:acme/etl.git', 'https://github.com/acme/etl', 'github'],
    ['https://github.com/acme/etl', 'https://github.com/acme/etl', 'github'],
    ['https://token@github.com/acme/etl.git/', 'https://github.com/acme/etl', 'github'],
    ['ssh://git@gitlab.com/group/sub/etl.git', 'https://gitlab.com/group/sub/etl', 'gitlab'],
    ['git@bitbucket.org:team/etl.git', 'https://bitbucket.org/team/etl', 'bitbucket'],
    ['https://gitlab.example.com/a/b.git', 'https://gitlab.example.com/a/b', 'gitlab'],
  ])('%s', (remote, webUrl, host) => {
    expect(webUrlFromRemote(remote)).toEqual({ webUrl, host });
  });

  it.each(['/srv/git/etl.git', 'file:///srv/git/etl.git', 'https://example.com/a/b.git', 'git@github.com:lonely', ''])(
    'returns null for %j',
    (remote) => {
      expect(webUrlFromRemote(remote)).toBeNull();
    },
  );
});
