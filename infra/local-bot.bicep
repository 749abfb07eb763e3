// Local debugging (teamsapp.local.yml): an Azure Bot for a single-tenant Entra ID app, pointing at
// the developer's dev tunnel. Multi-tenant bot registrations are no longer accepted, and the
// Toolkit's botFramework/create makes multi-tenant ones; this is the single-tenant way. No Web App,
// no Cosmos DB: the server runs on the developer's machine with its embedded store. Free (F0).

targetScope = 'resourceGroup'

@description('Name of the Azure Bot resource.')
param botName string

@description('Display name of the bot in Azure.')
param displayName string = 'Bearing (local)'

@description('Client ID of the single-tenant Entra ID app of the local bot (BOT_ID).')
param botAppId string

@description('Tenant of that app (BOT_TENANT_ID).')
param botTenantId string = subscription().tenantId

@description('Public HTTPS URL of the dev tunnel to port 3978 (BOT_ENDPOINT), without a trailing slash.')
param botEndpoint string

@description('Tags applied to the bot.')
param tags object = {
  app: 'bearing'
  purpose: 'local-debugging'
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: displayName
    endpoint: '${botEndpoint}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

@description('Resource ID of the local bot.')
output LOCAL_BOT_RESOURCE_ID string = bot.id
