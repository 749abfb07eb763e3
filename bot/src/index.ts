import { ConfigError, loadConfig, type Config } from './config';
import { startTelemetry, stopTelemetry } from './observability/telemetry';
import type { RunningServer } from './server';

// Telemetry first. Only config (zod) and the OpenTelemetry API are imported above (the type
// import is erased): the server's modules (express, http, @azure/cosmos, botbuilder) are loaded
// below, after the exporter has patched http and the Azure SDK, so that their requests and
// dependency calls are recorded. Without a connection string nothing of it is loaded.

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

/** Process entry point: parse config, start telemetry, start, and stop cleanly on SIGTERM/SIGINT. */
async function start(): Promise<void> {
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
  let running: RunningServer;
  try {
    const { startServer } = await import('./server');
    running = await startServer(config, logger);
  } catch (error) {
    logger.error('bearing failed to start', { error: (error as Error).message });
    return exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    running.stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: (error as Error).name });
        return exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void start();
