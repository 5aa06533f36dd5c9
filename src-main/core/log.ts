/**
 * Diagnostics of the desk core go to stderr, one line each, so that the
 * Electron main process, the bridge CLI and test runners all capture them
 * without the core knowing who hosts it. stdout stays free for the CLIs'
 * one-line announcements.
 */
export type LogLevel = 'warn' | 'error';

export interface CoreLogger {
  warn(message: string, cause?: unknown): void;
  error(message: string, cause?: unknown): void;
}

function describe(cause: unknown): string {
  if (cause === undefined) return '';
  if (cause instanceof Error) return ` — ${cause.stack ?? `${cause.name}: ${cause.message}`}`;
  return ` — ${String(cause)}`;
}

export function createStderrLogger(scope: string): CoreLogger {
  const write = (level: LogLevel, message: string, cause?: unknown): void => {
    process.stderr.write(`[ayni:${scope}] ${level}: ${message}${describe(cause)}\n`);
  };
  return {
    warn: (message, cause) => write('warn', message, cause),
    error: (message, cause) => write('error', message, cause),
  };
}
