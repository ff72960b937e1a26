/**
 * What the pipeline uses to talk to the user: leveled messages on stderr and a progress display
 * for long steps (history backfill, astro build) that stays silent in CI and off a terminal.
 */
import { printable } from '../printable.js';
import { colorsFor, isInteractive, type CliIo, type Colors } from './io.js';

export type LogLevel = 'quiet' | 'normal' | 'verbose';

/** A long step's progress. Calls are cheap: drawing is throttled and skipped when not interactive. */
export interface Progress {
  /** `done` of `total` (when known) units processed; `detail` e.g. the current commit date. */
  update(done: number, detail?: string): void;
  /** Clears the display; prints `message` as an info line when given. */
  done(message?: string): void;
}

export interface Logger {
  readonly level: LogLevel;
  /** Colours for stderr (disabled off a TTY and with NO_COLOR). */
  readonly colors: Colors;
  /** A step that happened ("Scanned 76 files"). Hidden by --quiet. */
  info(message: string): void;
  /** A result worth a tick ("Site written to dist/"). Hidden by --quiet. */
  success(message: string): void;
  /** Something the user should know even with --quiet (partly bad input, fallbacks). */
  warn(message: string): void;
  /** Internals for --verbose (resolved config, timings). */
  debug(message: string): void;
  progress(label: string, total?: number): Progress;
}

const REDRAW_MS = 80;

export function createLogger(io: CliIo, level: LogLevel, now: () => number = Date.now): Logger {
  const colors = colorsFor(io.stderr, io.env);
  const out = (line: string): void => void io.stderr.write(`${line}\n`);
  const logger: Logger = {
    level,
    colors,
    info: (m) => level !== 'quiet' && out(m),
    success: (m) => level !== 'quiet' && out(`${colors.green('✔')} ${m}`),
    warn: (m) => out(`${colors.yellow('warning:')} ${printable(m)}`),
    debug: (m) => level === 'verbose' && out(colors.dim(m)),
    progress(label, total) {
      // Off a terminal (CI logs, pipes) a redrawn line is noise: only the final message is kept.
      if (level === 'quiet' || !isInteractive(io.stderr, io.env)) {
        return { update() {}, done: (message) => message !== undefined && logger.info(message) };
      }
      let last = 0;
      const draw = (text: string): void => void io.stderr.write(`\r\x1b[2K${text}`);
      return {
        update(done, detail) {
          if (now() - last < REDRAW_MS) return;
          last = now();
          const count = total === undefined ? `${done}` : `${done}/${total}`;
          draw(`${colors.cyan(label)} ${count}${detail === undefined ? '' : ` ${colors.dim(detail)}`}`);
        },
        done(message) {
          draw('');
          if (message !== undefined) logger.info(message);
        },
      };
    },
  };
  return logger;
}
