// The snapshot and history files exactly as the build read and validated them (src/lib/site/api-files.ts):
// a build copies them into the site through the direct-pages integration; the dev server serves them here.
import type { APIRoute, GetStaticPaths } from 'astro';
import { API_NAMES, apiBody, apiFiles, queueDirectFiles, siteData } from '../../lib/site/index.js';

export const getStaticPaths = (() => {
  if (!import.meta.env.DEV) {
    queueDirectFiles('api', () => apiFiles(siteData()));
    return [];
  }
  return API_NAMES.map((name) => ({ params: { name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const body = apiBody(siteData(), params.name ?? '');
  return body === null ? new Response(null, { status: 404 }) : new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
