import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Helpers for the tests of what ships: app package, infra, Toolkit files and CI. */

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

// The package script's own lookup: the official schemas bundled in @microsoft/app-manifest.
const { manifestSchemaFile } = require('../../../scripts/package-app.js') as {
  manifestSchemaFile: (manifestVersion: string) => string;
};
export { manifestSchemaFile };

/** The official Teams manifest schema of a manifestVersion, as @microsoft/app-manifest ships it. */
export const manifestSchema = (version: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(manifestSchemaFile(version), 'utf8')) as Record<string, unknown>;

export const readText = (relative: string): string =>
  fs.readFileSync(path.join(repoRoot, relative), 'utf8');

export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every `${{NAME}}` used in a text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Parses a dotenv file (KEY=VALUE lines, # comments). */
export function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`not a KEY=VALUE line: ${line}`);
    values.set(match[1] as string, (match[2] as string).trim());
  }
  return values;
}

export const readEnv = (name: string) => parseEnv(readText(`env/.env.${name}`));

/** A stand-in for a value provisioning fills in, shaped like the real one. */
export function dummyValue(name: string, index: number): string {
  if (name === 'BOT_DOMAIN') return 'bearing-test.azurewebsites.net';
  if (name.endsWith('_URL')) return `https://contoso.example/${name.toLowerCase()}`;
  if (name.endsWith('_ID'))
    return `0000000${index % 10}-1111-2222-3333-${String(index).padStart(12, '0')}`;
  return `test-${name.toLowerCase()}`;
}

/** env/.env.dev with dummy values for the names left empty for provisioning. */
export function devValuesWithDummies(): Map<string, string> {
  const values = readEnv('dev');
  [...values.keys()].forEach((name, i) => {
    if (values.get(name) === '') values.set(name, dummyValue(name, i + 1));
  });
  return values;
}

/** Replaces `${{NAME}}` with JSON-escaped values; throws on a name with no value. */
export function fill(text: string, values: Map<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === '') throw new Error(`no value for ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
}

/**
 * Compiles an official Teams manifest schema with Ajv's default dialect. The schemas declare
 * draft-04 but use nothing whose meaning differs in draft-07 (no boolean exclusiveMinimum or
 * exclusiveMaximum, no `id` keyword); `draft04OnlyKeywords` checks that before we rely on it.
 */
export function manifestValidator(version: string): ValidateFunction {
  const { $schema: _dialect, ...rest } = manifestSchema(version);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(rest);
}

/** Paths in a JSON schema where a keyword means something else in draft-04 than in draft-07. */
export function draft04OnlyKeywords(node: unknown, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => draft04OnlyKeywords(n, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  const record = node as Record<string, unknown>;
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (typeof record[key] === 'boolean') found.push(`${at}/${key}`);
  }
  if (typeof record.id === 'string' && !('type' in record && record.type === 'string')) {
    found.push(`${at}/id`);
  }
  for (const [key, value] of Object.entries(record)) {
    // Property names are data, not keywords: descend into their schemas only.
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [prop, sub] of Object.entries(value as Record<string, unknown>)) {
        found.push(...draft04OnlyKeywords(sub, `${at}/properties/${prop}`));
      }
    } else {
      found.push(...draft04OnlyKeywords(value, `${at}/${key}`));
    }
  }
  return found;
}

export interface Png {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  readonly bitDepth: number;
  /** RGBA bytes, for 8-bit RGBA images. */
  readonly rgba?: Buffer;
}

/** Reads a PNG: IHDR fields, and the pixels of an 8-bit non-interlaced RGBA image. */
export function readPng(buffer: Buffer): Png {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  if (buffer.toString('ascii', 12, 16) !== 'IHDR') throw new Error('IHDR is not the first chunk');
  const png = {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    bitDepth: buffer[24] as number,
    colorType: buffer[25] as number,
  };
  if (png.bitDepth !== 8 || png.colorType !== 6 || buffer[28] !== 0) return png;
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(offset);
    if (buffer.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      idat.push(buffer.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = png.width * 4;
  const rgba = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y += 1) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (rgba[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { ...png, rgba };
}

/**
 * The Microsoft 365 client applications a Teams tab's SSO app pre-authorizes, as Microsoft's Teams
 * SSO documentation lists them ("Configure your tab app in Microsoft Entra ID", learn.microsoft.com
 * /microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad). The Microsoft 365
 * mobile app and Outlook desktop share one client ID.
 */
export const SSO_HOST_CLIENT_IDS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
] as const;
