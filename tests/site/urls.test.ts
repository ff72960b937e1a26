import { describe, expect, it } from 'vitest';
import { absoluteUrl, encodePath, filePageUrl, joinBase, normaliseBase, repoCommitUrl, repoFileUrl } from '../../src/lib/site/urls.js';
import { IMG } from './fixtures/hostile.js';

describe('urls', () => {
  it('joins the base path with site-relative URLs, which arrive encoded and are not encoded twice', () => {
    expect(joinBase('/', 'files/a/b.py/')).toBe('/files/a/b.py/');
    expect(joinBase('/migration/', 'files/a%20b.py/')).toBe('/migration/files/a%20b.py/');
    expect(joinBase('/migration/', filePageUrl('a b.py'))).toBe('/migration/files/a%20b.py/');
    expect(joinBase('/migration', '/drift/')).toBe('/migration/drift/');
    expect(joinBase('/', '')).toBe('/');
    expect(encodePath(`x/${IMG}`)).toBe('x/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  });

  it('normalises bases', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('migration')).toBe('/migration/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
  });

  it('builds absolute URLs from the site origin when known', () => {
    expect(absoluteUrl({ base: '/migration/', site: 'https://x.github.io/migration/' }, 'files/a.py/')).toBe('https://x.github.io/migration/files/a.py/');
    expect(absoluteUrl({ base: '/', site: null }, 'files/a.py/')).toBe('/files/a.py/');
  });

  it('uses each host’s permalink form', () => {
    const sha = 'abc123';
    expect(repoFileUrl('github', 'https://github.com/o/r', sha, 'a/b.py', 10)).toBe('https://github.com/o/r/blob/abc123/a/b.py#L10');
    expect(repoFileUrl('gitlab', 'https://gitlab.com/o/r/', sha, 'a/b.py', 10)).toBe('https://gitlab.com/o/r/-/blob/abc123/a/b.py#L10');
    expect(repoFileUrl('bitbucket', 'https://bitbucket.org/o/r', sha, 'a/b.py', 10)).toBe('https://bitbucket.org/o/r/src/abc123/a/b.py#lines-10');
    expect(repoFileUrl('github', 'https://github.com/o/r', sha, 'a b.py')).toBe('https://github.com/o/r/blob/abc123/a%20b.py');
    expect(repoFileUrl(null, 'https://github.com/o/r', sha, 'a.py', 1)).toBeNull();
    expect(repoFileUrl('github', null, sha, 'a.py', 1)).toBeNull();
    expect(repoFileUrl('github', 'https://github.com/o/r', null, 'a.py', 1)).toBeNull();
    expect(repoCommitUrl('gitlab', 'https://gitlab.com/o/r', sha)).toBe('https://gitlab.com/o/r/-/commit/abc123');
  });
});
