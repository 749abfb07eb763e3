import { spawnSync } from 'node:child_process';
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

  it('is the root package script, and builds into the git-ignored appPackage/build/', () => {
    const pkg = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.package).toBe('node scripts/package-app.js');
    expect(readText('.gitignore').split('\n')).toEqual(
      expect.arrayContaining(['appPackage/build/', 'env/.env.*.user']),
    );
  });
});
