// The history series (an empty one when the build had none), for tools and other dashboards.
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/index.js';

export const GET: APIRoute = () => {
  const { historyFile } = loadSiteData();
  const body = historyFile ?? { schemaVersion: 1, repo: null, records: [] };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
