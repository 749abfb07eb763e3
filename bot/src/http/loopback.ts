import type { Request } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** True when the TCP peer is this machine (not a header a client could forge). */
export function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return LOOPBACK.has(address) || address.startsWith('127.');
}
