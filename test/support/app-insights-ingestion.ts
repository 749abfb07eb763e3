import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { selfSignedLoopbackCert } from './self-signed-cert';

/** One Application Insights envelope as the exporter sends it (Breeze v2.1 `track`). */
export interface Envelope {
  readonly name: string;
  readonly time: string;
  readonly iKey: string;
  readonly tags?: Record<string, string>;
  readonly data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/**
 * A stand-in for Application Insights ingestion on https://127.0.0.1: it accepts `POST /v2.1/track`
 * (JSON, optionally gzip) as the documented endpoint does, answers every item accepted, and keeps
 * every request body (live metrics included) so a test can scan all that left the process.
 * `childEnv` holds the settings that point a server process at it.
 */
export async function startIngestion() {
  const { cert, key } = selfSignedLoopbackCert();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-ingestion-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, cert);
  const bodies: { path: string; body: string }[] = [];
  const envelopes: Envelope[] = [];
  const server = https.createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
      bodies.push({ path: req.url ?? '', body });
      if (req.method === 'POST' && req.url?.startsWith('/v2.1/track')) {
        const items = JSON.parse(body) as Envelope[];
        envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            itemsReceived: items.length,
            itemsAccepted: items.length,
            errors: [],
          }),
        );
        return;
      }
      // Live metrics (QuickPulse) ping/post: nobody is watching, so the process only keeps pinging.
      res.writeHead(200, { 'content-type': 'application/json', 'x-ms-qps-subscribed': 'false' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const instrumentationKey = randomUUID();
  return {
    url,
    instrumentationKey,
    /** Every request body received, decompressed, in order. */
    bodies,
    envelopes,
    /** Environment of a server process that exports here (and nowhere else). */
    childEnv: {
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${url}/;LiveEndpoint=${url}/`,
      NODE_EXTRA_CA_CERTS: caFile,
      // The exporter's own usage statistics go to a fixed Microsoft endpoint: off in tests.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
