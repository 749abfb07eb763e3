import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A helper process that prints one JSON line when it is ready. */
export async function startHelper(
  args: string[],
): Promise<{ info: Record<string, string>; stop(): void; kill(): void }> {
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
    child.on('error', reject);
  });
  return { info, stop: () => child.kill('SIGTERM'), kill: () => child.kill('SIGKILL') };
}

/** What a bench's table says about the store it ran against. */
export const CORRECTED_STORE =
  'embedded Cosmos in its own process; queries scoped to their partition key, query plans not ' +
  'evaluated, no O(n²) scan (bench/partitioned-cosmos.ts)';
export const PLAIN_STORE = 'embedded Cosmos (@vercel/cosmosdb-server as is) in its own process';

/**
 * The embedded Cosmos server in its own process (as a real store would be: not on our CPU). By
 * default with the corrections of bench/partitioned-cosmos.ts, so that its whole-container scans
 * (quadratic in the container's size) do not stand in for Cosmos DB's indexed queries; `plain`
 * runs the server as the tests and local mode do.
 */
export function startCosmosProcess(mode: 'corrected' | 'plain' = 'corrected') {
  if (mode === 'corrected') {
    const root = path.resolve(__dirname, '..');
    return startHelper([
      path.join(root, 'scripts', 'run-ts.js'),
      path.join(root, 'bench', 'partitioned-cosmos.ts'),
    ]);
  }
  const script =
    "const s=require('@vercel/cosmosdb-server').createHttpServer({keepAlive:true});" +
    "s.listen(0,'127.0.0.1',()=>console.log(JSON.stringify({url:'http://127.0.0.1:'+s.address().port})));" +
    "process.on('SIGTERM',()=>process.exit(0));";
  return startHelper(['-e', script]);
}

/** The Bot Connector simulator in its own process. */
export function startSimulatorProcess(tenantPerSecond: number) {
  const root = path.resolve(__dirname, '..');
  return startHelper([
    path.join(root, 'scripts', 'run-ts.js'),
    path.join(root, 'bench', 'connector-simulator', 'serve.ts'),
    String(tenantPerSecond),
  ]);
}
