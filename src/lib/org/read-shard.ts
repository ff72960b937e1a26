/**
 * Reading one shard's text for a merge. Three outcomes, because the dashboard treats them apart
 * (issue 24): another tool or format version refuses the whole merge (its figures may mean other
 * things: exit 2, naming the file); a corrupt or invalid shard is one repository shown as "failed"
 * with the reason; a good one is returned validated.
 */
import { MigratrackError } from '../errors.js';
import { issueMessage } from '../schema-issues.js';
import { Shard, ShardHeader, ShardSummary, SHARD_FORMAT, SHARD_VERSION } from './schema.js';
import { HISTORY_SCHEMA_VERSION } from '../history/schema.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../snapshot/schema.js';

export type ShardReading<T = Shard> = { ok: true; shard: T } | { ok: false; reason: string };

/**
 * @param file only names the shard in messages
 * @throws MigratrackError('input') when the shard was written by another migratrack or format version
 */
export function readShardText(text: string, file: string, toolVersion: string): ShardReading<Shard>;
export function readShardText(text: string, file: string, toolVersion: string, only: 'summary'): ShardReading<ShardSummary>;
export function readShardText(text: string, file: string, toolVersion: string, only?: 'summary'): ShardReading<Shard | ShardSummary> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const header = ShardHeader.safeParse(json, { error: issueMessage });
  if (!header.success) return { ok: false, reason: `not a migratrack shard (${firstIssue(header.error.issues)})` };
  refuseOtherVersion(header.data, file, toolVersion);
  const parsed = (only === 'summary' ? ShardSummary : Shard).safeParse(json, { error: issueMessage });
  if (!parsed.success) return { ok: false, reason: `invalid shard: ${firstIssue(parsed.error.issues)}` };
  return { ok: true, shard: parsed.data };
}

function refuseOtherVersion(header: ShardHeader, file: string, toolVersion: string): void {
  const wrong: string[] = [];
  if (header.tool.version !== toolVersion) wrong.push(`migratrack ${header.tool.version} (this is ${toolVersion})`);
  if (header.shardVersion !== SHARD_VERSION) wrong.push(`shard format ${header.shardVersion} (expected ${SHARD_VERSION})`);
  if (header.schemas.snapshot !== SNAPSHOT_SCHEMA_VERSION) wrong.push(`snapshot schema ${header.schemas.snapshot} (expected ${SNAPSHOT_SCHEMA_VERSION})`);
  if (header.schemas.history !== HISTORY_SCHEMA_VERSION) wrong.push(`history schema ${header.schemas.history} (expected ${HISTORY_SCHEMA_VERSION})`);
  if (wrong.length === 0) return;
  throw new MigratrackError(
    'input',
    `${file}: shard written by ${wrong.join(', ')}; re-run \`migratrack scan --shard\` with migratrack ${toolVersion} for every repository`,
    { file },
  );
}

function firstIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (issue === undefined) return 'unknown problem';
  const where = issue.path.map(String).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** True when `json` says it is a shard (any version): `scan --out` overwrites only such a file. */
export function looksLikeShard(json: unknown): boolean {
  return json !== null && typeof json === 'object' && (json as { format?: unknown }).format === SHARD_FORMAT;
}
