import YAML from 'yaml';
import { readText } from './ship-helpers';

interface Job {
  'runs-on': string;
  container?: string;
  strategy?: { matrix: Record<string, unknown[]> };
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: { uses?: string; run?: string; with?: Record<string, string> }[];
}

describe('.github/workflows/ci.yml', () => {
  const text = readText('.github/workflows/ci.yml');
  const workflow = YAML.parse(text) as {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
  };

  it('runs on pull requests and on version tags', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push).toMatchObject({ tags: ['v*'] });
  });

  it('tests like .ci/run on Debian, on Node 20 (.ci/run) and 22 (the web app), npm install then npm test', () => {
    const test = workflow.jobs.test!;
    expect(test.container).toBe('node:${{ matrix.node }}-bookworm');
    expect(test.strategy?.matrix.node).toEqual([20, 22]);
    const runs = test.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs).toEqual(['npm install', 'npm test']);
    // The infra tests need the Bicep CLI: scripts/ensure-bicep.js restores it with dotnet.
    expect(test.steps.some((s) => s.uses?.startsWith('actions/setup-dotnet@'))).toBe(true);
    const ci = readText('.ci/run');
    expect(ci).toMatch(/^npm install$/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toMatch(/^node scripts\/ensure-bicep\.js$/m);
  });

  it('deploys tags only after the tests, signed in with OIDC and no stored secrets', () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.if).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(deploy.needs).toBe('test');
    expect(deploy.permissions).toMatchObject({ 'id-token': 'write' });
    const login = deploy.steps.find((s) => s.uses?.startsWith('azure/login@'));
    expect(login?.with).toEqual({
      'client-id': '${{ vars.AZURE_CLIENT_ID }}',
      'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
      'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
    });
    const webapp = deploy.steps.find((s) => s.uses?.startsWith('azure/webapps-deploy@'));
    // The package `npm run package:deploy` writes: built code and production dependencies only.
    expect(webapp?.with?.package).toBe('.deployment/bearing.zip');
    expect(deploy.steps.some((s) => s.run?.includes('npm run package:deploy'))).toBe(true);
    const node = deploy.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(node?.with?.['node-version'])).toBe('22');
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toMatch(/publish-profile|creds:/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});
