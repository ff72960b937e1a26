/**
 * The site's stylesheet and the copy buttons' script, made by esbuild and handed to the pages as
 * `virtual:migratrack/site-assets` (`stylesheetPath`, under the base; `copyScript`, the script's
 * code). The layout prints both itself (src/lib/site/markup/layout.ts), so a page does not need
 * Astro to inject them: the file page returns its whole document as one string, which saves
 * Astro's component rendering on each of a big site's 5,000 file pages (~0.6 s of CPU, issue 6,
 * docs/BENCHMARKS.md). The stylesheet is written beside Vite's assets once the build is done; the
 * dev server serves it from memory. Nothing is made until a page imports the module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hashedFileName } from './hashed-asset.mjs';

const MODULE_ID = 'virtual:migratrack/site-assets';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** esbuild's minified bundle of one entry (a stylesheet or a script). */
async function minified(entry, options = {}) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, logLevel: 'silent', ...options });
  return result.outputFiles[0].text.trim();
}

async function makeAssets(stylesheet, copyClient, assetsDir) {
  const [css, copyScript] = await Promise.all([minified(stylesheet), minified(copyClient, { format: 'esm', target: 'es2022' })]);
  return { stylesheet: { fileName: hashedFileName(assetsDir, 'site', 'css', css), code: css }, copyScript };
}

/**
 * @param {{ stylesheet: string, copyClient: string }} entries absolute paths of site.css and copy-client.ts
 */
export function siteAssets({ stylesheet, copyClient }) {
  let assetsDir = '_astro';
  let base = '/';
  /** @type {Promise<{ stylesheet: { fileName: string, code: string }, copyScript: string }> | null} */
  let assets = null;
  const made = () => (assets ??= makeAssets(stylesheet, copyClient, assetsDir));

  /** @type {import('vite').Plugin} */
  const plugin = {
    name: 'migratrack-site-assets',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      // Not `addWatchFile`: in the dev server's module graph the stylesheet would be one of the
      // page's styles, which Astro then injects itself (handleHotUpdate below sees edits anyway).
      const { stylesheet: css, copyScript } = await made();
      return `export const stylesheetPath = ${JSON.stringify(css.fileName)};\nexport const copyScript = ${JSON.stringify(copyScript)};\n`;
    },
    // Dev server: an edit to either file makes them again, and the pages reload with the new ones.
    handleHotUpdate({ file, server }) {
      if (file !== stylesheet && file !== copyClient) return;
      assets = null;
      const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) server.moduleGraph.invalidateModule(mod);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!assets || !req.url) return next();
        const { stylesheet: css } = await assets;
        if (req.url.split('?')[0] !== `${base}${css.fileName}`) return next();
        res.setHeader('Content-Type', 'text/css; charset=utf-8');
        res.end(css.code);
      });
    },
  };

  return {
    name: 'migratrack-site-assets',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        assetsDir = config.build.assets;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir }) => {
        if (!assets) return;
        const { stylesheet: css } = await assets;
        const target = join(fileURLToPath(dir), css.fileName);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, css.code);
      },
    },
  };
}
