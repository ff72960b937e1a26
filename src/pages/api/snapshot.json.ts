// The snapshot as the site rendered it: the machine-readable API beside the pages.
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/index.js';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(siteData().snapshot, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
