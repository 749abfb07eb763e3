#!/usr/bin/env node
// Builds the Teams app package: appPackage/build/appPackage.<env>.zip (manifest.json, color.png,
// outline.png at the zip root), offline. Usage:
//   npm run package [-- --env local|dev] [--out <dir>] [--env-dir <dir>]
// Values for ${{NAME}} placeholders come from the process environment, then env/.env.<env>.user,
// then env/.env.<env> (like the Toolkit: a variable already set in the environment wins). For the
// default `local` environment only, names still empty after that fall back to the clearly-marked,
// non-secret placeholder ids of appPackage/local-placeholders.env, so a fresh clone packages offline
// (the result validates but cannot be installed until `teamsapp provision --env local`). The filled
// manifest is validated against the official schema of its manifestVersion, as bundled in the
// @microsoft/app-manifest package (never the network), and the icons are checked from their PNG headers. Any problem exits non-zero with a message saying what to fix.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const APP_DIR = path.join(ROOT, 'appPackage');
const DEFAULT_ENV = 'local';
const LOCAL_PLACEHOLDERS = path.join(APP_DIR, 'local-placeholders.env');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ICON_SIZES = { color: 192, outline: 32 };

class PackageError extends Error {}

function parseArgs(argv) {
  const options = {
    env: DEFAULT_ENV,
    out: path.join(APP_DIR, 'build'),
    envDir: path.join(ROOT, 'env'),
  };
  const names = { '--env': 'env', '--out': 'out', '--env-dir': 'envDir' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const key = names[flag];
    if (!key) throw new PackageError(`unknown argument "${argv[i]}" (use --env, --out, --env-dir)`);
    const value = inline ?? argv[(i += 1)];
    if (!value) throw new PackageError(`${flag} needs a value`);
    options[key] = key === 'env' ? value : path.resolve(value);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(options.env)) {
    throw new PackageError(`--env "${options.env}" is not an environment name`);
  }
  return options;
}

/** Parses a dotenv file: KEY=VALUE lines, # comments, optional quotes around the value. */
function parseEnvFile(text) {
  const values = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '').trim();
    values[match[1]] = value;
  }
  return values;
}

/** The values of an environment: env file, then its .user file, then the process environment. */
function loadEnvironment(envDir, envName, processEnv) {
  const file = path.join(envDir, `.env.${envName}`);
  if (!fs.existsSync(file)) {
    throw new PackageError(`no environment file ${path.relative(ROOT, file) || file}`);
  }
  const values = parseEnvFile(fs.readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if (fs.existsSync(userFile))
    Object.assign(values, parseEnvFile(fs.readFileSync(userFile, 'utf8')));
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined && value !== '') values[key] = value;
  }
  const placeholdersUsed = [];
  if (envName === 'local' && fs.existsSync(LOCAL_PLACEHOLDERS)) {
    const fallback = parseEnvFile(fs.readFileSync(LOCAL_PLACEHOLDERS, 'utf8'));
    for (const [key, value] of Object.entries(fallback)) {
      if (values[key] === undefined || values[key] === '') {
        values[key] = value;
        placeholdersUsed.push(key);
      }
    }
  }
  return { values, file, placeholdersUsed };
}

/** Replaces every ${{NAME}}; lists the names that are unset or empty. Values are JSON-escaped. */
function fillPlaceholders(text, values) {
  const missing = new Set();
  const filled = text.replace(PLACEHOLDER, (_, name) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(String(value)).slice(1, -1);
  });
  return { filled, missing: [...missing] };
}

