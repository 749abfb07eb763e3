import path from 'node:path';
import {
  type ArmTemplate,
  appSettingsOf,
  checkInfra,
  moduleOf,
  resourcesOfType,
  siteConfigOf,
} from './bicep';
import { readText, repoRoot } from './ship-helpers';

// What issue-15's admin relies on after the first week, read from the compiled ARM JSON:
// runtime, health check, deploy auth, host name, settings that survive re-provisioning,
// diagnostic settings, alerts and the budget, and the local debugging bot.

let arm: ArmTemplate;
beforeAll(() => {
  const compiled = checkInfra(path.join(repoRoot, 'infra', 'azure.bicep'));
  if (!compiled.arm) throw new Error(compiled.problems.join('\n'));
  arm = compiled.arm;
}, 120_000);

const siteConfig = () => siteConfigOf(arm);
const appSettings = () => appSettingsOf(arm);
const setting = (name: string) => appSettings().find((s) => s.name === name)?.value;

describe('infra: runtime and lifecycle (what an admin relies on after the first week)', () => {
  const appService = () => moduleOf(arm, 'appservice');
  const parametersFile = () =>
    (JSON.parse(readText('infra/azure.parameters.json')) as { parameters: Record<string, object> })
      .parameters;

  it('runs a supported Node.js LTS (22) that engines allows and the workflow tests', () => {
    const runtime = appService().properties!.template!.parameters!.linuxFxVersion!;
    expect(runtime.defaultValue).toBe('NODE|22-lts');
    expect(siteConfig().linuxFxVersion).toBe("[parameters('linuxFxVersion')]");
    expect(appService().properties!.parameters!.linuxFxVersion).toBeUndefined();
    const engines = (JSON.parse(readText('package.json')) as { engines: { node: string } }).engines;
    expect(engines.node).toBe('^20.19.0 || ^22.12.0');
  });

  it('health check on /healthz, which is liveness only (bot/src/http/health.ts)', () => {
    expect(siteConfig().healthCheckPath).toBe('/healthz');
    const health = readText('bot/src/http/health.ts');
    const liveness = health.slice(health.indexOf('export function healthRoute'));
    expect(liveness.slice(0, liveness.indexOf('\n}\n'))).not.toMatch(/await|store\(|within\(/);
  });

  it('turns basic auth off for FTP and for the SCM site (deploys sign in with Entra ID)', () => {
    const policies = resourcesOfType(arm, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    expect(policies.map((p) => [p.name.match(/'(\w+)'\)\]$/)?.[1], p.properties])).toEqual([
      ['ftp', { allow: false }],
      ['scm', { allow: false }],
    ]);
  });

  it('BOT_DOMAIN is the web app’s defaultHostName, for the output, the setting and the bot', () => {
    const fromApp = /'appservice'\), '[\d-]+'\)\.outputs\.defaultHostName\.value\]$/;
    expect(arm.outputs!.BOT_DOMAIN!.value).toMatch(fromApp);
    expect(moduleOf(arm, 'bot').properties!.parameters!.botDomain!.value).toMatch(fromApp);
    expect(setting('BOT_DOMAIN')).toMatch(
      /^\[reference\(resourceId\('Microsoft\.Web\/sites', parameters\('webAppName'\)\), '[\d-]+'\)\.defaultHostName\]$/,
    );
    expect(JSON.stringify(arm)).not.toContain('azurewebsites.net');
  });

  it('every app setting comes from a template parameter (re-provisioning keeps the admin’s values)', () => {
    const literal = appSettings().filter(
      (s) => typeof s.value !== 'string' || !s.value.startsWith('['),
    );
    expect(literal.map((s) => s.name).sort()).toEqual([
      'BOT_TYPE',
      'NODE_ENV',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
      'WEBSITE_RUN_FROM_PACKAGE',
    ]);
    // COSMOS_ENDPOINT: the template's account unless the admin points it elsewhere (a restore).
    expect(appService().properties!.parameters!.cosmosEndpoint).toMatch(
      /^\[if\(empty\(parameters\('cosmosEndpoint'\)\), .*'cosmos'.*outputs\.endpoint\.value\), createObject\('value', parameters\('cosmosEndpoint'\)\)\)\]$/,
    );
    // The knobs the guide tells admins to change are all in the parameters file, so provisioning
    // passes the admin's value every time instead of the template default.
    const knobs = [
      'webAppSku',
      'webAppInstanceCount',
      'cosmosEndpoint',
      'cosmosBackupTier',
      'cosmosPublicNetworkAccess',
      'appInsightsDisableLocalAuth',
      'logLevel',
      'logRetentionInDays',
      'checkInRetentionDays',
      'readingRetentionDays',
      'alertEmail',
      'alertActionGroupId',
      'monthlyBudget',
    ];
    expect(knobs.filter((k) => !(k in parametersFile()))).toEqual([]);
    expect(knobs.filter((k) => !(k in arm.parameters!))).toEqual([]);
  });

  it('Cosmos DB public network access and App Insights local auth are parameters, safe defaults', () => {
    expect(arm.parameters!.cosmosPublicNetworkAccess).toMatchObject({
      defaultValue: 'Enabled',
      allowedValues: ['Enabled', 'Disabled'],
    });
    const account = resourcesOfType(arm, 'Microsoft.DocumentDB/databaseAccounts')[0]!;
    expect(account.properties!.publicNetworkAccess).toBe("[parameters('publicNetworkAccess')]");
    expect(arm.parameters!.appInsightsDisableLocalAuth!.defaultValue).toBe(false);
    const ai = resourcesOfType(arm, 'Microsoft.Insights/components')[0]!;
    expect(ai.properties!.DisableLocalAuth).toBe("[parameters('disableLocalAuth')]");
    // With local auth off the identity needs Monitoring Metrics Publisher; only then.
    const [publisher] = resourcesOfType(arm, 'Microsoft.Authorization/roleAssignments');
    expect(publisher!.condition).toBe("[parameters('disableLocalAuth')]");
    expect(resourcesOfType(arm, 'Microsoft.Authorization/roleAssignments')).toHaveLength(1);
  });
});

