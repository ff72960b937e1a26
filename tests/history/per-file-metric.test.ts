import { describe, expect, it } from 'vitest';
import { sumsOverFiles } from '../../src/lib/history/per-file-metric.js';
import { parseGrepCommand } from '../../src/lib/scan/index.js';

function pipeline(command: string) {
  const parsed = parseGrepCommand(command);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pipeline;
}

describe('sumsOverFiles: which pipelines can be updated per changed file', () => {
  it.each([
    ['grep -r "bigquery\\.Client(" data_processors/ --include="*.py" | wc -l', true],
    ['grep -r "requests\\.get" scrapers/ --include="*.py" | grep -v "http_pool" | wc -l', true],
    ['grep -r "bigquery\\.Client(" data_processors/ --include="*.py" | grep -v "base.py" | grep -v "test"', true],
    ['grep -r "requests\\.get" scrapers/ backfill_jobs/ --include="*.py" | cut -d: -f1 | sort -u', true],
    ['grep -c "✅ Complete" docs/TRACKING.md', true],
    ['grep -rl "x" src/', true],
    // Lines from different files can merge or be cut off: whole tree only.
    ['grep -rh "x" src/ | sort -u | wc -l', false],
    ['grep -r "x" src/ | head -5', false],
    ['grep -r "x" src/ | cut -d: -f2 | sort -u', false],
    // An unquoted glob expands against the tree.
    ['grep -r "x" orchestration/cloud_functions/*/main.py | wc -l', false],
  ])('%s → %s', (command, expected) => {
    expect(sumsOverFiles(pipeline(command))).toBe(expected);
  });
});
