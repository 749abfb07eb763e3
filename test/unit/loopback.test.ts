import type { Request } from 'express';
import { isLoopback } from '../../bot/src/http/loopback';

const req = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as Request;

describe('isLoopback', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.0.53'])('accepts %s', (address) => {
    expect(isLoopback(req(address))).toBe(true);
  });
  it.each(['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.1', '2001:db8::1', undefined])(
    'rejects %s',
    (address) => {
      expect(isLoopback(req(address))).toBe(false);
    },
  );
  it('ignores forwarded headers a client could forge', () => {
    expect(isLoopback(req('10.0.0.5', { 'x-forwarded-for': '127.0.0.1' }))).toBe(false);
  });
});
