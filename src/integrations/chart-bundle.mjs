/**
 * A Vite plugin for the production build: chart-client.ts reaches the browser as one asset that
 * esbuild bundled, and the page's script imports it by URL.
 *
 * Why: chart.js is ~500 KB of source. Vite parsed, tree-shook and minified it on every build,
 * and that was the whole client build: ~1.1 s of a site build that must stay within 2× of a bare
 * Astro build (issue 6, docs/BENCHMARKS.md). esbuild does the same bundle in ~0.15 s, keeping
 * only the chart.js parts chart-client.ts registers. The dev server keeps Vite's ordinary path.
 */
import { build } from 'esbuild';
import { hashedFileName } from './hashed-asset.mjs';

/** @param {string} entry absolute path of chart-client.ts */
async function bundle(entry, assetsDir) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  return { fileName: hashedFileName(assetsDir, 'chart-client', 'js', code), code };
}

/** @param {string} entry absolute path of chart-client.ts */
export function prebundleChartClient(entry) {
  let base = '/';
  let assetsDir = '_astro';
  /** @type {Promise<{ fileName: string, code: string }> | null} */
  let bundled = null;
  return {
    name: 'migratrack-prebundle-chart-client',
    apply: 'build',
    // Before Vite's own resolver, which would otherwise resolve the import to the source file first.
    enforce: 'pre',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      assetsDir = config.build.assetsDir;
    },
    async resolveId(source, importer, options) {
      if (options?.ssr || !source.endsWith('chart-client.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== entry) return null;
      bundled ??= bundle(entry, assetsDir);
      const { fileName } = await bundled;
      // An absolute URL: the importing script may be inlined into pages at any depth.
      return { id: `${base}${fileName}`, external: 'absolute' };
    },
    async generateBundle() {
      if (!bundled) return;
      const { fileName, code } = await bundled;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
