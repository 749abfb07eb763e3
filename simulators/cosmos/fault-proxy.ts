import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fault proxy does with one Cosmos request (undefined: pass it through). */
export type CosmosFault = (
  req: http.IncomingMessage,
  body: string,
) =>
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'forwardThenDrop' }
  /** Answers without forwarding, as Cosmos DB would (e.g. a transactional batch it refused). */
  | { kind: 'reply'; status: number; body: unknown }
  | undefined;

/**
 * A loopback HTTP proxy in front of the embedded Cosmos server that can answer 429/503 itself or
 * forward a request and then drop the connection (the write applied, the caller never hears).
 */
export async function startFaultProxy(target: string) {
  let fault: CosmosFault = () => undefined;
  const seen = { total: 0, injected: 0 };
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    seen.total += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const f = fault(req, Buffer.concat(chunks).toString());
      if (f?.kind === 'status') {
        seen.injected += 1;
        res
          .writeHead(f.status, {
            'content-type': 'application/json',
            ...(f.retryAfterMs !== undefined
              ? { 'x-ms-retry-after-ms': String(f.retryAfterMs) }
              : {}),
            ...(f.status === 429 ? { 'x-ms-substatus': '3200' } : {}),
          })
          .end(
            JSON.stringify({ code: f.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable' }),
          );
        return;
      }
      if (f?.kind === 'reply') {
        seen.injected += 1;
        res.writeHead(f.status, { 'content-type': 'application/json' }).end(JSON.stringify(f.body));
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (up) => {
          if (f?.kind === 'forwardThenDrop') {
            seen.injected += 1;
            up.resume();
            up.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    setFault: (f: CosmosFault | undefined) => {
      fault = f ?? (() => undefined);
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}
