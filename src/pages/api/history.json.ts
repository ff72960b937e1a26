// The history file exactly as the build read it (an empty series when there was none; src/lib/site/api-files.ts).
import type { APIRoute } from 'astro';
import { apiBody, siteData } from '../../lib/site/index.js';

export const GET: APIRoute = () => new Response(apiBody(siteData(), 'history'), { headers: { 'Content-Type': 'application/json' } });
