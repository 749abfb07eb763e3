import { ConfigError, loadConfig, type Config } from './config';
import { startTelemetry, stopTelemetry } from './observability/telemetry';
import type { Logger } from './observability/logger';

/** A started process: its configuration, its logger, and how it ends. */
export interface Booted {
  readonly config: Config;
  readonly logger: Logger;
  /** Flushes telemetry, then exits with `code`. */
  exit(code: number): Promise<never>;
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

// Telemetry first. Only config (zod) and the OpenTelemetry API are imported above (the type
// import is erased): the caller's modules (express, http, @azure/cosmos, botbuilder) are loaded
// after boot() returns, once the exporter has patched http and the Azure SDK, so that their
// requests and dependency calls are recorded. Without a connection string nothing of it is loaded.

/**
 * What every Bearing process does first (the server, index.ts, and its delivery process,
 * delivery-main.ts): parse config (exit 78 naming what to fix), start telemetry, route log lines
 * and libraries' console output through the redacting JSON logger.
 */
export async function boot(): Promise<Booted> {
  const config = readConfig();
  let exporting: boolean;
  try {
    exporting = await startTelemetry(config.appInsightsConnectionString, config.telemetryAuth);
  } catch (error) {
    process.stderr.write(`Bearing cannot start telemetry: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { createLogger, writeToConsole } = await import('./observability/logger');
  // Log lines (the admin audit trail among them) go to the console and, when exporting, to
  // Application Insights as the same redacted records.
  const write = exporting
    ? (await import('./observability/log-export')).withLogExport(writeToConsole)
    : writeToConsole;
  const logger = createLogger(config.logLevel, write);
  // Libraries' console output (the Bot Framework SDK's) becomes JSON log lines, redacted.
  (await import('./observability/console-bridge')).routeConsoleToLogger(logger);
  const exit = (code: number) => stopTelemetry().then(() => process.exit(code));
  return { config, logger, exit };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits 0 (1 when stopping failed). */
export function stopOnSignals(booted: Booted, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    booted.logger.info('shutting down', { signal });
    stop().then(
      () => booted.exit(0),
      (error: unknown) => {
        booted.logger.error('shutdown failed', { error: (error as Error).name });
        return booted.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
