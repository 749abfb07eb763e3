import { logs, SeverityNumber, type AnyValueMap } from '@opentelemetry/api-logs';
import type { LineWriter } from './logger';

// pino level labels (createLogger's `level` field) as OpenTelemetry severities.
const SEVERITY: Readonly<Record<string, SeverityNumber>> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/**
 * Emits one line written by `createLogger` as an OpenTelemetry log record: the message is the
 * body, every other field an attribute. The line is the one already written to stdout/stderr,
 * so it is redacted exactly as the console output is. Emitted synchronously inside the log call,
 * so the record carries the active span (Application Insights `operation_Id`).
 */
export function exportLogLine(line: string): void {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return; // createLogger writes JSON only; anything else is not ours to export
  }
  const { time, level, message, ...attributes } = fields;
  const label = typeof level === 'string' ? level : 'info';
  logs.getLogger('bearing').emit({
    timestamp: typeof time === 'string' ? new Date(time) : new Date(),
    severityNumber: SEVERITY[label] ?? SeverityNumber.INFO,
    severityText: label.toUpperCase(),
    body: typeof message === 'string' ? message : '',
    attributes: attributes as AnyValueMap,
  });
}

/** A writer that writes with `write` and also exports each line as a log record. */
export const withLogExport =
  (write: LineWriter): LineWriter =>
  (line, isError) => {
    write(line, isError);
    exportLogLine(line);
  };
