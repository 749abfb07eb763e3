#!/usr/bin/env node
// The server's deploy package: the built server (core/dist, bot/dist), the built tab (tab/dist,
// already bundled by Vite) and the production dependencies of core and bot only. Writes
// .deployment/app/ (what azureAppService/zipDeploy uploads) and .deployment/bearing.zip (for
// `az webapp deploy` and CI); .deployment/ is git-ignored. Run `npm run build` first.
//   node scripts/package-deploy.js [--out <dir>] [--tab <built tab folder, default tab/dist>]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback);
};
const out = option('--out', path.join(root, '.deployment'));
const tabDist = option('--tab', path.join(root, 'tab', 'dist'));
const app = path.join(out, 'app');
/** Built output the web app runs (`node bot/dist/index.js`; the server serves tab/dist). */
const BUILT = {
  'core/dist': path.join(root, 'core', 'dist'),
  'bot/dist': path.join(root, 'bot', 'dist'),
  'tab/dist': tabDist,
};
/** Workspaces whose production dependencies the server loads (the tab's are bundled). */
const SERVER_WORKSPACES = ['core', 'bot'];

function fail(message) {
  console.error(message);
  process.exit(1);
}

for (const [dir, from] of Object.entries(BUILT)) {
  if (!fs.existsSync(from)) fail(`${dir} is missing (${from}): run \`npm run build\` first.`);
}
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Production dependency folders of the server workspaces, relative to the repository root. */
function productionPackages() {
  const args = ['ls', '--omit=dev', '--all', '--parseable'];
  for (const ws of SERVER_WORKSPACES) args.push('--workspace', ws);
  let listing;
  try {
    listing = execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    fail(`npm ls failed (run \`npm install\`):\n${error.stderr || error.message}`);
  }
  const dirs = listing
    .split(/\r?\n/)
    .map((line) => path.relative(root, line.trim()))
    // node_modules/<pkg>, and packages a workspace keeps to itself (bot/node_modules/<pkg>).
    .filter((rel) => rel.split(path.sep).includes('node_modules'))
    .filter((rel) => !rel.startsWith(path.join('node_modules', '@bearing')))
    .sort();
  // A folder inside one already copied (a nested node_modules) comes along with it.
  return dirs.filter((dir, i) => !dirs.slice(0, i).some((d) => dir.startsWith(d + path.sep)));
}

const skip = (src) => {
  const base = path.basename(src);
  return base === '.bin' || base.endsWith('.tsbuildinfo');
};
const copy = (from, to) =>
  fs.cpSync(from, to, { recursive: true, dereference: true, filter: (src) => !skip(src) });

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(app, { recursive: true });

// package.json without workspaces, scripts or dev dependencies: App Service only runs the start
// command, and a workspace root would make npm look for the tab's dependencies.
const { name, version, description, license, engines } = rootPackage;
fs.writeFileSync(
  path.join(app, 'package.json'),
  `${JSON.stringify({ name, version, private: true, description, license, engines }, null, 2)}\n`,
);
for (const [dir, from] of Object.entries(BUILT)) copy(from, path.join(app, dir));
for (const ws of SERVER_WORKSPACES) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  delete pkg.devDependencies;
  delete pkg.scripts;
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  fs.writeFileSync(path.join(app, ws, 'package.json'), text);
  // The workspace link (node_modules/@bearing/<ws>) as a real folder: zip files keep no links.
  const linked = path.join(app, 'node_modules', '@bearing', ws);
  fs.mkdirSync(linked, { recursive: true });
  fs.writeFileSync(path.join(linked, 'package.json'), text);
  copy(path.join(root, ws, 'dist'), path.join(linked, 'dist'));
}
const packages = productionPackages();
for (const rel of packages) copy(path.join(root, rel), path.join(app, rel));

/** Every file under a folder, relative to it, with forward slashes. */
function files(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(path.join(dir, entry.name), rel) : [rel];
  });
}

async function main() {
  const zip = new JSZip();
  const all = files(app);
  let bytes = 0;
  for (const rel of all) {
    const data = fs.readFileSync(path.join(app, ...rel.split('/')));
    bytes += data.length;
    zip.file(rel, data, { unixPermissions: 0o644 });
  }
  const archive = path.join(out, 'bearing.zip');
  await new Promise((resolve, reject) =>
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
        platform: 'UNIX',
      })
      .pipe(fs.createWriteStream(archive))
      .on('finish', resolve)
      .on('error', reject),
  );
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `Deploy package: ${all.length} files, ${mb(bytes)} in ${path.relative(root, app) || app}, ` +
      `${packages.length} production packages; ${path.relative(root, archive)} ${mb(fs.statSync(archive).size)}`,
  );
}

main().catch((error) => fail(error.stack || String(error)));
