/**
 * A merged build's one route for every repository's pages (issue 24, `build --merge`):
 * `/[repo]/[...page]`, rendered by src/merged/repo-page.astro. Injected only when the pipeline
 * names the repositories (MIGRATRACK_MERGE_MANIFEST); a single repository's build has no such route.
 */
export function mergedRepos({ entrypoint }) {
  return {
    name: 'migratrack-merged-repos',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!process.env.MIGRATRACK_MERGE_MANIFEST) return;
        injectRoute({ pattern: '/[repo]/[...page]', entrypoint, prerender: true });
      },
    },
  };
}
