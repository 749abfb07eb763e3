import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startIngestion, type Envelope } from '../support/app-insights-ingestion';
import { startTokenIssuer } from '../support/bot-tokens';
import { ALEX, entraToken, ssoEnv } from '../support/entra-tokens';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';

// The built server (`node bot/dist/index.js`, as App Service runs it) with an Application
// Insights connection string pointing at a local ingestion endpoint: what it exports, and what it
// must never export.
const FREE_TEXT = 'Quokka lantern 4417 stay interviews';
const BLOCKER = 'Marmalade licence 9903 expired';

describe('telemetry export to Application Insights', () => {
  let ingestion: Awaited<ReturnType<typeof startIngestion>>;
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let server: ServerProcess | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-telemetry-'));
    ingestion = await startIngestion();
    issuer = await startTokenIssuer();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await ingestion?.stop();
    await issuer?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports request spans and the admin audit trail, with no token or check-in text', async () => {
    server = await startServer({
      BEARING_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...ssoEnv(issuer),
      ...ingestion.childEnv,
      // Keep every trace (the default rate limit could drop some of this burst).
      OTEL_TRACES_SAMPLER: 'always_on',
    });
    expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 60_000)).toBe(200);
    const token = entraToken(issuer);
    const adminToken = entraToken(issuer, { roles: ['Bearing.Admin'] });
    const call = async (method: string, route: string, bearer: string, body?: unknown) => {
      const res = await fetch(`${server!.baseUrl}/api/v1${route}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    // Alex checks in from the tab with free text in every text field.
    const mine = await call('GET', '/me/okrs', token);
    expect(mine.status).toBe(200);
    const team = (
      mine.body.teams as { team: { id: string }; cycle: { id: string }; week: string }[]
    )[0];
    const checkIn = await call('POST', '/me/check-ins', token, {
      teamId: team.team.id,
      submissionId: 'telemetry-submission-1',
      cycleId: team.cycle.id,
      week: team.week,
      updates: [{ keyResultId: 'kr-engagement', value: 8.1, confidence: 'onTrack' }],
      whatChanged: FREE_TEXT,
      blockers: BLOCKER,
      decisionNeeded: `${FREE_TEXT}?`,
    });
    expect(checkIn.status).toBe(200);
    // An admin exports Alex's data (the answer holds the check-in text); a non-admin is refused.
    const exported = await call('GET', `/admin/users/${ALEX}/export`, adminToken);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain(FREE_TEXT);
    expect((await call('GET', `/admin/users/${ALEX}/export`, token)).status).toBe(403);

    // SIGTERM flushes what is buffered before the process exits.
    expect((await server.stop('SIGTERM')).code).toBe(0);
    const byType = (type: string) => ingestion.envelopes.filter((e) => e.data?.baseType === type);
    const requests = byType('RequestData');
    const messages = byType('MessageData');
    const props = (e: Envelope) => (e.data?.baseData?.properties ?? {}) as Record<string, string>;

    // A request span for the admin export, with its route and status.
    const exportRequest = requests.find(
      (r) =>
        String(r.data?.baseData?.url).includes(`/api/v1/admin/users/${ALEX}/export`) &&
        r.data?.baseData?.responseCode === '200',
    );
    expect(exportRequest).toBeDefined();
    expect(exportRequest!.iKey).toBe(ingestion.instrumentationKey);
    // The audit records, as log records (traces) with their fields as custom dimensions…
    const audits = messages.filter((m) => m.data?.baseData?.message === 'admin audit');
    const exportAudit = audits.find((m) => props(m).action === 'exportUser');
    expect(props(exportAudit!)).toMatchObject({ audit: 'true', actorId: ALEX, targetUserId: ALEX });
    expect(audits.find((m) => props(m).action === 'denied')).toBeDefined();
    // …in the operation of the request they audit (the log line ran inside its span).
    const operation = exportRequest!.tags?.['ai.operation.id'];
    expect(operation).toMatch(/^[0-9a-f]{32}$/);
    expect(exportAudit!.tags?.['ai.operation.id']).toBe(operation);
    // The Cosmos DB reads of that export are recorded as its dependencies.
    const dependencies = byType('RemoteDependencyData').filter(
      (d) => d.tags?.['ai.operation.id'] === operation,
    );
    expect(dependencies.length).toBeGreaterThan(0);

    // Nothing that left the process holds a token, an authorization header or what Alex wrote.
    const everything = ingestion.bodies.map((b) => b.body).join('\n');
    expect(everything.length).toBeGreaterThan(0);
    for (const secret of [
      token,
      adminToken,
      token.split('.')[2],
      adminToken.split('.')[2],
      'Bearer',
      FREE_TEXT,
      'Quokka',
      BLOCKER,
      'Marmalade',
    ])
      expect(everything).not.toContain(secret);
  }, 120_000);

  it('refuses to start with a malformed connection string, naming the setting', async () => {
    server = await startServer({
      BEARING_DATA_DIR: dataDir,
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string',
    });
    const exit = await server.exited;
    expect(exit.code).toBe(78);
    expect(server.output()).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(server.output()).not.toContain('not-a-connection-string');
    expect(server.output()).not.toContain('    at '); // a message, not a stack trace
  }, 30_000);
});
