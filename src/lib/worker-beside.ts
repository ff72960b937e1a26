/**
 * Starting a worker thread whose entry is a module beside the caller's: compiled JavaScript as
 * installed; in a checkout (sources run through tsx, or vitest) the TypeScript entry, with tsx's
 * loader registered in the thread first. Null when the entry is not there (a build that did not
 * keep it as a file of its own) or the thread cannot start: callers then do the work themselves.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** `callerUrl`: the caller's import.meta.url; `entry`: the worker module's name without extension. */
export function workerBeside(callerUrl: string, entry: string, workerData: unknown): Worker | null {
  const here = fileURLToPath(callerUrl);
  const typescript = here.endsWith('.ts');
  const file = here.replace(/[^/\\]+\.(?:ts|js)$/, `${entry}.${typescript ? 'ts' : 'js'}`);
  if (file === here || !existsSync(file)) return null;
  try {
    if (!typescript) return new Worker(file, { workerData });
    const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api')).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
    return new Worker(code, { eval: true, workerData });
  } catch {
    return null;
  }
}