describe('infra: observability (diagnostic settings, retention, alerts, budget)', () => {
  const diagnostics = () => resourcesOfType(arm, 'Microsoft.Insights/diagnosticSettings');
  const alerts = () => moduleOf(arm, 'alerts').properties!.template!;
  const workspaceOutput = /'monitoring'\), '[\d-]+'\)\.outputs\.workspaceId\.value\]$/;

  it('sends the web app’s and Cosmos DB’s logs and metrics to Log Analytics', () => {
    const byScope = new Map(diagnostics().map((d) => [String(d.scope).split("'")[1], d]));
    const web = byScope.get('Microsoft.Web/sites')!;
    expect(web.properties).toMatchObject({
      workspaceId: "[parameters('workspaceId')]",
      logs: [{ categoryGroup: 'allLogs', enabled: true }],
      metrics: [{ category: 'AllMetrics', enabled: true }],
    });
    const cosmos = byScope.get('Microsoft.DocumentDB/databaseAccounts')!;
    const categories = (cosmos.properties!.logs as { category: string }[]).map((l) => l.category);
    expect(categories).toEqual(
      expect.arrayContaining(['DataPlaneRequests', 'ControlPlaneRequests']),
    );
    expect(cosmos.properties!.logAnalyticsDestinationType).toBe('Dedicated');
    for (const module of ['appservice', 'cosmos'])
      expect(moduleOf(arm, module).properties!.parameters!.workspaceId!.value).toMatch(
        workspaceOutput,
      );
  });

  it('keeps logs for logRetentionInDays (a parameter the parameters file sets)', () => {
    const workspace = resourcesOfType(arm, 'Microsoft.OperationalInsights/workspaces')[0]!;
    expect(workspace.properties!.retentionInDays).toBe("[parameters('retentionInDays')]");
    expect(moduleOf(arm, 'monitoring').properties!.parameters!.retentionInDays).toEqual({
      value: "[parameters('logRetentionInDays')]",
    });
    expect(arm.parameters!.logRetentionInDays).toMatchObject({ minValue: 30, maxValue: 730 });
  });

  it('alerts are off by default and on with an email or an action group', () => {
    expect(arm.parameters!.alertEmail!.defaultValue).toBe('');
    expect(arm.parameters!.alertActionGroupId!.defaultValue).toBe('');
    expect(alerts().variables!.alertsOn).toBe(
      "[or(not(empty(parameters('alertEmail'))), not(empty(parameters('actionGroupId'))))]",
    );
    const rules = [
      ...resourcesOfType(arm, 'Microsoft.Insights/metricAlerts'),
      ...resourcesOfType(arm, 'Microsoft.Insights/scheduledQueryRules'),
      ...resourcesOfType(arm, 'Microsoft.Insights/webtests'),
    ];
    expect(rules).toHaveLength(4);
    for (const rule of rules) expect(rule.condition).toBe("[variables('alertsOn')]");
  });

  it('alerts on 5xx, health check failures, Cosmos DB 429s and RU consumption', () => {
    type Rule = { metric: string; namespace: string; operator: string; dimensions: object[] };
    const rules = alerts().variables!.metricRules as Rule[];
    expect(rules.map((r) => r.metric)).toEqual([
      'Http5xx',
      'HealthCheckStatus',
      'TotalRequests',
      'TotalRequestUnits',
    ]);
    expect(rules.find((r) => r.metric === 'TotalRequests')!.dimensions).toEqual([
      { name: 'StatusCode', operator: 'Include', values: ['429'] },
    ]);
    expect(rules.find((r) => r.metric === 'HealthCheckStatus')!.operator).toBe('LessThan');
    const [metricAlert] = resourcesOfType(arm, 'Microsoft.Insights/metricAlerts');
    expect(metricAlert!.copy).toMatchObject({ count: "[length(variables('metricRules'))]" });
  });

  it('tests /readyz from several regions and alerts when two fail', () => {
    const [test] = resourcesOfType(arm, 'Microsoft.Insights/webtests');
    const request = test!.properties!.Request as { RequestUrl: string };
    expect(request.RequestUrl).toBe("[format('https://{0}/readyz', parameters('webAppHostName'))]");
    expect((test!.properties!.Locations as object[]).length).toBeGreaterThanOrEqual(3);
    const availability = resourcesOfType(arm, 'Microsoft.Insights/metricAlerts').find(
      (a) =>
        (a.properties!.criteria as Record<string, unknown>)['odata.type'] ===
        'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria',
    );
    expect(availability!.properties!.criteria).toMatchObject({ failedLocationCount: 2 });
  });

  it('alerts on delivery give-ups by the exact line the engine logs', () => {
    const [rule] = resourcesOfType(arm, 'Microsoft.Insights/scheduledQueryRules');
    const query = (rule!.properties!.criteria as { allOf: { query: string }[] }).allOf[0]!.query;
    const message = /has "([^"]+)"/.exec(query)![1]!;
    expect(message).toBe('delivery gave up');
    expect(readText('bot/src/features/delivery/delivery-worker.ts')).toContain(
      `logger.warn('${message}'`,
    );
    expect(query).toContain('AppTraces');
    expect(query).toContain('AppServiceConsoleLogs');
  });

  it('creates a monthly budget only when it has an amount', () => {
    const [budget] = resourcesOfType(arm, 'Microsoft.Consumption/budgets');
    expect(budget!.condition).toBe("[greater(parameters('monthlyBudget'), 0)]");
    expect(arm.parameters!.monthlyBudget!.defaultValue).toBe(0);
    expect(budget!.properties).toMatchObject({ timeGrain: 'Monthly', category: 'Cost' });
  });
});

describe('infra: the local debugging bot (infra/local-bot.bicep)', () => {
  it('compiles and lints clean, and registers a single-tenant Azure Bot at the tunnel', () => {
    const local = checkInfra(path.join(repoRoot, 'infra', 'local-bot.bicep'));
    expect(local.problems).toEqual([]);
    const [bot] = resourcesOfType(local.arm!, 'Microsoft.BotService/botServices');
    expect(bot!.properties).toMatchObject({
      msaAppType: 'SingleTenant',
      msaAppId: "[parameters('botAppId')]",
      endpoint: "[format('{0}/api/messages', parameters('botEndpoint'))]",
    });
    expect(bot!.sku).toEqual({ name: 'F0' });
  });
});
