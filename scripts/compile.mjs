#!/usr/bin/env node
/**
 * Compiles the CLI and the library (src/cli, src/lib, src/index.ts) to plain JavaScript in
 * compiled/, so an installed migratrack runs without compiling TypeScript at start-up (issue 21).
 * One output file per source file, at the same depth (src/lib/x/y.ts → compiled/lib/x/y.js):
 * paths the code derives from import.meta.url (package.json, the demo's seed doc, Astro's root)
 * stay the same from either tree. Only zod is bundled, into compiled/vendor/ (see VENDORED). The Astro site (src/pages, src/layouts, the parts of src/lib the
 * pages import) is compiled by Astro itself at build time, from src/.
 *
 * Run by `npm pack` and `npm publish` (prepack; also when npm installs migratrack from a git URL),
 * and removed again by postpack so a checkout never runs a stale copy (bin/migratrack.mjs prefers
 * compiled/ when it exists). esbuild, not tsc, for the JavaScript: it is already a dependency and
 * takes ~0.2 s; tsc writes the public entry's type declarations.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import fg from 'fast-glob';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'compiled');

const entryPoints = await fg(['src/index.ts', 'src/cli/**/*.ts', 'src/lib/**/*.ts'], { cwd: root, ignore: ['**/*.d.ts'], absolute: true });
rmSync(out, { recursive: true, force: true });

/**
 * Packages of many small modules, each bundled into one file of compiled/vendor/: Node resolves,
 * reads and compiles every module file of a fresh process one by one (zod/v4 is 65 files, ≈ 1 ms
 * each), which was a large part of a cold parse (issue 21). Everything else stays a dependency.
 */
const VENDORED = { zod: 'zod.js', 'zod/v4': 'zod-v4.js' };
await build({
  entryPoints: Object.entries(VENDORED).map(([specifier, file]) => ({ in: fileURLToPath(import.meta.resolve(specifier)), out: file.replace(/\.js$/, '') })),
  outdir: join(out, 'vendor'),
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

/** Our own imports stay as they are (one output file per source file); vendored packages point into compiled/vendor/. */
const keepImports = {
  name: 'keep-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const vendored = VENDORED[args.path];
      if (vendored === undefined) return { path: args.path, external: true };
      const fromOutput = dirname(join(out, relative(join(root, 'src'), args.importer)));
      const target = relative(fromOutput, join(out, 'vendor', vendored)).split(sep).join('/');
      return { path: target.startsWith('.') ? target : `./${target}`, external: true };
    });
  },
};
await build({
  entryPoints,
  outdir: out,
  outbase: join(root, 'src'),
  // Bundling with every import external: each file is compiled alone, as before, and the plugin
  // may rewrite the vendored packages' specifiers.
  bundle: true,
  plugins: [keepImports],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
});
// Types for `import { defineConfig } from 'migratrack'` and the config template's JSDoc type: only
// the public entry's declarations (esbuild emits none). tsc is a devDependency, which npm installs
// wherever it packs (a checkout, or a git URL being installed).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, join(root, 'src/index.ts'), '--declaration', '--emitDeclarationOnly', '--outDir', out, '--rootDir', join(root, 'src'),
  '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--strict', '--verbatimModuleSyntax', '--skipLibCheck', '--types', 'node'], { stdio: 'inherit' });
// The templates `init` reads beside its module.
cpSync(join(root, 'src/lib/cli/templates'), join(out, 'lib/cli/templates'), { recursive: true });
console.error(`compiled ${entryPoints.length} modules to compiled/`);
