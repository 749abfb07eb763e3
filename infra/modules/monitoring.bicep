// Log Analytics workspace and workspace-based Application Insights for the server's telemetry.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region of both resources.')
param location string

@description('Days logs are kept in the workspace (30 is included in the price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Refuse telemetry sent with the connection string alone (Entra ID authenticated ingestion only). Only turn on when the server sends telemetry with its managed identity; the identity then gets Monitoring Metrics Publisher.')
param disableLocalAuth bool = false

@description('Object (principal) ID of the identity that publishes telemetry when local auth is off.')
param publisherPrincipalId string

@description('Tags applied to both resources.')
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: disableLocalAuth
  }
}

// Monitoring Metrics Publisher: lets the identity send telemetry with an Entra ID token. Only with
// local auth off (an Azure role assignment: the deploying account needs Owner or RBAC Administrator).
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (disableLocalAuth) {
  scope: appInsights
  name: guid(appInsights.id, publisherPrincipalId, metricsPublisherRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Resource ID of the workspace (diagnostic settings, log alerts).')
output workspaceId string = workspace.id

@description('Resource ID of Application Insights (availability test).')
output appInsightsId string = appInsights.id

@description('Application Insights connection string (an ingestion endpoint, not a credential).')
output connectionString string = appInsights.properties.ConnectionString
