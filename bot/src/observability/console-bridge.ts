import { format } from 'node:util';
import { redactText, type Logger } from './logger';

const LEVELS = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  // A library's console.error is mostly a request it rejected (a forged token), not our failure:
  // our own error paths log at error themselves.
  error: 'warn',
} as const;
type ConsoleMethod = keyof typeof LEVELS;

// Long base64 runs (key material, signatures) that are not marked as such.
const BASE64_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

/**
 * What a library's console call says, fit for a log line: credentials redacted, then only the
 * first line (an error's name and message, never its stack or a key block), at most 300 chars.
 */
export function consoleSummary(args: readonly unknown[]): string {
  const text = redactText(format(...args)).replace(BASE64_RUN, '[redacted]');
  return (text.split('\n', 1)[0] ?? '').slice(0, 300);
}

/**
 * Sends what libraries write to the console (the Bot Framework SDK prints rejected tokens' errors
 * with stacks, and the signing keys it holds) and Node's process warnings through the JSON logger
 * and its redaction, so the process writes nothing else. Returns a function that undoes it.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const saved = new Map<ConsoleMethod, Console[ConsoleMethod]>();
  for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
    saved.set(method, console[method]);
    console[method] = (...args: unknown[]) =>
      logger[LEVELS[method]]('library console output', {
        source: 'console',
        detail: consoleSummary(args),
      });
  }
  const warningListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  const onWarning = (warning: Error) =>
    logger.warn('process warning', {
      source: 'process',
      detail: consoleSummary([warning.message]),
      warning: warning.name,
    });
  process.on('warning', onWarning);
  return () => {
    for (const [method, fn] of saved) console[method] = fn;
    process.off('warning', onWarning);
    for (const listener of warningListeners) process.on('warning', listener);
  };
}
