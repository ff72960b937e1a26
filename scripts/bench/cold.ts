/**
 * Timing as a user pays it (issue 21): each measurement is a whole cold process — the real
 * `migratrack` command or the anchor's own command line — started, run to its end and reaped.
 * Ours and the anchor run in pairs, alternating which goes first, so a machine that slows down
 * during the run slows both sides of a pair alike; the figures are medians over the pairs with
 * their range.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The `migratrack` command as installed: compiles the CLI to compiled/ (`npm run compile`, what
 * `npm pack` ships) and returns bin/migratrack.mjs, which runs compiled/ when it exists and the
 * sources through tsx when not (≈ 1.2 s more start-up, which no installed user pays). compiled/ is
 * removed again when the bench process exits, as postpack does, so the checkout never runs a stale
 * copy later; a compiled/ that was there before the bench is rebuilt but left in place.
 */
export function installedCli(): string {
  const compiled = join(CHECKOUT, 'compiled');
  const existed = existsSync(compiled);
  execFileSync(process.execPath, [join(CHECKOUT, 'scripts/compile.mjs')], { cwd: CHECKOUT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(compiled, 'cli/main.js'))) throw new Error('scripts/compile.mjs wrote no compiled/cli/main.js');
  if (!existed) process.on('exit', () => rmSync(compiled, { recursive: true, force: true }));
  return join(CHECKOUT, 'bin/migratrack.mjs');
}

/** One run of one process: wall time, CPU time, its peak resident memory, what it printed. */
export interface ProcessRun {
  wallMs: number;
  /**
   * User + system CPU of the process and the children it waited for (GNU time's %U + %S): on a
   * machine shared by other jobs, wall time is mostly waiting for a core, CPU time is not.
   */
  cpuMs: number;
  peakRssMiB: number;
  stdout: string;
}

/** A command line with no shell in between (a bench's anchor may name `bash` itself). */
export interface Command {
  file: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Run, untimed, before each run: e.g. removing the history file the previous run wrote. */
  reset?: () => void;
}

/**
 * Runs `command` under GNU time, which reports the peak RSS of the process tree's largest member
 * (`%M`, KiB). Throws when the command fails: a failed run measures nothing.
 */
export function runCold(command: Command): ProcessRun {
  const scratch = mkdtempSync(join(tmpdir(), 'mt-bench-time-'));
  const report = join(scratch, 'time.txt');
  command.reset?.();
  try {
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', report, command.file, ...command.args], {
      cwd: command.cwd,
      env: command.env ?? process.env,
      encoding: 'utf8',
      maxBuffer: 512 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0) {
      throw new Error(`${command.file} ${command.args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 400)}`);
    }
    const [peakKiB = Number.NaN, user = Number.NaN, system = Number.NaN] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    return { wallMs, cpuMs: (user + system) * 1000, peakRssMiB: peakKiB / 1024, stdout: run.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Median and range of a list of numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

export interface PairedResult {
  pairs: number;
  oursMs: Spread;
  anchorMs: Spread;
  /** ours / anchor within each pair: the steadiest figure on a shared machine. */
  ratio: Spread;
  oursCpuMs: Spread;
  anchorCpuMs: Spread;
  /** ours / anchor CPU time within each pair. */
  cpuRatio: Spread;
  oursPeakRssMiB: number;
  anchorPeakRssMiB: number;
}

/**
 * `pairs` A/B pairs of cold runs (after one untimed warm-up of each, which fills the page cache
 * as a user's second run would find it). `check` sees every run's output and throws when ours and
 * the anchor disagree: a faster wrong answer is not a result.
 */
export function pairedRuns(
  ours: Command,
  anchor: Command,
  pairs: number,
  check: (oursRun: ProcessRun, anchorRun: ProcessRun) => void,
): PairedResult {
  check(runCold(ours), runCold(anchor));
  const oursMs: number[] = [];
  const anchorMs: number[] = [];
  const ratios: number[] = [];
  const oursCpu: number[] = [];
  const anchorCpu: number[] = [];
  let oursPeak = 0;
  let anchorPeak = 0;
  for (let k = 0; k < pairs; k++) {
    const [a, b] = k % 2 === 0 ? [runCold(ours), runCold(anchor)] : swap(runCold(anchor), runCold(ours));
    check(a, b);
    oursMs.push(a.wallMs);
    anchorMs.push(b.wallMs);
    ratios.push(a.wallMs / b.wallMs);
    oursCpu.push(a.cpuMs);
    anchorCpu.push(b.cpuMs);
    oursPeak = Math.max(oursPeak, a.peakRssMiB);
    anchorPeak = Math.max(anchorPeak, b.peakRssMiB);
  }
  return {
    pairs,
    oursMs: spread(oursMs),
    anchorMs: spread(anchorMs),
    ratio: spread(ratios),
    oursCpuMs: spread(oursCpu),
    anchorCpuMs: spread(anchorCpu),
    cpuRatio: spread(oursCpu.map((c, i) => c / (anchorCpu[i] as number))),
    oursPeakRssMiB: oursPeak,
    anchorPeakRssMiB: anchorPeak,
  };
}

/** Anchor first, ours second, returned as [ours, anchor]. */
function swap(anchorRun: ProcessRun, oursRun: ProcessRun): [ProcessRun, ProcessRun] {
  return [oursRun, anchorRun];
}

/** Rounds a spread for printing: `{ median, min, max }` in whole ms, or to 2 places for ratios. */
export function rounded(s: Spread, places = 0): Spread {
  const f = 10 ** places;
  const r = (x: number) => Math.round(x * f) / f;
  return { median: r(s.median), min: r(s.min), max: r(s.max) };
}
