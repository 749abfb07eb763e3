import { startConnectorSimulator } from './simulator';

// Runs the simulator in its own process (so it does not share a CPU with the code under test) and
// reports what it received on a second port: GET / every delivery, GET /?prefix=chat- only how
// many conversations whose id starts so received something (cheap enough to poll every 100 ms: the
// full list of a 10,000-member fan-out is half a megabyte of JSON).
// Prints both ports as one JSON line.
async function main(): Promise<void> {
  const tenantPerSecond = Number(process.argv[2] ?? 50);
  const sim = await startConnectorSimulator({ tenantPerSecond });
  const http = await import('node:http');
  const recipients = new Set<string>();
  let counted = 0;
  const report = http.createServer((req, res) => {
    for (; counted < sim.deliveries.length; counted += 1)
      recipients.add(sim.deliveries[counted].conversationId);
    const prefix = new URL(req.url ?? '/', 'http://report').searchParams.get('prefix');
    const body =
      prefix === null
        ? { stats: sim.stats, deliveries: sim.deliveries.map((d) => [d.conversationId, d.at]) }
        : {
            stats: sim.stats,
            recipients: [...recipients].filter((c) => c.startsWith(prefix)).length,
          };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => report.listen(0, '127.0.0.1', () => r()));
  const address = report.address() as { port: number };
  console.log(JSON.stringify({ url: sim.url, report: `http://127.0.0.1:${address.port}` }));
  process.on('SIGTERM', () => process.exit(0));
}

void main();
