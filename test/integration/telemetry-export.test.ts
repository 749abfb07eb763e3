import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startIngestion, type Envelope } from '../support/app-insights-ingestion';
import { startTokenIssuer } from '../../simulators/identity/token-issuer';
import { ALEX, entraToken, ssoEnv } from '../support/entra-tokens';
import { startServer, waitForStatus, type ServerProcess } from '../support/server-process';

// The built server (`node bot/dist/index.js`, as App Service runs it) with an Application
// Insights connection string pointing at a local ingestion endpoint: what it exports, and what it
// must never export.
const FREE_TEXT = 'Quokka lantern 4417 stay interviews';
const BLOCKER = 'Marmalade licence 9903 expired';

type Ingestion = Awaited<ReturnType<typeof startIngestion>>;
const byType = (ingestion: Ingestion, type: string) =>
  ingestion.envelopes.filter((e) => e.data?.baseType === type);
const props = (e: Envelope | undefined) =>
  (e?.data?.baseData?.properties ?? {}) as Record<string, string>;
const audits = (ingestion: Ingestion) =>
  byType(ingestion, 'MessageData').filter((m) => m.data?.baseData?.message === 'admin audit');

describe('telemetry export to Application Insights', () => {
  let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
  let server: ServerProcess | undefined;
  let ingestion: Ingestion | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
  });
  afterEach(async () => {
    await server?.stop('SIGKILL');
    await ingestion?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    server = ingestion = dataDir = undefined;
  });
  afterAll(async () => {
    await issuer?.stop();
  });

  /**
   * Starts the server exporting to a fresh ingestion endpoint; Alex checks in from the tab with
   * free text in every text field, an admin exports Alex's data and Alex is refused the same;
   * then SIGTERM, which flushes what is buffered before the process exits.
   */
  async function exercise(env: Record<string, string>) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-telemetry-'));
    ingestion = await startIngestion();
    server = await startServer({
      BEARING_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...ssoEnv(issuer),
      ...ingestion.childEnv,
      ...env,
    });
    expect(await waitForStatus(`${server.baseUrl}/healthz`, 200, 60_000)).toBe(200);
    const token = entraToken(issuer);
    const adminToken = entraToken(issuer, { roles: ['Bearing.Admin'] });
    const baseUrl = server.baseUrl;
    const call = async (method: string, route: string, bearer: string, body?: unknown) => {
      const res = await fetch(`${baseUrl}/api/v1${route}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

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
    // The answer holds the check-in text; the telemetry must not.
    const exported = await call('GET', `/admin/users/${ALEX}/export`, adminToken);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain(FREE_TEXT);
    expect((await call('GET', `/admin/users/${ALEX}/export`, token)).status).toBe(403);

    expect((await server.stop('SIGTERM')).code).toBe(0);
    return { ingestion, token, adminToken };
  }

  it('exports request spans and the admin audit trail, with no token or check-in text', async () => {
    // Every trace kept (the default rate limit could drop some of this burst).
    const { ingestion, token, adminToken } = await exercise({ OTEL_TRACES_SAMPLER: 'always_on' });

    // A request span for the admin export, with its route and status.
    const exportRequest = byType(ingestion, 'RequestData').find(
      (r) =>
        String(r.data?.baseData?.url).includes(`/api/v1/admin/users/${ALEX}/export`) &&
        r.data?.baseData?.responseCode === '200',
    );
    expect(exportRequest).toBeDefined();
    expect(exportRequest!.iKey).toBe(ingestion.instrumentationKey);
    // The audit records, as log records (traces) with their fields as custom dimensions…
    const exportAudit = audits(ingestion).find((m) => props(m).action === 'exportUser');
    expect(props(exportAudit)).toMatchObject({ audit: 'true', actorId: ALEX, targetUserId: ALEX });
    expect(audits(ingestion).find((m) => props(m).action === 'denied')).toBeDefined();
    // …in the operation of the request they audit (the log line ran inside its span).
    const operation = exportRequest!.tags?.['ai.operation.id'];
    expect(operation).toMatch(/^[0-9a-f]{32}$/);
    expect(exportAudit!.tags?.['ai.operation.id']).toBe(operation);
    // Its Cosmos DB calls are its dependencies.
    const dependencies = byType(ingestion, 'RemoteDependencyData').filter(
      (d) => d.tags?.['ai.operation.id'] === operation,
    );
    expect(dependencies.map((d) => String(d.data?.baseData?.data))).toContainEqual(
      expect.stringContaining('/dbs/bearing/colls/'),
    );

    // Nothing that left the process holds a token, an authorization header or what Alex wrote.
    expect(ingestion.bodies.length).toBeGreaterThan(0);
    const secrets = [token, adminToken, token.split('.')[2], adminToken.split('.')[2], 'Bearer'];
    const freeText = [FREE_TEXT, 'Quokka', BLOCKER, 'Marmalade'];
    const leaks = [...secrets, ...freeText].flatMap((secret, i) =>
      ingestion.bodies.filter((b) => b.body.includes(secret)).map((b) => `#${i} in ${b.path}`),
    );
    expect(leaks).toEqual([]);
  }, 120_000);

  it('keeps every audit record when traces are sampled out', async () => {
    const { ingestion } = await exercise({ OTEL_TRACES_SAMPLER: 'always_off' });
    expect(byType(ingestion, 'RequestData')).toEqual([]);
    expect(audits(ingestion).map((m) => props(m).action)).toEqual(['exportUser', 'denied']);
  }, 120_000);

  it('refuses to start with a malformed connection string, naming the setting', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-telemetry-'));
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
