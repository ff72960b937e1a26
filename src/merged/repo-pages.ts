/// <reference types="astro/client" />
/**
 * The pages of every repository of a merged build (issue 24, `build --merge`), as one Astro route
 * (`/[repo]/[...page]`, src/merged/repo-page.astro, injected by src/integrations/merged-repos.mjs).
 * Each of a repository's pages is the very page a single repository's build renders (the modules
 * of src/pages, imported here), asked for its paths and rendered with that repository current
 * (src/lib/site/repo-scope.ts). The paths come repository by repository, so the pages are rendered
 * in that order and only one repository's data is loaded at a time. The file pages and redirects,
 * which a single build writes at its end (the direct-pages integration), are written while the
 * repository's paths are listed, its data loaded once for both.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import * as Dashboard from '../pages/index.astro';
import * as Changes from '../pages/changes/index.astro';
import * as Diagnostics from '../pages/diagnostics/index.astro';
import * as DocPage from '../pages/doc/index.astro';
import * as Drift from '../pages/drift/index.astro';
import * as Milestones from '../pages/milestones/index.astro';
import * as FileIndex from '../pages/files/index.astro';
import * as NotFound from '../pages/404.astro';
import * as Category from '../pages/categories/[id].astro';
import * as Metric from '../pages/metrics/[id].astro';
import * as Item from '../pages/items/[id].astro';
import * as FileListPage from '../pages/file-list/[page].astro';
import * as FilePage from '../pages/files/[...path].astro';
import * as NotePage from '../pages/notes/[...slug].astro';
import { captureDirectFiles, iterateInRepo, mergeManifest, withRepo, type MergedRepo, type SiteFile } from '../lib/site/index.js';
import { writeSiteFiles } from '../integrations/direct-pages.mjs';

type Params = Record<string, string | undefined>;
interface StaticPath {
  params: Params;
  props?: Record<string, unknown>;
}
/** A page module of src/pages as Vite gives it: the component and, for a dynamic route, its paths. */
interface PageModule {
  default: AstroComponentFactory;
  getStaticPaths?: (options: never) => StaticPath[];
}

/** A route of a repository's site: its module and its path under `<base><name>/` for the params. */
interface RepoRoute {
  module: PageModule;
  path: (params: Params) => string;
}

const fixed = (module: unknown, path: string): RepoRoute => ({ module: module as PageModule, path: () => path });
const dynamic = (module: unknown, prefix: string, param: string): RepoRoute => ({ module: module as PageModule, path: (params) => `${prefix}/${params[param]}` });

/** Every route of src/pages that renders a page (the endpoints are written by the merge itself). */
export const REPO_ROUTES: Record<string, RepoRoute> = {
  dashboard: fixed(Dashboard, ''),
  changes: fixed(Changes, 'changes'),
  diagnostics: fixed(Diagnostics, 'diagnostics'),
  doc: fixed(DocPage, 'doc'),
  drift: fixed(Drift, 'drift'),
  milestones: fixed(Milestones, 'milestones'),
  files: fixed(FileIndex, 'files'),
  // Written as 404/index.html; the merge moves it to 404.html, where a single build has it.
  notFound: fixed(NotFound, '404'),
  category: dynamic(Category, 'categories', 'id'),
  metric: dynamic(Metric, 'metrics', 'id'),
  item: dynamic(Item, 'items', 'id'),
  fileList: dynamic(FileListPage, 'file-list', 'page'),
  file: dynamic(FilePage, 'files', 'path'),
  note: dynamic(NotePage, 'notes', 'slug'),
};

/** The props of one repository page: which repository, which route, and that route's own params and props. */
// A type, not an interface: Astro's props are a string-keyed record, which only a type alias satisfies.
export type RepoPageProps = {
  repo: MergedRepo;
  route: string;
  routeParams: Params;
  routeProps: Record<string, unknown>;
};

/** A repository's paths, route by route, as its own build would list them. */
function pathsOf(route: RepoRoute): StaticPath[] {
  return route.module.getStaticPaths ? route.module.getStaticPaths({} as never) : [{ params: {} }];
}

/**
 * The merged build's paths (`/[repo]/[...page]`), repository by repository; each repository's
 * file pages and redirects are written into the output folder (MIGRATRACK_OUT_DIR) on the way.
 */
export function repoPagePaths(): { params: { repo: string; page: string | undefined }; props: RepoPageProps }[] {
  const manifest = mergeManifest();
  const outDir = process.env.MIGRATRACK_OUT_DIR;
  if (manifest === null) return [];
  if (!outDir) throw new Error('migratrack: a merged build needs MIGRATRACK_OUT_DIR');
  const out: { params: { repo: string; page: string | undefined }; props: RepoPageProps }[] = [];
  for (const repo of manifest.repos) {
    const captured = withRepo(repo, () =>
      captureDirectFiles(() => {
        for (const [key, route] of Object.entries(REPO_ROUTES)) {
          for (const p of pathsOf(route)) {
            const page = route.path(p.params);
            out.push({ params: { repo: repo.name, page: page === '' ? undefined : page }, props: { repo, route: key, routeParams: p.params, routeProps: p.props ?? {} } });
          }
        }
      }),
    );
    writeSiteFiles(outDir, repoFiles(repo, captured.values()));
  }
  return out;
}

/** A repository's direct files under `<name>/`, each made with the repository current. */
function* repoFiles(repo: MergedRepo, routes: Iterable<() => Iterable<SiteFile>>): Generator<SiteFile> {
  for (const files of routes) {
    for (const { file, html } of iterateInRepo(repo, files)) yield { file: `${repo.name}/${file}`, html };
  }
}
