/**
 * `migratrack preview`: serves the built site on 127.0.0.1 as a static host would, under its base
 * path. Reads `out` and `base` from the config (flags override), so it serves what `build` wrote.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { normaliseBase } from '../../config/resolve.js';
import { MigratrackError } from '../../errors.js';
import { cliFlags, type CommandSpec } from '../spec.js';
import { displayPath } from './shared.js';

/** Astro's preview port, so links people already use keep working. */
export const DEFAULT_PREVIEW_PORT = 4321;

export const previewCommand: CommandSpec = {
  name: 'preview',
  summary: 'Serve the built site on this machine (127.0.0.1)',
  description: 'Serves the site that `migratrack build` wrote, under its base path, at http://127.0.0.1:<port>/.\nStop it with Ctrl-C.',
  options: [
    { flags: '--out <dir>', description: 'The built site (default: the config\'s out, else dist)' },
    { flags: '--base <path>', description: 'Base path it was built for (default: the config\'s base, else /)' },
    { flags: '--port <port>', description: `Port to listen on (default: ${DEFAULT_PREVIEW_PORT}; 0 for any free port)` },
    { flags: '--config <file>', description: 'Config file (default: migratrack.config.{ts,mjs,json} here)' },
  ],
  examples: [
    ['preview', 'the site in dist/ at http://127.0.0.1:4321/'],
    ['preview --out site --base /my-repo/ --port 8080', 'a site built with --out site --base /my-repo/'],
  ],
  async run(ctx) {
    const flags = cliFlags(ctx.options);
    if (flags.port !== undefined && flags.port > 65535) throw new MigratrackError('usage', `--port: "${flags.port}" is not a port number (expected 1-65535)`);
    const [{ loadConfig }, { startPreviewServer }] = await Promise.all([import('../../config/index.js'), import('../../preview/index.js')]);
    const loaded = await loadConfig(ctx.io.cwd, flags.config);
    const out =
      flags.out !== undefined ? path.resolve(ctx.io.cwd, flags.out) : loaded?.config.out !== undefined ? path.resolve(loaded.dir, loaded.config.out) : path.resolve(ctx.io.cwd, 'dist');
    const shown = displayPath(ctx.io.cwd, out);
    if (!existsSync(path.join(out, 'index.html'))) {
      throw new MigratrackError('usage', `--out: ${shown} has no built site (expected the folder \`migratrack build\` wrote; run it first)`, { file: out });
    }
    const base = normaliseBase(flags.base ?? loaded?.config.base ?? '/');
    const server = await startPreviewServer(out, base, flags.port ?? DEFAULT_PREVIEW_PORT);
    ctx.print(`Serving ${shown}/ at ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};

/**
 * The preview command that works where the user is, for build's success line: `npm run preview`
 * in migratrack's own checkout, `npx migratrack preview` where migratrack is a project's
 * dependency, `migratrack preview` where it is installed globally. With the flags that differ
 * from what preview would read by itself.
 */
export interface PreviewHintInput {
  /** Where migratrack itself is (PACKAGE_DIR). */
  packageRoot: string;
  cwd: string;
  /** What build wrote: absolute output folder and normalised base. */
  outDir: string;
  base: string;
  /** `--config` as given to build, if it was. */
  configFlag?: string;
  /** The config build read (preview reads the same one). */
  config: { out?: string; base?: string; dir: string } | null;
}

export function previewHint(input: PreviewHintInput): string {
  const { cwd, config } = input;
  const args: string[] = [];
  if (input.configFlag !== undefined) args.push('--config', quoteArg(input.configFlag));
  const defaultOut = config?.out !== undefined ? path.resolve(config.dir, config.out) : path.resolve(cwd, 'dist');
  if (path.resolve(input.outDir) !== defaultOut) args.push('--out', quoteArg(displayPath(cwd, input.outDir)));
  if (input.base !== normaliseBase(config?.base ?? '/')) args.push('--base', quoteArg(input.base));
  if (!input.packageRoot.split(path.sep).includes('node_modules')) return ['npm run preview', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  // A global install is `<prefix>/lib/node_modules/migratrack`; a project's, `<project>/node_modules/migratrack`.
  const global = path.basename(path.dirname(path.dirname(input.packageRoot))) === 'lib';
  return [global ? 'migratrack preview' : 'npx migratrack preview', ...args].join(' ');
}

function quoteArg(arg: string): string {
  return /^[\w./@:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
