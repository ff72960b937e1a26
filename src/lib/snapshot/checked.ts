/**
 * The snapshot's one validation, where it leaves migratrack (issue 21): the snapshot file Astro
 * reads and `scan --format json` print this; the stages build the snapshot to its type and do not
 * validate it on the way. A schema failure here is a bug in a stage, reported with its path.
 */
import { issueMessage } from '../schema-issues.js';
import { Snapshot } from './schema.js';

/**
 * `snapshot` validated: the schema's copy, whose keys are in the schema's order (the order the
 * JSON has always had), or an error naming the first field that failed.
 */
export function checkedSnapshot(snapshot: Snapshot): Snapshot {
  const parsed = Snapshot.safeParse(snapshot, { error: issueMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Snapshot failed its schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The snapshot's JSON text as written and printed: validated, indented by two spaces, one final newline. */
export function snapshotText(snapshot: Snapshot): string {
  return `${JSON.stringify(checkedSnapshot(snapshot), null, 2)}\n`;
}
