import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './observability/logger';
import { routeConsoleToLogger } from './observability/console-bridge';
import { startServer } from './server';
import { startTelemetry } from './observability/telemetry';

/** Process entry point: parse config, start, and stop cleanly on SIGTERM/SIGINT. */
function start(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Libraries' console output (the Bot Framework SDK's) becomes JSON log lines, redacted.
  routeConsoleToLogger(logger);
  let stopping = false;
  startTelemetry(config.appInsightsConnectionString)
    .then(() => startServer(config, logger))
    .then(
      ({ stop }) => {
        const shutdown = (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info('shutting down', { signal });
          stop().then(
            () => process.exit(0),
            (error: unknown) => {
              logger.error('shutdown failed', { error: (error as Error).name });
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', () => shutdown('SIGTERM'));
        process.on('SIGINT', () => shutdown('SIGINT'));
      },
      (error: unknown) => {
        logger.error('bearing failed to start', { error: (error as Error).message });
        process.exit(1);
      },
    );
}

start();
