/** Small builders the plan uses so each day reads like a commit log. */
import { CLOUD_FUNCTIONS, DIRECT_PROCESSORS, SCRAPERS, cloudFunctionPath } from './paths.js';
import type { PlanCommit, PlanContext } from './plan-types.js';
import type { Flag } from './types.js';

type Apply = (x: PlanContext) => void;

/** A commit at `time` (HH:MM, -08:00). */
export function commit(time: string, message: string, apply: Apply, opts: Partial<PlanCommit> = {}): PlanCommit {
  return { time, message, apply, ...opts };
}

/** Runs several steps in one commit. */
export const all =
  (...steps: Apply[]): Apply =>
  (x) => {
    for (const s of steps) s(x);
  };

/** Code change for File N only (the doc is not touched). */
export const code =
  (n: number, flag: Flag): Apply =>
  (x) =>
    x.code(n, flag);

/** Code change for File N and its doc entry marked ✅ Complete in the same commit. */
export const migrate =
  (n: number, flag: Flag): Apply =>
  (x) => {
    x.code(n, flag);
    x.declare(n, 'done');
  };

/** Cloud functions (by list position 0-9) get the pooled client; the doc's list gets ✅. */
export const cloudFunctionsPooled =
  (...positions: number[]): Apply =>
  (x) => {
    for (const i of positions) {
      x.code(cloudFunctionPath(CLOUD_FUNCTIONS[i]!), 'pooled');
      x.doc.cfTicks.add(i);
    }
  };

/** Direct processors (Files 40-56, by position 0-16) get the pooled client and their ✅. */
export const processorsPooled =
  (...positions: number[]): Apply =>
  (x) => {
    for (const i of positions) {
      x.code(DIRECT_PROCESSORS[i]!, 'pooled');
      x.doc.procTicks.add(i);
    }
  };

/** Scrapers (Files 58-76, by position 0-18) use the HTTP pool; `tick` also marks the doc. */
export const scrapersPooled =
  (positions: number[], tick = true): Apply =>
  (x) => {
    for (const i of positions) {
      x.code(SCRAPERS[i]!, 'http');
      if (tick) x.doc.scraperTicks.add(i);
    }
  };
