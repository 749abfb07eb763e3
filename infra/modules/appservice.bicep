// Linux App Service plan and web app running the one Bearing server (bot, tab API, tab, jobs).

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; App Service gives it a default host name (the defaultHostName output).')
param webAppName string

@description('Azure region of the plan and the app.')
param location string

@description('App Service plan SKU (Basic or higher: Always On keeps the scheduler running).')
param sku string = 'B1'

@description('Number of instances of the plan (scale-out).')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Resource ID of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client ID of that identity (AZURE_CLIENT_ID for DefaultAzureCredential, and BOT_ID).')
param identityClientId string

@description('Tenant of the bot identity (BOT_TENANT_ID).')
param botTenantId string

@description('Cosmos DB account endpoint (COSMOS_ENDPOINT).')
param cosmosEndpoint string

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string

@description('Client ID of the Entra ID app for tab single sign-on (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Tenant of the Entra ID app for tab single sign-on (AAD_APP_TENANT_ID).')
param aadAppTenantId string

@description('The Teams app id (TEAMS_APP_ID), for deep links from cards into the app\'s tab.')
param teamsAppId string

@description('Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING).')
@secure()
param appInsightsConnectionString string

@description('Whether telemetry is sent with the managed identity (Application Insights local auth off) (BEARING_TELEMETRY_AUTH).')
param appInsightsEntraAuth bool = false

@description('Days check-ins are kept after their last change; 0 keeps them (BEARING_CHECKIN_RETENTION_DAYS).')
param checkInRetentionDays int = 730

@description('Days KPI readings are kept; 0 keeps them (BEARING_READING_RETENTION_DAYS).')
param readingRetentionDays int = 400

@description('Log level of the server (LOG_LEVEL).')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Resource ID of the Log Analytics workspace the diagnostic settings send to.')
param workspaceId string

@description('Node.js runtime of the web app (an LTS that App Service supports).')
param linuxFxVersion string = 'NODE|22-lts'

@description('Tags applied to the plan and the app.')
param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'node bot/dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Liveness only: /healthz never touches Cosmos DB, so a store hiccup does not pull instances.
      healthCheckPath: '/healthz'
    }
  }
}

// A resource of its own so that BOT_DOMAIN can be the app's real default host name. Names are
// exactly what bot/src/config.ts reads, plus the Azure SDK's AZURE_CLIENT_ID and App Service's
// WEBSITE_* / SCM_* settings. PORT is set by App Service itself. Every value comes from a template
// parameter, so re-provisioning keeps what the admin chose (env/.env.<env>), never a portal edit.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    COSMOS_ENDPOINT: cosmosEndpoint
    COSMOS_DATABASE: cosmosDatabaseName
    BOT_ID: identityClientId
    BOT_TENANT_ID: botTenantId
    BOT_TYPE: 'UserAssignedMsi'
    BOT_DOMAIN: webApp.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    TEAMS_APP_ID: teamsAppId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    BEARING_TELEMETRY_AUTH: appInsightsEntraAuth ? 'entra' : 'connection-string'
    BEARING_CHECKIN_RETENTION_DAYS: string(checkInRetentionDays)
    BEARING_READING_RETENTION_DAYS: string(readingRetentionDays)
    LOG_LEVEL: logLevel
    // DefaultAzureCredential picks the user-assigned identity by this client ID.
    AZURE_CLIENT_ID: identityClientId
    // The deployed zip is already built (npm run package:deploy); run it as is, read-only.
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

// App Service logs: stdout (the server's JSON logs) to the log stream for `az webapp log tail`.
resource logs 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: webApp
  name: 'logs'
  properties: {
    applicationLogs: {
      fileSystem: {
        level: 'Information'
      }
    }
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 3
        retentionInMb: 35
      }
    }
    detailedErrorMessages: {
      enabled: false
    }
    failedRequestsTracing: {
      enabled: false
    }
  }
}

// No FTP and no basic-auth deploys to the SCM site: code arrives by zip deploy with Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every log category (console = the server's JSON logs, HTTP, platform, audit) and the metrics go
// to Log Analytics; the workspace's retention (logRetentionInDays) decides how long they stay.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: webApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Resource ID of the web app (the zip deploy target).')
output id string = webApp.id

@description('Default host name of the web app (App Service may add a unique suffix).')
output defaultHostName string = webApp.properties.defaultHostName

@description('Name of the web app.')
output name string = webApp.name
