import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

// Set once the exporter runs; shuts it down (flushing what is buffered) at exit.
let shutdown: (() => Promise<void>) | undefined;

/**
 * OpenTelemetry export to Application Insights, only when a connection string is configured.
 * Without one the OpenTelemetry API stays a no-op, so spans below cost next to nothing locally.
 *
 * Call it before the server's modules are loaded (bot/src/index.ts): the distro records incoming
 * requests and outgoing calls (Cosmos DB, Bot Framework, Entra ID) by patching `http` and the
 * Azure SDK as they are first required. Log lines reach it through `withLogExport`.
 */
export async function startTelemetry(
  connectionString: string | undefined,
  auth: 'connection-string' | 'entra' = 'connection-string',
): Promise<boolean> {
  if (!connectionString) return false;
  // Loaded lazily: the exporter pulls in a large instrumentation tree that local runs never need.
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  // With Application Insights local auth off, ingestion accepts only Entra tokens: the app's
  // managed identity (AZURE_CLIENT_ID) holds Monitoring Metrics Publisher on the resource.
  const credential =
    auth === 'entra' ? new (await import('@azure/identity')).DefaultAzureCredential() : undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(credential ? { credential } : {}) },
    // Traces may be sampled (OTEL_TRACES_SAMPLER); log lines, the admin audit trail among them,
    // are never dropped with an unsampled trace.
    enableTraceBasedSamplingForLogs: false,
    // Only http and the Azure SDK are used here; the database client hooks stay off.
    instrumentationOptions: {
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  shutdown = async () => {
    await shutdownAzureMonitor();
  };
  return true;
}

/**
 * Flushes buffered telemetry and stops the exporter (no-op when it never started). Waits at most
 * `timeoutMs` so an unreachable ingestion endpoint cannot hold up a shutdown.
 */
export async function stopTelemetry(timeoutMs = 10_000): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  if (!stop) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  await Promise.race([stop().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

const tracer = () => trace.getTracer('bearing');

/**
 * Runs `work` inside a span. Attributes must be identifiers only (operation, container, status),
 * never tokens or user text; a thrown error marks the span failed with its name, not its message.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      const e = error as { name?: string; code?: unknown };
      span.setStatus({ code: SpanStatusCode.ERROR, message: e.name ?? 'Error' });
      if (typeof e.code === 'number') span.setAttribute('bearing.status_code', e.code);
      throw error;
    } finally {
      span.end();
    }
  });
}
