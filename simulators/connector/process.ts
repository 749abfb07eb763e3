import path from 'node:path';
import { startTsHelper } from '../processes';

/** The Bot Connector simulator in its own process (serve.ts): `info.url` and `info.report`. */
export function startSimulatorProcess(tenantPerSecond: number) {
  return startTsHelper(path.join(__dirname, 'serve.ts'), [String(tenantPerSecond)]);
}
