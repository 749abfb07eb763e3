import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A locally generated signing key and a stub of the Bot Framework OpenID/JWKS endpoints. */
export async function startTokenIssuer(channelId = 'msteams') {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = {
    ...(publicKey.export({ format: 'jwk' }) as object),
    kid,
    use: 'sig',
    alg: 'RS256',
    endorsements: [channelId],
  };
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/openid') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer: 'https://api.botframework.com',
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (req.url === '/keys') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;

  /** Signs a token; options forge the variants a test needs. */
  const sign = (
    claims: Record<string, unknown>,
    options: { alg?: 'RS256' | 'none'; key?: 'real' | 'other'; kid?: string } = {},
  ): string => {
    const header = { alg: options.alg ?? 'RS256', typ: 'JWT', kid: options.kid ?? kid };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    if (header.alg === 'none') return `${input}.`;
    const key = options.key === 'other' ? other.privateKey : privateKey;
    return `${input}.${b64url(crypto.sign('RSA-SHA256', Buffer.from(input), key))}`;
  };
  return {
    openIdMetadataUrl: url,
    sign,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Seconds since the epoch, as JWT times count. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of a valid Bot Framework channel token for `botId` and `serviceUrl`, with overrides. */
export const channelClaims = (
  botId: string,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
) => ({
  iss: 'https://api.botframework.com',
  aud: botId,
  serviceurl: serviceUrl,
  nbf: nowSeconds() - 60,
  iat: nowSeconds() - 60,
  exp: nowSeconds() + 3600,
  ...overrides,
});
