// Linux App Service plan and web app running the one Bearing server (bot, tab API, tab, jobs).

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its host name is <name>.azurewebsites.net.')
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

@description('Host name the app is reached at (BOT_DOMAIN).')
param botDomain string

@description('Cosmos DB account endpoint (COSMOS_ENDPOINT).')
param cosmosEndpoint string

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string

@description('Client ID of the Entra ID app for tab single sign-on (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Tenant of the Entra ID app for tab single sign-on (AAD_APP_TENANT_ID).')
param aadAppTenantId string

@description('Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING).')
@secure()
param appInsightsConnectionString string

@description('Days check-ins are kept after their last change; 0 keeps them (BEARING_CHECKIN_RETENTION_DAYS).')
param checkInRetentionDays int = 730

@description('Days KPI readings are kept; 0 keeps them (BEARING_READING_RETENTION_DAYS).')
param readingRetentionDays int = 400

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
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node bot/dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      // Names are exactly what bot/src/config.ts reads (plus the Azure SDK's AZURE_CLIENT_ID and
      // App Service's own WEBSITE_* / SCM_* settings). PORT is set by App Service itself.
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmosEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabaseName
        }
        {
          name: 'BOT_ID'
          value: identityClientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMsi'
        }
        {
          name: 'BOT_DOMAIN'
          value: botDomain
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'AAD_APP_TENANT_ID'
          value: aadAppTenantId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'BEARING_CHECKIN_RETENTION_DAYS'
          value: string(checkInRetentionDays)
        }
        {
          name: 'BEARING_READING_RETENTION_DAYS'
          value: string(readingRetentionDays)
        }
        {
          // DefaultAzureCredential picks the user-assigned identity by this client ID.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          // The deployed zip is already built (npm run build); run it as is, read-only.
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

// No FTP: code arrives by zip deploy authenticated with Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Resource ID of the web app (the zip deploy target).')
output id string = webApp.id

@description('Default host name of the web app.')
output defaultHostName string = webApp.properties.defaultHostName
