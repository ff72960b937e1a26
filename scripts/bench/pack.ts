/**
 * The package as npm ships it: tarball size and file count against the budget (scripts/pack-budget.mjs),
 * and what a user pays to start the CLI, `migratrack --version` and `migratrack scan --help` as
 * cold processes, run from compiled/ (as installed) and through tsx (the checkout), paired
 * medians over 7 pairs. Prints JSON; exits 1 over budget.
 * Usage: tsx scripts/bench/pack.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_BUDGET } from '../pack-budget.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/migratrack.mjs');
const PAIRS = 7;

const dest = mkdtempSync(join(tmpdir(), 'migratrack-pack-'));
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const [info] = JSON.parse(out.slice(out.indexOf('['))) as { size: number; unpackedSize: number; files: unknown[] }[];
rmSync(dest, { recursive: true, force: true });

function seconds(args: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`migratrack ${args.join(' ')} exited ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function startUp(args: string[]): { compiled: number; tsx: number; ratio: number; range: [number, number] } {
  const compiled: number[] = [];
  const viaTsx: number[] = [];
  // bin/migratrack.mjs runs compiled/ when it is there, the sources through tsx when not.
  const on = join(ROOT, 'compiled');
  const off = join(ROOT, '.compiled-off');
  execFileSync(process.execPath, [join(ROOT, 'scripts/compile.mjs')], { cwd: ROOT, stdio: 'ignore' });
  try {
    for (let i = 0; i < PAIRS; i++) {
      compiled.push(seconds(args));
      renameSync(on, off);
      try {
        viaTsx.push(seconds(args));
      } finally {
        renameSync(off, on);
      }
    }
  } finally {
    rmSync(on, { recursive: true, force: true });
  }
  const ratios = compiled.map((c, i) => viaTsx[i]! / c);
  return { compiled: median(compiled), tsx: median(viaTsx), ratio: median(ratios), range: [Math.min(...ratios), Math.max(...ratios)] };
}

const result = {
  tarballBytes: info!.size,
  unpackedBytes: info!.unpackedSize,
  files: info!.files.length,
  budget: PACK_BUDGET,
  withinBudget: info!.size < PACK_BUDGET.bytes && info!.files.length < PACK_BUDGET.files,
  startVersion: startUp(['--version']),
  startScanHelp: startUp(['scan', '--help']),
};
console.log(JSON.stringify(result, null, 2));
process.exit(result.withinBudget ? 0 : 1);
