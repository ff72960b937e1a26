/** Issue 18 item 6: each metric's role is decided from its command and direction, in src/lib. */
import { describe, expect, it } from 'vitest';
import { metricRole, readsTheDoc } from '../../src/lib/pipeline/metric-role.js';
import { guessBetterDirection } from '../../src/lib/pipeline/metrics.js';

const DOC = 'docs/current/JITTER-ADOPTION-TRACKING.md';

describe('metric roles', () => {
  it('a grep of the tracking doc itself is a doc-check, by path or by file name', () => {
    expect(metricRole(`grep -c "✅ Complete" ${DOC}`, 'higher', DOC)).toBe('doc-check');
    expect(metricRole(`grep -c "✅ Complete" ./${DOC}`, 'higher', DOC)).toBe('doc-check');
    // Written before the doc moved: the file name still names it.
    expect(metricRole('grep -c "✅ Complete" docs/old/place/JITTER-ADOPTION-TRACKING.md', 'lower', DOC)).toBe('doc-check');
  });

  it('a grep over code folders is remaining or adoption, by its better direction', () => {
    const remaining = 'grep -r "bigquery\\.Client(" data_processors/ orchestration/ --include="*.py" | wc -l';
    expect(metricRole(remaining, guessBetterDirection('Find remaining bigquery.Client() calls'), DOC)).toBe('remaining');
    const adoption = 'grep -r "get_bigquery_client" data_processors/ --include="*.py" | wc -l';
    expect(metricRole(adoption, guessBetterDirection('Verify BigQuery pooling usage'), DOC)).toBe('adoption');
  });

  it('a grep that reads the doc and code files is about the code', () => {
    expect(readsTheDoc(`grep -c "x" ${DOC} src/a.py`, DOC)).toBe(false);
    expect(readsTheDoc('grep -r "x" .', DOC)).toBe(false);
    expect(readsTheDoc('not a grep at all', DOC)).toBe(false);
  });
});
