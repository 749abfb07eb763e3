import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Makes journal records durable (resolves once they are on disk). */
export type WriteSink = (members: string[]) => Promise<void>;

// Document routes of the embedded server; database, container and UDF changes are schema, which
// `ensureSchema` recreates at every start.
const DOCS = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?\/*$/;

type Target = { readonly coll: string; readonly docId?: string; readonly batch: boolean };

const isTrue = (req: IncomingMessage, name: string) =>
  String(req.headers[name] ?? '').toLowerCase() === 'true';

/** The document write a request makes, routed as the embedded server routes it; else undefined. */
function targetOf(req: IncomingMessage, databaseId: string): Target | undefined {
  const m = DOCS.exec((req.url ?? '').split('?')[0]);
  if (!m || decodeURIComponent(m[1]) !== databaseId) return undefined;
  const coll = decodeURIComponent(m[2]);
  const docId = m[3] === undefined ? undefined : decodeURIComponent(m[3]);
  if (req.method === 'POST' && docId === undefined) {
    const query =
      isTrue(req, 'x-ms-documentdb-isquery') ||
      req.headers['content-type'] === 'application/query+json';
    if (query) return undefined;
    const batch =
      !isTrue(req, 'x-ms-documentdb-is-upsert') && isTrue(req, 'x-ms-cosmos-is-batch-request');
    return { coll, batch };
  }
  if (docId !== undefined && ['PUT', 'PATCH', 'DELETE'].includes(req.method ?? ''))
    return { coll, docId, batch: false };
  return undefined;
}

/** The partition key value of a header or batch operation (`["value"]` or `"value"`). */
function partitionValue(raw: unknown): unknown {
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

const deletion = (coll: string, id: string, pk: unknown) =>
  `"c":${JSON.stringify(coll)},"d":${JSON.stringify({ id, pk: partitionValue(pk) })}`;

type BatchOperation = { operationType?: string; id?: string; partitionKey?: unknown };
type BatchResult = { statusCode: number; resourceBody?: unknown };

/** The journal records of a successful answer: the documents as stored, or what was deleted. */
function recordsOf(target: Target, req: IncomingMessage, body: unknown, requestBody: Buffer[]) {
  const coll = JSON.stringify(target.coll);
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (!target.batch) {
    if (req.method === 'DELETE') return [deletion(target.coll, target.docId as string, header)];
    if (typeof body !== 'string' || !body.startsWith('{'))
      throw new Error('document write answered without a document');
    // The answer is the document exactly as stored (JSON.stringify output: no newlines).
    return [`"c":${coll},"p":${body}`];
  }
  const operations = JSON.parse(Buffer.concat(requestBody).toString()) as BatchOperation[];
  const results = JSON.parse(String(body)) as BatchResult[];
  return results.flatMap((result, i) => {
    const op = operations[i] ?? {};
    if (result.statusCode >= 300 || op.operationType === 'Read') return [];
    if (op.operationType === 'Delete')
      return [deletion(target.coll, String(op.id), op.partitionKey ?? header)];
    return result.resourceBody ? [`"c":${coll},"p":${JSON.stringify(result.resourceBody)}`] : [];
  });
}

/**
 * Holds the answer to every successful document write to `databaseId` until its effect is in the
 * journal: whoever got a 2xx can rely on it surviving a crash. A write that cannot be journalled is
 * answered 503 (it may still be visible until the next restart).
 */
export function captureWrites(
  server: Server,
  databaseId: string,
  sink: WriteSink,
  onError: (error: unknown) => void,
): void {
  // Registered after the embedded server's own listener, so this runs before it can answer. The
  // server applies a write and calls `end` one microtask later, so the journal's order (sequence
  // numbers are assigned in `end`) is the order in which writes were applied.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = targetOf(req, databaseId);
    if (!target) return;
    const requestBody: Buffer[] = [];
    if (target.batch) req.on('data', (chunk: Buffer) => requestBody.push(chunk));
    const end = res.end.bind(res) as (body?: unknown) => ServerResponse;
    const fail = (error: unknown) => {
      onError(error);
      res.statusCode = 503;
      end(JSON.stringify({ code: 'ServiceUnavailable', message: 'the write is not durable' }));
    };
    res.end = ((body?: unknown) => {
      if (res.statusCode < 200 || res.statusCode >= 300) return end(body);
      try {
        const members = recordsOf(target, req, body, requestBody);
        if (members.length === 0) return end(body);
        sink(members).then(() => end(body), fail);
      } catch (error) {
        fail(error);
      }
      return res;
    }) as typeof res.end;
  });
}
