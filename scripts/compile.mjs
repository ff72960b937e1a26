#!/usr/bin/env node
/**
 * Compiles the CLI and the library (src/cli, src/lib, src/index.ts) to plain JavaScript in
 * compiled/, so an installed migratrack runs without compiling TypeScript at start-up (issue 21).
 *
 * esbuild bundles them with code splitting: a fresh process reads a handful of files instead of
 * resolving, reading and compiling ~600 modules one by one (`migratrack --version` loaded 657), and
 * what a command imports lazily (the pipeline, Astro's side, `build --merge`, shards) stays a lazy
 * chunk in compiled/chunks/. The entries keep their paths: compiled/cli/main.js (the bin),
 * compiled/index.js (the package's `exports`), compiled/lib/doc/index.js (the doc stage, which the
 * cold-parse bench loads) and the two worker entries, compiled/lib/history/doc-parse-worker.js and
 * compiled/lib/scan/scan-worker.js (each started by path beside its caller: src/lib/worker-beside.ts).
 * zod is bundled too, so its unused parts (zod 4's 40 locales, 147 kB)
 * are left out, and so are the ESM packages of many small files a start-up imports (diff, cac,
 * mdast-util-to-string); every other package stays a dependency, loaded from node_modules.
 *
 * Run by `npm pack` and `npm publish` (prepack; also when npm installs migratrack from a git URL),
 * and removed again by postpack so a checkout never runs a stale copy (bin/migratrack.mjs prefers
 * compiled/ when it exists). esbuild, not tsc, for the JavaScript: it is already a dependency and
 * takes ~0.3 s; tsc writes the public entry's type declarations. The Astro site (src/pages,
 * src/layouts, the parts of src/lib the pages import) is compiled by Astro itself at build time,
 * from src/.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'compiled');

/** Entry points, each written at its source's path under compiled/ (src/x/y.ts → compiled/x/y.js). */
const ENTRIES = ['index.ts', 'cli/main.ts', 'lib/doc/index.ts', 'lib/history/doc-parse-worker.ts', 'lib/scan/scan-worker.ts'];

/**
 * Packages bundled into our chunks, tree-shaken: zod, and ESM packages whose module files a fresh
 * process would read one by one (diff: 30 files for sync's one function). Every other bare import
 * stays external: CommonJS packages, remark/micromark (loaded on first use through createRequire),
 * Astro and everything it loads.
 */
const BUNDLED = /^(?:zod|diff|cac|mdast-util-to-string)(?:\/|$)/;

/** Stands, in the bundle, for the path from an output file's folder to compiled/ (see below). */
const ROOT_TOKEN = '__migratrack_compiled_root__/';

/**
 * `import.meta.url` keeps meaning the module's own place in the one-file-per-module layout
 * (src/lib/cli/version.ts → compiled/lib/cli/version.js), whichever chunk the module lands in:
 * the code derives package.json, the templates, the demo's seed and notes, Astro's root and the
 * worker's path from it, and createRequire resolves packages from it. Each output's token is
 * replaced by its relative path to compiled/ once the chunks are known.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const place = relative(src, args.path).split(sep).join('/').replace(/\.ts$/, '.js');
      return { contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(ROOT_TOKEN + place)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** Bare package imports stay imports of node_modules, but zod's, which are bundled (BUNDLED). */
const externalPackages = {
  name: 'external-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || !BUNDLED.test(args.path)) return { path: args.path, external: true };
      return undefined;
    });
    // zod 4 sets its English messages with a top-level `config(en())` in this module, which zod's
    // `"sideEffects": false` would let esbuild drop with the rest of the module's unused exports.
    pluginBuild.onResolve({ filter: /^\.\/external\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/]classic$/.test(args.resolveDir)) return undefined;
      return { path: join(args.resolveDir, 'external.js'), sideEffects: true };
    });
  },
};

rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: ENTRIES.map((entry) => join(src, entry)),
  outdir: out,
  outbase: src,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  plugins: [moduleUrls, externalPackages],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: less source for V8 to read at start-up, while a bug's stack
  // (exit 3) still names our functions.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  write: false,
  metafile: true,
  logLevel: 'warning',
});
// `import { z } from 'zod/v4'` makes the whole namespace a value and brings every locale back.
const locales = Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs)).filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && /zod\/v4\/locales\/(?!en\.js$)/.test(input));
if (locales.length > 0) throw new Error(`compile: zod's locales were bundled (${locales[0][0]} …): import zod 4 as \`import * as z from 'zod/v4'\``);
for (const file of result.outputFiles) {
  const toRoot = relative(dirname(file.path), out).split(sep).join('/');
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.text.replaceAll(ROOT_TOKEN, toRoot === '' ? './' : `${toRoot}/`));
}
// Types for `import { defineConfig } from 'migratrack'` and the config template's JSDoc type: only
// the public entry's declarations (esbuild emits none). tsc is a devDependency, which npm installs
// wherever it packs (a checkout, or a git URL being installed).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, join(src, 'index.ts'), '--declaration', '--emitDeclarationOnly', '--outDir', out, '--rootDir', src,
  '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--strict', '--verbatimModuleSyntax', '--skipLibCheck', '--types', 'node'], { stdio: 'inherit' });
// The templates `init` reads beside its module (compiled/lib/cli/commands/init.js, see moduleUrls).
cpSync(join(src, 'lib/cli/templates'), join(out, 'lib/cli/templates'), { recursive: true });
const modules = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/')).length;
console.error(`compiled ${modules} modules to ${result.outputFiles.length} files in compiled/`);
