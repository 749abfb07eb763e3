// Azure Cosmos DB for NoSQL: the account, the database and the containers of docs/data-model.md,
// with key-based access disabled and a data-plane role for the server's managed identity.

@description('Name of the Cosmos DB account (lowercase letters, digits and hyphens).')
param accountName string

@description('Azure region of the account.')
param location string

@description('Name of the database; the server reads it as COSMOS_DATABASE.')
param databaseName string

@description('Serverless (pay per request, best for most organisations) or Autoscale (provisioned RU/s).')
@allowed([
  'Serverless'
  'Autoscale'
])
param capacityMode string = 'Serverless'

@description('Maximum RU/s of the database\'s shared autoscale throughput; ignored when Serverless.')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Point-in-time restore window of continuous backup.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param backupTier string = 'Continuous7Days'

@description('Object (principal) ID of the managed identity that gets the data-plane role.')
param dataContributorPrincipalId string

@description('Public network access to the account: Enabled (the web app reaches it over the Azure backbone with Entra ID tokens; keys are off) or Disabled (only through a private endpoint you add, with the web app on a virtual network).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

@description('Resource ID of the Log Analytics workspace the diagnostic settings send to.')
param workspaceId string

@description('Tags applied to the account.')
param tags object = {}

// Cosmos DB Built-in Data Contributor (data plane: read and write items, read metadata).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// The containers of docs/data-model.md, each partitioned on the synthetic tenant-first key /pk.
// TTLs in seconds: readings 400 days, deliveries 90 days; users never expire; teams has TTL on
// with no default (-1) so that only check-ins, which carry their own `ttl`, expire (retention).
var containers = [
  {
    id: 'teams'
    partitionKey: { paths: ['/pk'], kind: 'Hash' }
    defaultTtl: -1
  }
  {
    id: 'users'
    partitionKey: { paths: ['/pk'], kind: 'Hash' }
  }
  {
    id: 'readings'
    partitionKey: { paths: ['/pk'], kind: 'Hash' }
    defaultTtl: 34560000
  }
  {
    id: 'deliveries'
    partitionKey: { paths: ['/pk'], kind: 'Hash' }
    defaultTtl: 7776000
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: capacityMode == 'Serverless' ? [ { name: 'EnableServerless' } ] : []
    // Managed identity only: no account keys, no key-based metadata writes.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: publicNetworkAccess
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: backupTier
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'Autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for c in containers: {
    parent: database
    name: c.id
    properties: {
      resource: c
    }
  }
]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

// Requests (with status codes: 429s), control-plane changes and per-partition RU use go to Log
// Analytics in resource-specific tables; the metrics feed the throttling and RU alerts.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: account
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
      {
        category: 'PartitionKeyRUConsumption'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Requests'
        enabled: true
      }
    ]
  }
}

@description('Resource ID of the account (alerts).')
output id string = account.id

@description('The account endpoint; the server reads it as COSMOS_ENDPOINT.')
output endpoint string = account.properties.documentEndpoint

@description('Name of the database.')
output databaseName string = database.name
