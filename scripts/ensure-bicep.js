#!/usr/bin/env node
// Finds the Bicep CLI the infra tests compile and lint infra/ with, in this order:
//   1. `bicep` on PATH;
//   2. the Azure CLI's Bicep (`az bicep install --version …`, kept in the Azure CLI's folder);
//   3. with `dotnet`: the official NuGet package Azure.Bicep.CommandLine.<platform>, restored into
//      node_modules/.cache/bicep (git-ignored).
// The version is the one teamsapp.yml gives the Toolkit (`bicepCliVersion`): stated once. A CLI of
// another version is used only when nothing can provide the pinned one (with a warning). With none
// of the three it prints the command that installs Bicep here and fails: never a silent skip.
// `node scripts/ensure-bicep.js` prints the executable and its version; require() gives findBicep.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'bicep');
const exe = process.platform === 'win32' ? 'bicep.exe' : 'bicep';

/** The Bicep CLI version teamsapp.yml pins for the Toolkit's arm/deploy, without the `v`. */
function pinnedVersion() {
  const yml = fs.readFileSync(path.join(root, 'teamsapp.yml'), 'utf8');
  const match = /^\s*bicepCliVersion:\s*v?(\d+\.\d+\.\d+)\s*$/m.exec(yml);
  if (!match) throw new Error('teamsapp.yml has no `bicepCliVersion: v<major>.<minor>.<patch>`');
  return match[1];
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) return { ok: false, out: '', err: String(result.error.message) };
  return { ok: result.status === 0, out: result.stdout ?? '', err: result.stderr ?? '' };
}

/** `Bicep CLI version 0.49.2 (…)` → '0.49.2'; undefined when the file does not run. */
function versionOf(command) {
  const result = run(command, ['--version']);
  return result.ok ? /(\d+\.\d+\.\d+)/.exec(result.out)?.[1] : undefined;
}

function onPath() {
  const which = process.platform === 'win32' ? 'where' : 'which';
  const result = run(which, [exe]);
  const file = result.ok ? result.out.split(/\r?\n/)[0].trim() : '';
  return file ? { file, via: 'PATH' } : undefined;
}

function fromAzureCli(version) {
  if (!run('az', ['version', '--output', 'none']).ok) return undefined;
  const configDir = process.env.AZURE_CONFIG_DIR || path.join(os.homedir(), '.azure');
  const file = path.join(configDir, 'bin', exe);
  if (versionOf(file) !== version) run('az', ['bicep', 'install', '--version', `v${version}`]);
  return fs.existsSync(file) ? { file, via: 'az bicep' } : undefined;
}

/** NuGet runtime identifier of this machine, as the Bicep packages are named. */
function rid() {
  const platform = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  return platform && arch ? `${platform}-${arch}` : undefined;
}

function fromNuGet(version) {
  const id = rid();
  const sdk = run('dotnet', ['--version']);
  if (!id || !sdk.ok) return undefined;
  const packageId = `Azure.Bicep.CommandLine.${id}`;
  const packages = path.join(cacheDir, 'packages');
  const file = path.join(packages, packageId.toLowerCase(), version, 'tools', exe);
  if (!fs.existsSync(file)) {
    // A throwaway project that only downloads the package (no build, no framework reference).
    const major = /^(\d+)\./.exec(sdk.out.trim())?.[1] ?? '8';
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bicep-'));
    fs.writeFileSync(
      path.join(work, 'restore.csproj'),
      `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net${major}.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="${packageId}" Version="[${version}]" /></ItemGroup>
</Project>
`,
    );
    console.error(
      `Restoring ${packageId} ${version} from NuGet into ${path.relative(root, packages)}…`,
    );
    const restore = run(
      'dotnet',
      ['restore', path.join(work, 'restore.csproj'), '--packages', packages],
      {
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
      },
    );
    fs.rmSync(work, { recursive: true, force: true });
    if (!restore.ok || !fs.existsSync(file)) {
      throw new Error(
        `dotnet restore of ${packageId} ${version} failed:\n${restore.out}${restore.err}`,
      );
    }
  }
  if (process.platform !== 'win32') fs.chmodSync(file, 0o755);
  return { file, via: `NuGet ${packageId}` };
}

/** The one command that installs the pinned Bicep CLI on this platform. */
function installCommand(version) {
  if (process.platform === 'darwin') return 'brew install azure/bicep/bicep';
  if (process.platform === 'win32') return 'winget install -e --id Microsoft.Bicep';
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  return (
    `curl -fsSLo bicep https://github.com/Azure/bicep/releases/download/v${version}/bicep-linux-${arch}` +
    ' && chmod +x bicep && sudo mv bicep /usr/local/bin/bicep'
  );
}

/**
 * The Bicep CLI to use: `{ file, version, via, pinned }`. Throws, naming the install command, when
 * no Bicep can be found or provided.
 */
function findBicep() {
  const version = pinnedVersion();
  let fallback;
  for (const candidate of [onPath, () => fromAzureCli(version), () => fromNuGet(version)]) {
    const found = candidate();
    const got = found && versionOf(found.file);
    if (!found || !got) continue;
    if (got === version) return { ...found, version: got, pinned: version };
    fallback ??= { ...found, version: got, pinned: version };
  }
  if (fallback) {
    console.error(
      `warning: using Bicep ${fallback.version} (${fallback.via}); teamsapp.yml pins ${version}.`,
    );
    return fallback;
  }
  throw new Error(
    `The infra tests need the Bicep CLI ${version} (none on PATH, no Azure CLI, no dotnet).\n` +
      `Install it with:\n  ${installCommand(version)}`,
  );
}

module.exports = { findBicep, pinnedVersion, installCommand };

if (require.main === module) {
  try {
    const bicep = findBicep();
    console.log(`Bicep CLI ${bicep.version} (${bicep.via}): ${bicep.file}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
