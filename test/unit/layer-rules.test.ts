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

  it('a feature imports another feature only through its index.ts', async () => {
    const deep = "import { kpiView } from '../kpis/kpi-view';\nexport const a = kpiView;";
    const index = "import { kpiView } from '../kpis';\nexport const a = kpiView;";
    const own = "import { kpiView } from './kpi-view';\nexport const a = kpiView;";
    const sharedDeep = "import { text } from '../common/cards/text';\nexport const a = text;";
    expect(await ruleIds(deep, 'bot/src/features/alignment/bad.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(sharedDeep, 'bot/src/features/kpis/bad.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds(
        "import { x } from '../../kpis/kpi-view';\nexport const a = x;",
        'bot/src/features/common/cards/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { x } from '../features/kpis/routes';\nexport const a = x;",
        'bot/src/http/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    for (const [file, from] of [
      ['bot/src/teams/bad.ts', '../features/kpis/routes'],
      ['bot/src/compose.ts', './features/kpis/routes'],
      ['bot/src/server.ts', './features/kpis/routes'],
    ])
      expect(await ruleIds(`import { x } from '${from}';\nexport const a = x;`, file)).toContain(
        'no-restricted-imports',
      );
    expect(await ruleIds(index, 'bot/src/features/alignment/ok.ts')).not.toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(own, 'bot/src/features/kpis/ok.ts')).not.toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds(
        "import { x } from '../features/kpis';\nexport const a = x;",
        'bot/src/http/ok.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('card files never import use cases (types are fine)', async () => {
    const useCase = "import { teamStatus } from './team-status';\nexport const a = teamStatus;";
    const otherFeature = "import { kpiView } from '../kpis';\nexport const a = kpiView;";
    const types =
      "import type { MemberStatus } from './team-status';\nexport type A = MemberStatus;";
    const card =
      "import { buildCheckInCard } from './check-in-card';\nexport const a = buildCheckInCard;";
    const shared = "import { text } from '../common';\nexport const a = text;";
    const rule = '@typescript-eslint/no-restricted-imports';
    expect(await ruleIds(useCase, 'bot/src/features/team/bad-card.ts')).toContain(rule);
    expect(await ruleIds(otherFeature, 'bot/src/features/team/bad-card.ts')).toContain(rule);
    expect(
      await ruleIds(
        "import { requireMember } from '../team-scope';\nexport const a = requireMember;",
        'bot/src/features/common/cards/bad.ts',
      ),
    ).toContain(rule);
    for (const code of [types, card, shared])
      expect(await ruleIds(code, 'bot/src/features/check-in/ok-card.ts')).not.toContain(rule);
  });

  it.each([
    "import { x } from '../../../test/support/embedded-store';\nexport const a = x;",
    "import { x } from '../../bench/store';\nexport const a = x;",
    "import { x } from '../../simulators/teams';\nexport const a = x;",
  ])('bot/src never imports tests, benchmarks or simulators: %s', async (code) => {
    for (const file of [
      'bot/src/http/bad.ts',
      'bot/src/features/kpis/bad.ts',
      'bot/src/teams/bad.ts',
    ])
      expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });
});
