// The user-assigned managed identity Bearing runs as: it is the bot's identity (BOT_ID) and the
// identity the server uses for Cosmos DB (AZURE_CLIENT_ID). No passwords or keys exist anywhere.

@description('Name of the managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID of the identity (attached to the web app and named in the bot registration).')
output id string = identity.id

@description('Client ID of the identity: the bot app ID and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object (principal) ID of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Tenant of the identity.')
output tenantId string = identity.properties.tenantId
