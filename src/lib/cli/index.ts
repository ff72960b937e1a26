/** Public surface of the CLI: run it, type its dependencies, reuse its renderers. */
export { COMMANDS, runCli } from './run.js';
export type { PipelineDeps } from './deps.js';
export { BufferStream, colorsFor, isInteractive, type CliIo, type Colors, type OutputStream } from './io.js';
export { createLogger, type Logger, type LogLevel, type Progress } from './logger.js';
export { compareToBaseline, formatCheckResult, type Baseline, type CheckResult, type HistoryRecord } from './check/index.js';
export { renderMarkdownSummary, renderTextSummary } from './summary/index.js';
