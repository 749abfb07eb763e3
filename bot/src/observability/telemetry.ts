import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/**
 * OpenTelemetry export to Application Insights, only when a connection string is configured.
 * Without one the OpenTelemetry API stays a no-op, so spans below cost next to nothing locally.
 */
export async function startTelemetry(connectionString: string | undefined): Promise<boolean> {
  if (!connectionString) return false;
  // Loaded lazily: the exporter pulls in a large instrumentation tree that local runs never need.
  const { useAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  return true;
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
