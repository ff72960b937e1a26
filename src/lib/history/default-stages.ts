/**
 * The real stages behind the backfill: the doc parser, the scanner's pipeline evaluator and the
 * verifier, each with a cache that lives as long as the stages object (one backfill), keyed by blob
 * id so a file content seen at an earlier commit is never scanned again.
 */
import { createTrackingDocParser, type ReadingOptions } from '../doc/index.js';
import type { TrackingDoc } from '../doc/model.js';
import { createScanCache, parseGrepCommand, preparePipelines, type PreparedPipelines } from '../scan/index.js';
import { createVerifyCache, verifyDoc, type VerifyOptions } from '../verify/index.js';
import { startDocsAhead } from './docs-ahead.js';
import { sumsOverFiles } from './per-file-metric.js';
import type { BackfillMetric, HistoryStages } from './stages.js';

export interface HistoryStageOptions {
  /** Passed to every verifyDoc call (config overrides, category patterns); renames and cache are added. */
  verify?: Omit<VerifyOptions, 'renames' | 'cache'>;
  /** How the doc's versions are read (config `reading`), as for the current doc. */
  reading?: ReadingOptions;
  /**
   * The doc as the caller already parsed it with the same `reading` (the work tree's): a version
   * with these very bytes at this path is that model, not parsed again (the backfill's start date
   * is read from the doc at HEAD, most often the work tree's bytes).
   */
  parsed?: { path: string; bytes: Buffer; doc: TrackingDoc };
}

/**
 * Stages wired to parseTrackingDoc (remembering markdown chunks across the doc's versions),
 * the scanner's pipeline evaluation and verifyDoc. Create one per backfill.
 */
export function createHistoryStages(options: HistoryStageOptions = {}): HistoryStages {
  const parser = createTrackingDocParser(options.reading);
  const known = options.parsed;
  const parseDoc = (bytes: Buffer, path: string): TrackingDoc =>
    known !== undefined && path === known.path && bytes.equals(known.bytes) ? known.doc : parser(bytes, path);
  const scanCache = createScanCache();
  const verifyCache = createVerifyCache();
  // History keeps values only: no matches, no context lines (one setting for the one cache).
  const VALUE_ONLY = { cache: scanCache, context: 0, maxMatches: 0 };
  const pipelines = new Map<string, ReturnType<typeof parseGrepCommand>>();
  const parse = (command: string) => {
    let parsed = pipelines.get(command);
    if (parsed === undefined) pipelines.set(command, (parsed = parseGrepCommand(command)));
    return parsed;
  };
  // Prepared once per list of metrics (the per-file metrics ask with the same list ~10,000 times).
  const preparedFor = new WeakMap<readonly BackfillMetric[], { parsed: ReturnType<typeof parse>[]; runnable: PreparedPipelines }>();
  const prepare = (metrics: readonly BackfillMetric[]) => {
    let known = preparedFor.get(metrics);
    if (known === undefined) {
      const parsed = metrics.map((metric) => parse(metric.command));
      known = { parsed, runnable: preparePipelines(parsed.flatMap((p) => (p.ok ? [p.pipeline] : []))) };
      preparedFor.set(metrics, known);
    }
    return known;
  };
  const single = new Map<string, PreparedPipelines>();
  return {
    parseDoc,
    docsAhead: () => startDocsAhead(options.reading ?? {}),
    async evaluateMetric(metric, tree) {
      const parsed = parse(metric.command);
      if (!parsed.ok) throw new Error(parsed.reason);
      let prepared = single.get(metric.command);
      if (prepared === undefined) single.set(metric.command, (prepared = preparePipelines([parsed.pipeline])));
      const [result] = await prepared.evaluate(tree, VALUE_ONLY);
      return result !== undefined && result.incomplete === null ? result.value : null;
    },
    async evaluateMetrics(metrics, tree) {
      const { parsed, runnable } = prepare(metrics);
      const results = await runnable.evaluate(tree, VALUE_ONLY);
      let next = 0;
      return parsed.map((p) => {
        if (!p.ok) return null;
        const result = results[next++];
        return result !== undefined && result.incomplete === null ? result.value : null;
      });
    },
    sumsOverFiles(metric) {
      const parsed = parse(metric.command);
      return parsed.ok && sumsOverFiles(parsed.pipeline);
    },
    verify: (doc, tree, { renames }) => verifyDoc(doc, tree, { ...options.verify, renames, cache: verifyCache }),
  };
}

/** The doc's own commands as metrics (id = the command's id), for callers without a config. */
export function docMetrics(doc: TrackingDoc): BackfillMetric[] {
  return doc.commands.filter((c) => parseGrepCommand(c.command).ok).map((c) => ({ id: c.id, command: c.command }));
}
