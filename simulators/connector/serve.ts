import { startConnectorSimulator } from './simulator';

// Runs the simulator in its own process (so it does not share a CPU with the code under test) and
// reports what it received at GET /_report on a second port. Prints both ports as one JSON line.
async function main(): Promise<void> {
  const tenantPerSecond = Number(process.argv[2] ?? 50);
  const sim = await startConnectorSimulator({ tenantPerSecond });
  const http = await import('node:http');
  const report = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        stats: sim.stats,
        deliveries: sim.deliveries.map((d) => [d.conversationId, d.at]),
      }),
    );
  });
  await new Promise<void>((r) => report.listen(0, '127.0.0.1', () => r()));
  const address = report.address() as { port: number };
  console.log(JSON.stringify({ url: sim.url, report: `http://127.0.0.1:${address.port}` }));
  process.on('SIGTERM', () => process.exit(0));
}

void main();
