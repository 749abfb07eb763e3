import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import {
  devValuesWithDummies,
  manifestValidator,
  placeholders,
  readPng,
  readText,
  repoRoot,
} from './ship-helpers';

const script = path.join(repoRoot, 'scripts', 'package-app.js');
const manifestNames = placeholders(readText('appPackage/manifest.json'));

/** Runs the package script with an environment folder we control and no inherited values. */
function runPackage(values: Map<string, string>, envName = 'ci') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-package-'));
  const envDir = path.join(dir, 'env');
  const out = path.join(dir, 'build');
  fs.mkdirSync(envDir);
  const lines = [...values].map(([k, v]) => `${k}=${v}`);
  fs.writeFileSync(path.join(envDir, `.env.${envName}`), `# test\n${lines.join('\n')}\n`);
  const env = { ...process.env };
  for (const name of manifestNames) delete env[name];
  const result = spawnSync(
    process.execPath,
    [script, '--env', envName, '--env-dir', envDir, '--out', out],
    { cwd: repoRoot, env, encoding: 'utf8' },
  );
  return { ...result, zipFile: path.join(out, `appPackage.${envName}.zip`), dir };
}

describe('npm run package (scripts/package-app.js)', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('writes a zip with exactly manifest.json, color.png and outline.png, filled and valid', async () => {
    const values = devValuesWithDummies();
    const run = runPackage(values);
    made.push(run.dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(run.zipFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as { manifestVersion: string; bots: { botId: string }[] };
    expect(manifest.bots[0]?.botId).toBe(values.get('BOT_ID'));
    const validate = manifestValidator(manifest.manifestVersion);
    expect(validate(manifest)).toBe(true);
    const color = readPng(await zip.file('color.png')!.async('nodebuffer'));
    const outline = readPng(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, outline.width]).toEqual([192, 32]);
  });

  it('fails clearly, naming the variable, when an env value is missing', () => {
    const values = devValuesWithDummies();
    values.set('BOT_ID', '');
    values.delete('BOT_DOMAIN');
    const run = runPackage(values);
    made.push(run.dir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/BOT_ID/);
    expect(run.stderr).toMatch(/BOT_DOMAIN/);
    expect(run.stderr).toMatch(/teamsapp provision --env ci/);
    expect(fs.existsSync(run.zipFile)).toBe(false);
  });

  it('fails when the filled manifest breaks the official schema', () => {
    const values = devValuesWithDummies();
    values.set('BOT_ID', 'not-a-guid');
    const run = runPackage(values);
    made.push(run.dir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/schema: \/bots\/0\/botId/);
    expect(fs.existsSync(run.zipFile)).toBe(false);
  });

  it('fails for a wildcard domain, which Teams rejects', () => {
    const values = devValuesWithDummies();
    values.set('BOT_DOMAIN', '*.azurewebsites.net');
    const run = runPackage(values);
    made.push(run.dir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/wildcard/);
  });

  it('rejects an unknown argument or environment file', () => {
    const bad = spawnSync(process.execPath, [script, '--nope'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown argument "--nope"/);
    const missing = spawnSync(process.execPath, [script, '--env', 'nosuchenv'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/env\/\.env\.nosuchenv/);
  });

  it('works on a fresh clone: the default `local` env packages with marked placeholder ids', async () => {
    // Copy exactly what a clone holds (tracked + not ignored files) of the folders involved.
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-clone-'));
    made.push(clone);
    const listed = (args: string[]) =>
      execFileSync(
        'git',
        ['ls-files', ...args, '--', 'scripts', 'appPackage', 'env', 'package.json'],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      )
        .split('\n')
        .filter((f) => f !== '' && fs.existsSync(path.join(repoRoot, f)));
    const files = [...listed([]), ...listed(['--others', '--exclude-standard'])];
    expect(files).toEqual(expect.arrayContaining(['env/.env.local', 'appPackage/manifest.json']));
    expect(files.some((f) => f.includes('/build/') || f.endsWith('.user'))).toBe(false);
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, file), path.join(clone, file));
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    const env = { ...process.env };
    for (const name of manifestNames) delete env[name];
    const run = spawnSync(process.execPath, ['scripts/package-app.js'], {
      cwd: clone,
      env,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/appPackage\.local\.zip/);
    expect(run.stdout).toMatch(/placeholders, not real ids/);
    const zipFile = path.join(clone, 'appPackage', 'build', 'appPackage.local.zip');
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      manifestVersion: string;
      id: string;
      validDomains: string[];
    };
    const validate = manifestValidator(manifest.manifestVersion);
    expect(validate(manifest)).toBe(true);
    expect(manifest.id).toMatch(/^00000000-0000-4000-8000-/);
    expect(manifest.validDomains).toEqual(['localhost']);
  });

  it('uses the local placeholders only for `local` and only for empty names', () => {
    const values = devValuesWithDummies();
    values.set('BOT_ID', '');
    const run = runPackage(values, 'local');
    made.push(run.dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Note: BOT_ID came from appPackage\/local-placeholders\.env/);
    const dev = runPackage(values, 'dev');
    made.push(dev.dir);
    expect(dev.status).not.toBe(0);
    expect(dev.stderr).toMatch(/BOT_ID/);
  });

  it('is the root package script, and builds into the git-ignored appPackage/build/', () => {
    const pkg = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.package).toBe('node scripts/package-app.js');
    expect(readText('.gitignore').split('\n')).toEqual(
      expect.arrayContaining(['appPackage/build/', 'env/.env.*.user']),
    );
  });
});
