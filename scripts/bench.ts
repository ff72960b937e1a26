/**
 * `npm run bench`: runs every benchmark in scripts/bench/ one after the other (they must not
 * compete for the two cores), each in its own process, and prints what each reported.
 * Each benchmark prints JSON on stdout (one document, or one object per line); progress goes to stderr.
 *
 *   npm run bench              # all of them
 *   npm run bench -- scan site # only these
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const chosen = wanted.length > 0 ? all.filter((name) => wanted.includes(name)) : all;
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

let failed = 0;
for (const name of chosen) {
  process.stderr.write(`\n== ${name}\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed += 1;
    console.log(JSON.stringify({ bench: name, error: `exit ${run.status}`, seconds }));
    continue;
  }
  const output = run.stdout.trim();
  // One JSON document (object or array, possibly pretty-printed) or one object per line.
  let results: unknown[];
  try {
    const whole: unknown = JSON.parse(output);
    results = Array.isArray(whole) ? whole : [whole];
  } catch {
    results = output.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as unknown);
  }
  for (const result of results) console.log(JSON.stringify({ bench: name, ...(result as object) }));
  process.stderr.write(`== ${name} done in ${seconds} s\n`);
}
process.exit(failed > 0 ? 1 : 0);
