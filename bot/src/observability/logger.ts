import type { LogLevel } from '../config';

/** Structured fields attached to a log line. Never put tokens, keys or user free text here. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** The logger every part of the server takes as a parameter. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// Field names whose values must never reach a log line even if a caller passes them by mistake.
const SECRET_FIELD = /(token|secret|password|key|authorization|cookie)$/i;

function redact(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : v;
  return out as LogFields;
}

/** A JSON-lines logger on stdout/stderr at the given level. */
export function createLogger(
  level: LogLevel,
  write: (line: string, isError: boolean) => void = (line, isError) =>
    (isError ? process.stderr : process.stdout).write(line + '\n'),
): Logger {
  const log = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level: lvl,
      message,
      ...redact(fields),
    });
    write(line, lvl === 'error' || lvl === 'warn');
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}
