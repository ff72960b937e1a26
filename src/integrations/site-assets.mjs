/**
 * Everything the site sends the browser besides its pages, made by esbuild outside Vite and
 * handed to the pages as `virtual:migratrack/site-assets`:
 * - the stylesheet (src/styles/site.css) and the charts' script (chart-client.ts, chart.js with
 *   only the parts it registers) as files, `_astro/<name>.<hash>.<ext>`, whose paths under the
 *   base the module exports (`stylesheetPath`, `chartScriptPath`);
 * - the copy buttons' and the file list's scripts, small enough to inline, as code
 *   (`copyScript`, `filterScript`).
 *
 * The pages print all of them themselves (src/lib/site/markup/layout.ts), so no page needs Astro
 * to inject anything: the file page returns its whole document as one string, which saves Astro's
 * component rendering on each of a big site's 5,000 file pages, and with no script for Astro to
 * process it skips its client build (issue 6, docs/BENCHMARKS.md). The files are written beside
 * Vite's assets once the build is done; the dev server serves them from memory. Nothing is made
 * until a page imports the module.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const MODULE_ID = 'virtual:migratrack/site-assets';
const RESOLVED_ID = `\0${MODULE_ID}`;
const SCRIPT = { format: 'esm', target: 'es2022' };

/** `<dir>/<stem>.<hash>.<ext>`: the hash names the content, so browsers may cache it for ever. */
function hashedFileName(dir, stem, ext, code) {
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  return `${dir}/${stem}.${hash}.${ext}`;
}

/** esbuild's minified bundle of one entry (a stylesheet or a script). */
async function minified(entry, options = {}) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, logLevel: 'silent', ...options });
  return result.outputFiles[0].text.trim();
}

/**
 * @typedef {{ stylesheet: string, chartClient: string, copyClient: string, filterClient: string }} Entries
 * @param {Entries} entries
 */
async function makeAssets(entries, assetsDir) {
  const [css, chart, copyScript, filterScript] = await Promise.all([
    minified(entries.stylesheet),
    minified(entries.chartClient, SCRIPT),
    minified(entries.copyClient, SCRIPT),
    minified(entries.filterClient, SCRIPT),
  ]);
  const files = [
    { fileName: hashedFileName(assetsDir, 'site', 'css', css), code: css, type: 'text/css; charset=utf-8' },
    { fileName: hashedFileName(assetsDir, 'chart-client', 'js', chart), code: chart, type: 'text/javascript; charset=utf-8' },
  ];
  const module = {
    stylesheetPath: files[0].fileName,
    chartScriptPath: files[1].fileName,
    copyScript,
    filterScript,
  };
  return { files, module };
}

/** @param {Entries} entries absolute paths of the stylesheet and the three client scripts */
export function siteAssets(entries) {
  const sources = new Set(Object.values(entries));
  let assetsDir = '_astro';
  let base = '/';
  /** @type {ReturnType<typeof makeAssets> | null} */
  let assets = null;
  const made = () => (assets ??= makeAssets(entries, assetsDir));

  /** @type {import('vite').Plugin} */
  const plugin = {
    name: 'migratrack-site-assets',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      // Not `addWatchFile`: in the dev server's module graph the stylesheet would be one of the
      // page's styles, which Astro then injects itself (handleHotUpdate below sees edits anyway).
      const { module } = await made();
      return Object.entries(module).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`).join('');
    },
    // Dev server: an edit to a source makes the assets again, and the pages reload with them.
    handleHotUpdate({ file, server }) {
      if (!sources.has(file)) return;
      assets = null;
      const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) server.moduleGraph.invalidateModule(mod);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!assets || !req.url) return next();
        const path = req.url.split('?')[0];
        const file = (await assets).files.find((f) => `${base}${f.fileName}` === path);
        if (!file) return next();
        res.setHeader('Content-Type', file.type);
        res.end(file.code);
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
        for (const file of (await assets).files) {
          const target = join(fileURLToPath(dir), file.fileName);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.code);
        }
      },
    },
  };
}
