/**
 * The CLI: parse with cac, dispatch to a command, and map every outcome to an exit code:
 * 0 ok, 1 check failed, 2 usage/input error (one line, no stack), 3 internal error (stack + report).
 * Everything it touches comes in through `io` and `deps`, so tests run it in-process.
 */
import path from 'node:path';
import { cac } from 'cac';
import { isMigratrackError } from '../errors.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { devCommand } from './commands/dev.js';
import { initCommand } from './commands/init.js';
import { previewCommand } from './commands/preview.js';
import { scanCommand } from './commands/scan.js';
import { explainCommand } from './commands/explain.js';
import { syncCommand } from './commands/sync.js';
import { loadPipeline, type PipelineDeps } from './deps.js';
import { renderCommandHelp, renderGlobalHelp } from './help.js';
import { colorsFor, type CliIo } from './io.js';
import { printable } from '../printable.js';
import { createLogger, type LogLevel } from './logger.js';
import { GLOBAL_OPTIONS, type CommandSpec, type RawOptions } from './spec.js';
import { closest } from './suggest.js';
import { REPORT_URL, VERSION } from './version.js';

export const COMMANDS: CommandSpec[] = [buildCommand, scanCommand, checkCommand, initCommand, devCommand, previewCommand, explainCommand, syncCommand];

/** A user error found while parsing the command line (exit 2). */
class UsageError extends Error {}

interface Parsed {
  command: CommandSpec | null;
  options: RawOptions;
}

function parse(argv: string[]): Parsed {
  const cli = cac('migratrack');
  for (const o of GLOBAL_OPTIONS) cli.option(o.flags, o.description);
  // ignoreOptionDefaultValue: an absent flag must stay undefined so the config file can win.
  for (const spec of COMMANDS) {
    const command = cli.command(spec.name, spec.summary, { ignoreOptionDefaultValue: true });
    for (const o of spec.options) command.option(o.flags, o.description);
  }
  const { args, options } = cli.parse(['node', 'migratrack', ...argv], { run: false });
  const name = cli.matchedCommandName;
  const command = COMMANDS.find((c) => c.name === name) ?? null;
  if (command === null && args[0] !== undefined) {
    const guess = closest(String(args[0]), COMMANDS.map((c) => c.name));
    const hint = guess === null ? '' : `did you mean "${guess}"? `;
    throw new UsageError(`unknown command "${String(args[0])}" (${hint}expected one of ${COMMANDS.map((c) => c.name).join(', ')}; see migratrack --help)`);
  }
  if (options.help === true || options.version === true) return { command, options };
  const where = command === null ? 'migratrack --help' : `migratrack ${command.name} --help`;
  try {
    (cli.matchedCommand ?? cli.globalCommand).checkUnknownOptions();
    cli.matchedCommand?.checkOptionValue();
  } catch (error) {
    // cac says "Unknown option `--x`" / "option `--repo <dir>` value is missing": keep the flag, add the way out.
    const message = (error as Error).message
      .replace(/`/g, '')
      .replace(/^Unknown option/, 'unknown option')
      .replace(/^option ((?:-\w, )?(--[\w-]+)) (<\w+>) value is missing/, '$2 needs a value ($2 $3)');
    const flag = /^unknown option (--[\w-]+)/.exec(message)?.[1];
    const known = [...GLOBAL_OPTIONS, ...(command?.options ?? [])].flatMap((o) => o.flags.match(/--[\w-]+/g) ?? []);
    const guess = flag === undefined ? null : closest(flag, known);
    const hint = guess === null ? '' : `did you mean ${guess}? `;
    throw new UsageError(`${message}${command === null ? '' : ` for ${command.name}`} (${hint}see ${where})`);
  }
  // cac has already taken the command name off `args`; no command takes positionals.
  if (command !== null && args[0] !== undefined) {
    throw new UsageError(`unexpected argument "${String(args[0])}" for ${command.name} (it takes options only; see ${where})`);
  }
  return { command, options };
}

function logLevel(options: RawOptions): LogLevel {
  if (options.quiet === true && options.verbose === true) throw new UsageError('--quiet and --verbose cannot be used together');
  return options.quiet === true ? 'quiet' : options.verbose === true ? 'verbose' : 'normal';
}

/** Names the file (and line) when the message does not already, so every error says where. */
function locationSuffix(message: string, file: string | null, line: number | null): string {
  if (file === null || message.includes(path.basename(file))) return line === null || message.includes(`:${line}`) ? '' : ` (line ${line})`;
  return ` (${file}${line === null ? '' : `:${line}`})`;
}

/**
 * Runs the CLI and resolves to the exit code; never throws and never calls process.exit.
 * @param argv arguments after the script name, e.g. `['scan', '--format', 'json']`
 * @param deps the pipeline; defaults to src/lib/pipeline, loaded only when a command needs it
 */
export async function runCli(argv: string[], io: CliIo, deps?: PipelineDeps): Promise<number> {
  const err = (line: string): void => void io.stderr.write(`${line}\n`);
  try {
    const { command, options } = parse(argv);
    const colors = colorsFor(io.stdout, io.env);
    if (options.version === true) {
      io.stdout.write(`migratrack ${VERSION}\n`);
      return 0;
    }
    if (options.help === true || command === null) {
      io.stdout.write(command === null ? renderGlobalHelp(COMMANDS, colors) : renderCommandHelp(command, colors));
      return 0;
    }
    const log = createLogger(io, logLevel(options));
    let pipeline: PipelineDeps | undefined = deps;
    return await command.run({
      io,
      options,
      log,
      colors,
      pipeline: async () => (pipeline ??= await loadPipeline()),
      print: (text) => void io.stdout.write(text),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      err(printable(`migratrack: ${error.message}`));
      return 2;
    }
    if (isMigratrackError(error)) {
      err(printable(`migratrack: ${error.message}${locationSuffix(error.message, error.file, error.line)}`));
      return error.exitCode;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    err(printable(`migratrack: internal error: ${error instanceof Error ? error.message : String(error)}`));
    err(stack);
    err(`This is a bug in migratrack ${VERSION}, not in your input. Please report it${REPORT_URL === null ? ' to the migratrack maintainers' : ` at ${REPORT_URL}`} with the command you ran and the output above.`);
    return 3;
  }
}