/** Where @microsoft/app-manifest bundles the official Teams schema of a manifestVersion. */
function manifestSchemaFile(manifestVersion) {
  if (!/^(\d+\.\d+|devPreview)$/.test(String(manifestVersion))) {
    throw new PackageError(`manifestVersion "${manifestVersion}" is not a Teams manifest version`);
  }
  let pkg;
  try {
    pkg = require.resolve('@microsoft/app-manifest/package.json', { paths: [ROOT] });
  } catch {
    throw new PackageError('@microsoft/app-manifest is not installed: run `npm install`');
  }
  const dir = path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams');
  return path.join(dir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** The official schema for a manifestVersion, from the copy bundled in @microsoft/app-manifest. */
function loadSchema(manifestVersion) {
  const file = manifestSchemaFile(manifestVersion);
  if (!fs.existsSync(file)) {
    throw new PackageError(
      `no offline schema for manifestVersion ${manifestVersion} (looked for ${file}); ` +
        'use a manifestVersion that the installed @microsoft/app-manifest ships',
    );
  }
  return { schema: JSON.parse(fs.readFileSync(file, 'utf8')), file };
}

async function validateAgainstSchema(manifest, schema) {
  const { ManifestUtil } = require('@microsoft/app-manifest');
  // Validates against the given schema object: draft-04 Ajv, formats, no network.
  return ManifestUtil.validateManifestAgainstSchema(manifest, schema);
}

/** Reads a PNG's size and colour type from its IHDR chunk, and its RGBA pixels when 8-bit RGBA. */
function readPng(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(signature)) return undefined;
  if (buffer.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  const png = {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    bitDepth: buffer[24],
    colorType: buffer[25],
    interlace: buffer[28],
  };
  if (png.bitDepth !== 8 || png.colorType !== 6 || png.interlace !== 0) return png;
  const idat = [];
  for (let offset = 8; offset + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(offset);
    if (buffer.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      idat.push(buffer.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = png.width * 4;
  const pixels = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new PackageError(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { ...png, pixels };
}

/** Problems with an icon: not a PNG, wrong size, or (outline) not white on transparent. */
function iconProblems(kind, file) {
  const size = ICON_SIZES[kind];
  if (!fs.existsSync(file)) return [`icons.${kind}: ${path.relative(ROOT, file)} does not exist`];
  const png = readPng(fs.readFileSync(file));
  if (!png) return [`icons.${kind}: ${path.relative(ROOT, file)} is not a PNG`];
  const problems = [];
  if (png.width !== size || png.height !== size) {
    problems.push(`icons.${kind} must be ${size}x${size} pixels, is ${png.width}x${png.height}`);
  }
  if (kind === 'outline') {
    if (!png.pixels) {
      problems.push('icons.outline must be an 8-bit RGBA PNG (white on transparent)');
    } else {
      let transparent = 0;
      let coloured = 0;
      for (let i = 0; i < png.pixels.length; i += 4) {
        const [r, g, b, a] = png.pixels.subarray(i, i + 4);
        if (a === 0) transparent += 1;
        else if (r !== 255 || g !== 255 || b !== 255) coloured += 1;
      }
      if (coloured > 0) problems.push(`icons.outline has ${coloured} pixels that are not white`);
      if (transparent === 0) problems.push('icons.outline has no transparent background');
    }
  }
  return problems;
}

/** Checks Teams applies beyond the JSON schema (the admin center rejects these). */
function teamsRuleProblems(manifest) {
  const problems = [];
  for (const domain of manifest.validDomains ?? []) {
    if (domain.includes('*')) problems.push(`validDomains: "${domain}" has a wildcard`);
    if (/^https?:\/\//i.test(domain))
      problems.push(`validDomains: "${domain}" must be a host name`);
  }
  const info = manifest.webApplicationInfo;
  if (info && info.resource && !info.resource.endsWith(`/${info.id}`)) {
    problems.push('webApplicationInfo.resource must be api://<domain>/<webApplicationInfo.id>');
  }
  return problems;
}

/** Builds and writes the package; returns the zip's path. Throws PackageError on any problem. */
async function packageApp({ env, out, envDir }, processEnv = process.env) {
  const manifestFile = path.join(APP_DIR, 'manifest.json');
  const { values, file: envFile, placeholdersUsed } = loadEnvironment(envDir, env, processEnv);
  const { filled, missing } = fillPlaceholders(fs.readFileSync(manifestFile, 'utf8'), values);
  if (missing.length > 0) {
    throw new PackageError(
      `appPackage/manifest.json needs ${missing.join(', ')}, which ${
        missing.length === 1 ? 'is' : 'are'
      } not set in ${path.relative(ROOT, envFile) || envFile} (or its .user file, or the environment). ` +
        `Run \`teamsapp provision --env ${env}\` to fill the provisioned values, or set them yourself.`,
    );
  }
  const manifest = JSON.parse(filled);
  const { schema, file: schemaFile } = loadSchema(manifest.manifestVersion);
  const problems = [
    ...(await validateAgainstSchema(manifest, schema)).map((p) => `schema: ${p.trim()}`),
    ...teamsRuleProblems(manifest),
    ...Object.keys(ICON_SIZES).flatMap((kind) =>
      iconProblems(kind, path.join(APP_DIR, manifest.icons?.[kind] ?? `${kind}.png`)),
    ),
  ];
  if (problems.length > 0) {
    throw new PackageError(
      `the ${env} app package is not valid (schema ${path.basename(schemaFile)}):\n  - ${problems.join('\n  - ')}`,
    );
  }

  const JSZip = require('jszip');
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', fs.readFileSync(path.join(APP_DIR, manifest.icons.color)));
  zip.file('outline.png', fs.readFileSync(path.join(APP_DIR, manifest.icons.outline)));
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(out, { recursive: true });
  const zipFile = path.join(out, `appPackage.${env}.zip`);
  fs.writeFileSync(zipFile, buffer);
  return { zipFile, schemaFile, placeholdersUsed };
}

async function main() {
  try {
    const options = parseArgs(process.argv.slice(2));
    const { zipFile, schemaFile, placeholdersUsed } = await packageApp(options);
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), zipFile)} (valid against ${path.basename(schemaFile)})\n`,
    );
    if (placeholdersUsed.length > 0) {
      process.stdout.write(
        `Note: ${placeholdersUsed.join(', ')} came from appPackage/local-placeholders.env ` +
          '(placeholders, not real ids): this package validates but cannot be installed in Teams. ' +
          `Run \`teamsapp provision --env ${options.env}\` or fill env/.env.${options.env} first.\n`,
      );
    }
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(`npm run package: ${error.message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`npm run package failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}

module.exports = {
  packageApp,
  parseEnvFile,
  fillPlaceholders,
  readPng,
  manifestSchemaFile,
  PackageError,
};
