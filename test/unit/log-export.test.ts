import { logs, SeverityNumber, type LogRecord } from '@opentelemetry/api-logs';
import { createLogger } from '../../bot/src/observability/logger';
import { withLogExport } from '../../bot/src/observability/log-export';
import { withCorrelation } from '../../bot/src/observability/context';

// Log lines as OpenTelemetry log records: what the Application Insights exporter receives (the
// process-level test, test/integration/telemetry-export.test.ts, checks the exported envelopes).
const records: LogRecord[] = [];
beforeAll(() => {
  logs.setGlobalLoggerProvider({
    getLogger: () => ({ emit: (r) => void records.push(r), enabled: () => true }),
  });
});
afterAll(() => logs.disable());
beforeEach(() => records.splice(0));

function logger() {
  const lines: string[] = [];
  return {
    lines,
    log: createLogger(
      'debug',
      withLogExport((line) => lines.push(line)),
    ),
  };
}

it('exports each line written, message as body and fields as attributes, at its severity', async () => {
  const { lines, log } = logger();
  await withCorrelation('req-9', async () => log.info('admin audit', { audit: true, items: 3 }));
  log.warn('slow store', { ms: 900 });
  log.error('send failed', { error: 'TypeError' });
  log.debug('tick');
  expect(lines).toHaveLength(4);
  expect(records.map((r) => [r.severityNumber, r.severityText, r.body])).toEqual([
    [SeverityNumber.INFO, 'INFO', 'admin audit'],
    [SeverityNumber.WARN, 'WARN', 'slow store'],
    [SeverityNumber.ERROR, 'ERROR', 'send failed'],
    [SeverityNumber.DEBUG, 'DEBUG', 'tick'],
  ]);
  expect(records[0].attributes).toEqual({ correlationId: 'req-9', audit: true, items: 3 });
  expect(records[0].timestamp).toEqual(new Date(JSON.parse(lines[0]).time as string));
});

it('exports the redacted line: no token, authorization header or free text', () => {
  const { log } = logger();
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  log.warn(`rejected Bearer ${jwt}`, {
    authorization: `Bearer ${jwt}`,
    whatChanged: 'my manager is on leave',
    detail: `header was Bearer ${jwt}`,
    team: 'team-1',
  });
  const exported = JSON.stringify(records);
  for (const secret of [jwt, 'c2lnbmF0dXJl', 'on leave']) expect(exported).not.toContain(secret);
  expect(records[0].attributes).toMatchObject({ team: 'team-1', authorization: '[redacted]' });
});

it('skips lines that are not JSON', () => {
  withLogExport(() => undefined)('plain text', false);
  expect(records).toHaveLength(0);
});
