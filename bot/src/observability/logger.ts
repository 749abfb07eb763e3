import pino from 'pino';
import type { LogLevel } from '../config';
import { correlationId } from './context';

/** Structured fields attached to a log line. Never put tokens, keys or user free text here. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** The logger every part of the server takes as a parameter. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

// Field names whose values must never reach a log line even if a caller passes them by mistake:
// credentials, and personal free text (names, e-mail, comments, what a user typed).
const SECRET_FIELD = /(token|secret|password|key|authorization|cookie|signature)$/i;
const PERSONAL_FIELD =
  /^(text|name|displayName|userName|email|upn|comment|note|notes|whatChanged|blockers|body|message)$/i;
// Values that are credentials whatever the field is called: bearer headers, JWTs and PEM blocks
// (a key or certificate, to its END line or, when cut short, to the end of the text).
const SECRET_VALUE =
  /(bearer\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]*|-----BEGIN[^-]*-----[\s\S]*?(?:-----END[^-]*-----|$))/gi;

/** Removes credentials (bearer headers, JWTs, PEM blocks) from a text. */
export const redactText = (text: string): string => text.replace(SECRET_VALUE, '[redacted]');

/** Removes credentials and personal free text from fields before they are written. */
export function redact(fields: LogFields | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!fields) return out;
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_FIELD.test(k) || PERSONAL_FIELD.test(k)) out[k] = '[redacted]';
    else out[k] = typeof v === 'string' ? redactText(v) : v;
  }
  return out;
}

/** Where a logger puts each finished (already redacted) JSON line. */
export type LineWriter = (line: string, isError: boolean) => void;

/** The default writer: warn and error to stderr, the rest to stdout. */
export const writeToConsole: LineWriter = (line, isError) =>
  (isError ? process.stderr : process.stdout).write(line + '\n');

/**
 * A JSON-lines logger (pino) at the given level: warn and error to stderr, the rest to stdout.
 * Every line carries the correlation id of the request or bot turn it was written in.
 */
export function createLogger(level: LogLevel, write: LineWriter = writeToConsole): Logger {
  // pino writes synchronously to a plain object destination, so the flag set just before each
  // call tells which stream the line belongs to.
  let isError = false;
  const destination = { write: (line: string) => write(line.replace(/\n$/, ''), isError) };
  const base = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const id = correlationId();
        return id ? { correlationId: id } : {};
      },
    },
    destination,
  );
  const log =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      isError = lvl === 'error' || lvl === 'warn';
      base[lvl](redact(fields), redactText(message));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
