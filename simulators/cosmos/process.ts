import path from 'node:path';
import { startHelper, startTsHelper } from '../processes';

/** What a bench's table says about the store it ran against. */
export const CORRECTED_STORE =
  'embedded Cosmos in its own process; queries scoped to their partition key, query plans not ' +
  'evaluated, no O(n²) scan (simulators/cosmos/partitioned-cosmos.ts)';
export const PLAIN_STORE = 'embedded Cosmos (@vercel/cosmosdb-server as is) in its own process';

/**
 * The embedded Cosmos server in its own process (as a real store would be: not on our CPU). By
 * default with the corrections of partitioned-cosmos.ts, so that its whole-container scans
 * (quadratic in the container's size) do not stand in for Cosmos DB's indexed queries; `plain`
 * runs the server as the tests and local mode do. `nodeArgs` go to that process's node (e.g. a
 * CPU profile).
 */
export function startCosmosProcess(
  mode: 'corrected' | 'plain' = 'corrected',
  nodeArgs: string[] = [],
) {
  if (mode === 'corrected')
    return startTsHelper(path.join(__dirname, 'partitioned-cosmos.ts'), [], nodeArgs);
  const script =
    "const s=require('@vercel/cosmosdb-server').createHttpServer({keepAlive:true});" +
    "s.listen(0,'127.0.0.1',()=>console.log(JSON.stringify({url:'http://127.0.0.1:'+s.address().port})));" +
    "process.on('SIGTERM',()=>process.exit(0));";
  return startHelper([...nodeArgs, '-e', script]);
}
