/**
 * A metric's role (issue 18, item 6), decided once here and carried in the snapshot: the site,
 * the summaries and the ratchet read it rather than guessing from a label.
 */
import { parseGrepCommand } from '../scan/index.js';
import type { MetricRole } from '../snapshot/schema.js';

/** Last path segment, compared case-sensitively as git does. */
function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/**
 * True when the command only reads the tracking doc: `grep -c "✅ Complete" path/TRACKING.md`
 * counts the doc's own words, not the code. A file operand naming the doc (by its repo path, or
 * by its file name when the doc was moved since the command was written) is enough; a recursive
 * grep over folders never is.
 */
export function readsTheDoc(command: string, docPath: string): boolean {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) return false;
  const operands = parsed.pipeline.grep.operands.filter((o) => !o.glob).map((o) => o.text.replace(/^\.\//, ''));
  if (operands.length === 0) return false;
  const docName = baseName(docPath);
  return operands.every((o) => o === docPath || baseName(o) === docName);
}

/** The role of a metric: doc-check when it reads the doc, else by its better direction. */
export function metricRole(command: string, better: 'lower' | 'higher', docPath: string): MetricRole {
  if (readsTheDoc(command, docPath)) return 'doc-check';
  return better === 'higher' ? 'adoption' : 'remaining';
}
