// Azure Bot registration for the managed identity, with the Microsoft Teams channel.

@description('Name of the Azure Bot resource.')
param name string

@description('Display name of the bot in Azure.')
param displayName string

@description('Host name of the web app; Teams posts to https://<host>/api/messages.')
param botDomain string

@description('Client ID of the user-assigned managed identity (the bot app ID).')
param identityClientId string

@description('Resource ID of the user-assigned managed identity.')
param identityId string

@description('Tenant of the managed identity.')
param tenantId string

@description('Pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Tags applied to the bot.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${botDomain}/api/messages'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    msaAppType: 'UserAssignedMSI'
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

@description('The bot app ID (the managed identity client ID).')
output botId string = bot.properties.msaAppId
