import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter } from 'botbuilder';
import express from 'express';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/observability/logger';
import { startServer } from '../bot/src/server';
import { botFrameworkAuthentication } from '../bot/src/teams/adapter';

/**
 * The invoke benchmark's server process, on its own as in production (the load generator's CPU is
 * not on its thread): `bearing <env json>` is the whole Bearing server (server.ts → compose.ts);
 * `floor <env json> <card file>` is a bare botbuilder CloudAdapter endpoint with Bearing's token
 * validation (botFrameworkAuthentication) that answers every invoke with the fixed card in the
 * file. Prints `{"url", "cpuUrl"}`; `GET cpuUrl` answers this process's `process.cpuUsage()`.
 */
async function main(): Promise<void> {
  const [mode, envJson, cardFile] = process.argv.slice(2);
  const env = JSON.parse(envJson) as Record<string, string>;
  const config = loadConfig(env);
  let url: string;
  let stop: () => Promise<void>;
  if (mode === 'bearing') {
    const server = await startServer(config, createLogger(config.logLevel));
    url = server.url;
    stop = () => server.stop();
  } else {
    const card = JSON.parse(fs.readFileSync(cardFile, 'utf8')) as unknown;
    const adapter = new CloudAdapter(
      botFrameworkAuthentication({
        appId: config.bot.id,
        tenantId: config.bot.tenantId,
        type: config.bot.type,
        password: config.bot.password,
        openIdMetadataUrl: config.bot.openIdMetadataUrl,
      }),
    );
    const app = express();
    app.post('/api/messages', express.json({ limit: '256kb' }), (req, res) => {
      void adapter.process(req, res, async (context) => {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: card } });
      });
    });
    const server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  }
  const cpu = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(process.cpuUsage()));
  });
  await new Promise<void>((resolve) => cpu.listen(0, '127.0.0.1', () => resolve()));
  const cpuUrl = `http://127.0.0.1:${(cpu.address() as AddressInfo).port}/`;
  // A normal exit on SIGTERM, so that `--cpu-prof` writes its profile.
  process.on('SIGTERM', () => {
    cpu.close();
    void stop().then(() => process.exit(0));
  });
  console.log(JSON.stringify({ url, cpuUrl }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
