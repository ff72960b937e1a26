// "migration 22%" for READMEs: verified completion, rendered by src/lib/site/badge.ts.
import type { APIRoute } from 'astro';
import { siteData, snapshotBadge } from '../lib/site/index.js';

export const GET: APIRoute = () => new Response(snapshotBadge(siteData().snapshot), { headers: { 'Content-Type': 'image/svg+xml' } });
