#!/usr/bin/env node
/**
 * Compiles the CLI and the library (src/cli, src/lib, src/index.ts) to plain JavaScript in
 * compiled/, so an installed migratrack runs without compiling TypeScript at start-up (issue 21).
 * One output file per source file, at the same depth (src/lib/x/y.ts → compiled/lib/x/y.js):
 * paths the code derives from import.meta.url (package.json, the demo's seed doc, Astro's root)
 * stay the same from either tree. The Astro site (src/pages, src/layouts, the parts of src/lib the
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
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'compiled');

const entryPoints = await fg(['src/index.ts', 'src/cli/**/*.ts', 'src/lib/**/*.ts'], { cwd: root, ignore: ['**/*.d.ts'], absolute: true });
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: out,
  outbase: join(root, 'src'),
  bundle: false,
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
