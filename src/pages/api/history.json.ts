// The history file exactly as the build read it (an empty series when there was none).
import type { APIRoute } from 'astro';
import { HISTORY_SCHEMA_VERSION } from '../../lib/history/schema.js';
import { siteData } from '../../lib/site/index.js';

export const GET: APIRoute = () => {
  const { historyBytes } = siteData();
  const body = historyBytes ?? `${JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, repo: null, records: [] }, null, 2)}\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
