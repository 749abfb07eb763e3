import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storesOver, type ServerStores } from '../../bot/src/store';
import { ensureSchema } from '../../bot/src/store/containers';
import { createCosmosClient } from '../../bot/src/store/cosmos-client';
import {
  EMBEDDED_KEY,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../bot/src/store/embedded/embedded-cosmos';
import { OperationCounter } from '../../bot/src/store/op-counter';
import type { Logger } from '../../bot/src/observability/logger';
import type { CosmosClient } from '@azure/cosmos';

/** A logger that keeps lines for assertions. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: object) =>
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** One embedded Cosmos server and database for a test file. */
export interface TestStore {
  readonly server: EmbeddedCosmos;
  readonly client: CosmosClient;
  readonly counter: OperationCounter;
  /** Every store over the database, as the server is composed from them. */
  readonly stores: ServerStores;
  close(): Promise<void>;
}

/** Starts the embedded server with a fresh database (call in beforeAll). */
export async function startTestStore(
  databaseId = `test-${process.pid}-${Date.now()}`,
): Promise<TestStore> {
  const server = await startEmbeddedCosmos();
  const client = createCosmosClient({
    endpoint: server.endpoint,
    key: EMBEDDED_KEY,
    embedded: true,
  });
  const database = await ensureSchema(client, databaseId);
  const counter = new OperationCounter();
  return {
    server,
    client,
    counter,
    stores: storesOver(database, counter),
    close: async () => {
      client.dispose();
      await server.stop();
    },
  };
}

/** A fresh temporary directory. */
export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
