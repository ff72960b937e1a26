#!/usr/bin/env node
// `migratrack` as installed runs the compiled JavaScript in compiled/ (made by `npm pack`,
// scripts/compile.mjs). In a checkout, which has no compiled/ (postpack removes it), it runs the
// TypeScript sources through tsx, a devDependency there.
import { existsSync } from 'node:fs';

const compiled = new URL('../compiled/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
