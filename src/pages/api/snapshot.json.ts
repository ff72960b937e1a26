// The snapshot file exactly as the build read it and validated it: the machine-readable API beside
// the pages (src/lib/site/api-files.ts). Read here, when the file is written, not held all build.
import type { APIRoute } from 'astro';
import { apiBody, siteData } from '../../lib/site/index.js';

export const GET: APIRoute = () => new Response(apiBody(siteData(), 'snapshot'), { headers: { 'Content-Type': 'application/json' } });
