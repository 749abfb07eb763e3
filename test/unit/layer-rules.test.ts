import path from 'node:path';
import { ESLint } from 'eslint';

// The layer rules of STYLE.md are ESLint rules; this proves they fire where they must.
const root = path.resolve(__dirname, '..', '..');
// Load the config ourselves: ESLint's own loader uses a dynamic import that jest's VM cannot run.
const config = require(path.join(root, 'eslint.config.js'));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? 'parse');
}

describe('layer rules', () => {
  it.each([
    ["import fs from 'node:fs';\nexport const a = fs;", 'core/src/okr/bad.ts'],
    [
      "import { CosmosClient } from '@azure/cosmos';\nexport const a = CosmosClient;",
      'core/src/kpi/bad.ts',
    ],
    ["import express from 'express';\nexport const a = express;", 'core/src/api/bad.ts'],
  ])('core may not import I/O: %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it('core may not touch process', async () => {
    expect(await ruleIds('export const a = process.env.X;', 'core/src/okr/bad.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('only bot/src/teams may import botbuilder', async () => {
    const code = "import { CloudAdapter } from 'botbuilder';\nexport const a = CloudAdapter;";
    expect(await ruleIds(code, 'bot/src/features/check-in/bad.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(code, 'bot/src/teams/ok.ts')).not.toContain('no-restricted-imports');
  });

  it('only bot/src/config.ts reads process.env', async () => {
    const code = 'export const a = process.env.PORT;';
    expect(await ruleIds(code, 'bot/src/http/bad.ts')).toContain('no-restricted-properties');
    expect(await ruleIds(code, 'bot/src/config.ts')).not.toContain('no-restricted-properties');
  });
});
