import crypto from 'node:crypto';

// A throwaway X.509 certificate for 127.0.0.1, built with node:crypto alone (no openssl binary),
// for HTTPS stubs of services a child process must reach over TLS (trusted there through
// NODE_EXTRA_CA_CERTS). DER encoding per RFC 5280; ECDSA P-256 with SHA-256.

const der = (tag: number, body: Buffer): Buffer => {
  const n = body.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const int = (bytes: Buffer) =>
  der(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const utcTime = (d: Date) =>
  der(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));
const explicit = (n: number, body: Buffer) => der(0xa0 + n, body);

/** A self-signed certificate and key (PEM) valid for `https://127.0.0.1` for one day. */
export function selfSignedLoopbackCert(): { cert: string; key: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), der(0x0c, Buffer.from('127.0.0.1')))));
  const now = Date.now();
  const serial = crypto.randomBytes(8);
  serial[0] = (serial[0] & 0x7f) | 0x01; // positive, no leading zero byte
  const extensions = seq(
    // subjectAltName: iPAddress 127.0.0.1
    seq(oid('2.5.29.17'), der(0x04, seq(der(0x87, Buffer.from([127, 0, 0, 1]))))),
    // basicConstraints: CA (it is its own trust anchor)
    seq(oid('2.5.29.19'), der(0x04, seq(der(0x01, Buffer.from([0xff]))))),
  );
  const tbs = seq(
    explicit(0, int(Buffer.from([2]))),
    int(serial),
    ecdsaSha256,
    name,
    seq(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const certDer = seq(tbs, ecdsaSha256, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = certDer.toString('base64').replace(/.{1,64}/g, '$&\n');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
