import YAML from 'yaml';
import { readText } from './ship-helpers';

interface Job {
  'runs-on': string;
  container?: string;
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

  it('tests like .ci/run: Node 20 on Debian, npm install then npm test', () => {
    const test = workflow.jobs.test!;
    expect(test.container).toMatch(/^node:20-/);
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
    expect(deploy.steps.some((s) => s.uses?.startsWith('azure/webapps-deploy@'))).toBe(true);
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toMatch(/publish-profile|creds:/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});
