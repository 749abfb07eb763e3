// Bearing in one resource group: a Linux web app running as a user-assigned managed identity,
// an Azure Bot for that identity, Cosmos DB for NoSQL (keys disabled) and Application Insights.
// Deployed by `teamsapp provision` (teamsapp.yml, arm/deploy) or `az deployment group create`.
// No secrets: the identity reaches Cosmos DB through Entra ID and authenticates the bot.

targetScope = 'resourceGroup'

@description('Prefix of every resource name (lowercase letters and digits); a hash of the resource group is appended.')
@minLength(3)
@maxLength(20)
param resourceBaseName string = 'bearing'

@description('Azure region for every resource except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Client ID of the Entra ID app used for tab single sign-on (aadApp/create writes it as AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Tenant ID of the Entra ID app used for tab single sign-on (AAD_APP_TENANT_ID).')
param aadAppTenantId string = subscription().tenantId

@description('The Teams app id (teamsApp/create writes it as TEAMS_APP_ID): cards link into the app\'s tab with it.')
param teamsAppId string

@description('App Service plan SKU. B1 suits up to a few thousand users; use P0v3 or higher for zone redundancy or scale-out.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@description('Instances of the App Service plan (scale-out). The delivery engine runs on any number of instances; Basic allows up to 3, Standard 10, Premium v3 30.')
@minValue(1)
@maxValue(30)
param webAppInstanceCount int = 1

@description('Cosmos DB capacity: Serverless (pay per request unit, the default) or Autoscale (provisioned RU/s).')
@allowed([
  'Serverless'
  'Autoscale'
])
param cosmosCapacityMode string = 'Serverless'

@description('Maximum RU/s of the shared autoscale throughput when cosmosCapacityMode is Autoscale.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Name of the Cosmos DB database; the server reads it as COSMOS_DATABASE.')
param cosmosDatabaseName string = 'bearing'

@description('Cosmos DB point-in-time restore window: Continuous7Days (no charge) or Continuous30Days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous7Days'

@description('Display name of the bot registration in Azure.')
param botDisplayName string = 'Bearing'

@description('Days logs are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Days check-ins are kept after their last change (per-item TTL); 0 keeps them.')
@minValue(0)
@maxValue(3650)
param checkInRetentionDays int = 730

@description('Days KPI readings are kept (per-item TTL); 0 keeps them.')
@minValue(0)
@maxValue(3650)
param readingRetentionDays int = 400

@description('Cosmos DB endpoint the server uses; empty uses the account this template creates. Set it to a restored account\'s endpoint (and keep it in COSMOS_ENDPOINT of env/.env.<env>) so re-provisioning keeps it.')
param cosmosEndpoint string = ''

@description('Public network access to Cosmos DB (Disabled needs a private endpoint and a virtual network you add).')
@allowed([
  'Enabled'
  'Disabled'
])
param cosmosPublicNetworkAccess string = 'Enabled'

@description('Application Insights accepts only Entra ID authenticated telemetry: the server then sends with its managed identity (BEARING_TELEMETRY_AUTH=entra) and the template assigns it Monitoring Metrics Publisher, which needs Owner or RBAC Administrator.')
param appInsightsDisableLocalAuth bool = false

@description('Log level of the server (LOG_LEVEL).')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Email address for alerts; empty (and no alertActionGroupId) creates no alerts.')
param alertEmail string = ''

@description('Resource ID of an existing action group for the alerts; empty for none.')
param alertActionGroupId string = ''

@description('HTTP 5xx responses in 5 minutes that raise an alert.')
@minValue(1)
param alertHttp5xxThreshold int = 10

@description('Throttled (429) Cosmos DB requests in 5 minutes that raise an alert.')
@minValue(1)
param alertCosmosThrottledThreshold int = 50

@description('Cosmos DB request units in one hour that raise an alert.')
@minValue(1000)
param alertCosmosRuPerHourThreshold int = 1000000

@description('Monthly budget of the resource group in the billing currency; 0 creates no budget.')
@minValue(0)
param monthlyBudget int = 0

@description('First day of the budget (yyyy-MM-01); defaults to this month. Keep it once the budget exists.')
param budgetStartDate string = utcNow('yyyy-MM-01')

@description('Tags applied to every resource.')
param tags object = {
  app: 'bearing'
}

var name = '${toLower(resourceBaseName)}-${uniqueString(resourceGroup().id)}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${name}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${name}-logs'
    appInsightsName: '${name}-ai'
    location: location
    retentionInDays: logRetentionInDays
    disableLocalAuth: appInsightsDisableLocalAuth
    publisherPrincipalId: identity.outputs.principalId
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: name
    location: location
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    backupTier: cosmosBackupTier
    dataContributorPrincipalId: identity.outputs.principalId
    publicNetworkAccess: cosmosPublicNetworkAccess
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module appService 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    planName: '${name}-plan'
    webAppName: name
    location: location
    sku: webAppSku
    instanceCount: webAppInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botTenantId: identity.outputs.tenantId
    cosmosEndpoint: empty(cosmosEndpoint) ? cosmos.outputs.endpoint : cosmosEndpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    aadAppClientId: aadAppClientId
    aadAppTenantId: aadAppTenantId
    teamsAppId: teamsAppId
    appInsightsConnectionString: monitoring.outputs.connectionString
    appInsightsEntraAuth: appInsightsDisableLocalAuth
    checkInRetentionDays: checkInRetentionDays
    readingRetentionDays: readingRetentionDays
    logLevel: logLevel
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${name}-bot'
    displayName: botDisplayName
    botDomain: appService.outputs.defaultHostName
    identityClientId: identity.outputs.clientId
    identityId: identity.outputs.id
    tenantId: identity.outputs.tenantId
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    location: location
    alertEmail: alertEmail
    actionGroupId: alertActionGroupId
    webAppId: appService.outputs.id
    webAppHostName: appService.outputs.defaultHostName
    cosmosAccountId: cosmos.outputs.id
    appInsightsId: monitoring.outputs.appInsightsId
    workspaceId: monitoring.outputs.workspaceId
    http5xxThreshold: alertHttp5xxThreshold
    cosmosThrottledThreshold: alertCosmosThrottledThreshold
    cosmosRuPerHourThreshold: alertCosmosRuPerHourThreshold
    monthlyBudget: monthlyBudget
    budgetStartDate: budgetStartDate
    tags: tags
  }
}

// Output names are the environment variables they feed (teamsapp.yml writes them to env/.env.<env>).
@description('Host name of the server, the web app\'s default host name: bot endpoint, tab URLs, SSO resource (manifest and aad.manifest.json).')
output BOT_DOMAIN string = appService.outputs.defaultHostName

@description('The bot app ID: the managed identity client ID (manifest botId).')
output BOT_ID string = bot.outputs.botId

@description('Resource ID of the web app (azureAppService/zipDeploy target).')
output AZURE_APP_SERVICE_RESOURCE_ID string = appService.outputs.id
