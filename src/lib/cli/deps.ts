/**
 * The pipeline as the commands see it. The lead implements it in src/lib/pipeline/index.ts (whose
 * named exports must match this interface); tests pass fakes to `runCli` instead.
 */
import type { ResolvedOptions } from '../config/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { HistoryRecord } from './check/baseline.js';
import type { Logger } from './logger.js';

export interface PipelineDeps {
  /** Parse + scan + verify + history; appends a history record unless `opts.dryRun`. */
  buildSnapshot(opts: ResolvedOptions, log: Logger): Promise<{ snapshot: Snapshot; history: HistoryRecord[] }>;
  /**
   * Refuses, before any work, a site build that must not run: an output folder that is or holds
   * the repository, the doc, the history or files migratrack did not write; MDX notes not allowed.
   */
  checkSiteOutput(opts: ResolvedOptions): Promise<void>;
  /** `astro build` into a temporary folder, then swapped into `opts.outDir`. */
  renderSite(opts: ResolvedOptions, snapshot: Snapshot, log: Logger): Promise<{ outDir: string; pages: number }>;
  /** Runs until interrupted. */
  startDevServer(opts: ResolvedOptions, log: Logger): Promise<void>;
}

/**
 * Loads the real pipeline lazily, so `--help`, `init` and usage errors never pay for loading Astro.
 * A literal specifier, so the build (scripts/compile.mjs) makes the pipeline a lazy chunk.
 */
export async function loadPipeline(): Promise<PipelineDeps> {
  const mod: Partial<PipelineDeps> = await import('../pipeline/index.js');
  if (typeof mod.buildSnapshot !== 'function' || typeof mod.checkSiteOutput !== 'function' || typeof mod.renderSite !== 'function' || typeof mod.startDevServer !== 'function') {
    throw new Error('src/lib/pipeline/index.ts does not export buildSnapshot, checkSiteOutput, renderSite and startDevServer');
  }
  return { buildSnapshot: mod.buildSnapshot, checkSiteOutput: mod.checkSiteOutput, renderSite: mod.renderSite, startDevServer: mod.startDevServer };
}
