import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and span of one unit of work (HTTP request, bot turn) shares. */
interface WorkContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

// A caller-supplied id is echoed into logs, so only short opaque tokens are taken from outside.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Runs `work` with a correlation id (the given one when it is a safe token, else a new one). */
export function withCorrelation<T>(id: string | undefined, work: () => T): T {
  const correlationId = id && SAFE_ID.test(id) ? id : randomUUID();
  return storage.run({ correlationId }, work);
}

/** The correlation id of the current unit of work, if any. */
export function correlationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
