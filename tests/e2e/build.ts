/**
 * Builds the site once per configuration with Astro's programmatic `build()`: inputs through
 * the MIGRATRACK_* environment variables, exactly as the pipeline passes them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFixture } from './write-fixture.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The inputs of an e2e run: the fixture, or any snapshot/history named by the environment. */
export interface SiteInput {
  snapshotFile: string;
  historyFile: string | null;
  /** True for the hostile-string fixture, whose extra assertions only make sense on it. */
  isFixture: boolean;
}

/** MIGRATRACK_E2E_SNAPSHOT (+ optional MIGRATRACK_E2E_HISTORY) selects another snapshot. */
export function siteInput(workDir: string): SiteInput {
  const own = process.env.MIGRATRACK_E2E_SNAPSHOT;
  if (own) return { snapshotFile: resolve(own), historyFile: process.env.MIGRATRACK_E2E_HISTORY ? resolve(process.env.MIGRATRACK_E2E_HISTORY) : null, isFixture: false };
  const { snapshotFile, historyFile } = writeFixture(join(workDir, 'input'));
  return { snapshotFile, historyFile, isFixture: true };
}

/**
 * A fresh directory for one e2e run, inside the project (.cache/e2e): Astro writes its server
 * chunks into `<cwd>/.astro/` when outDir is outside cwd (getOutDirWithinCwd), a folder that
 * concurrent builds share and corrupt; inside cwd they stay in each build's own outDir, where the
 * chunks can still resolve node_modules.
 */
export function workDir(): string {
  const parent = join(ROOT, '.cache/e2e');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'run-'));
}

/**
 * Runs Astro's programmatic `build()` into `outDir` with the given base and site. Each build gets
 * a fresh Node process: a second in-process build keeps the first one's `import.meta.env.BASE_URL`.
 */
export async function buildSite(input: SiteInput, outDir: string, base: string, site: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MIGRATRACK_SNAPSHOT: input.snapshotFile,
    MIGRATRACK_OUT_DIR: outDir,
    MIGRATRACK_BASE: base,
    MIGRATRACK_SITE: site,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // vitest exports its own Vite env (BASE_URL=/, MODE=test, NODE_ENV=test): the build must not see it.
  for (const key of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*)$/.test(key)) delete env[key];
  if (input.historyFile) env.MIGRATRACK_HISTORY = input.historyFile;
  else delete env.MIGRATRACK_HISTORY;
  const astro = pathToFileURL(join(ROOT, 'node_modules/astro/dist/index.js')).href;
  const script = `import(${JSON.stringify(astro)}).then(({ build }) => build({ root: ${JSON.stringify(ROOT)}, logLevel: 'warn' }))`;
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`astro build failed (${code}):\n${output.slice(-4000)}`))));
  });
}
