import type { Request } from 'express';

/**
 * The caller's address, for per-client limits. Express's `req.ip` is the socket's peer, or — where
 * the app trusts one proxy hop (production: App Service's front end) — the right-most
 * X-Forwarded-For entry, the one the front end appended. App Service writes it with the client's
 * source port (`203.0.113.7:50123`, `[2001:db8::1]:50123`), which changes with every connection,
 * so the port is dropped.
 */
export function clientAddress(req: Request): string {
  const raw = (req.ip ?? req.socket.remoteAddress ?? 'unknown').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  if (bracketed) return bracketed[1] as string;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  return v4WithPort ? (v4WithPort[1] as string) : raw;
}
