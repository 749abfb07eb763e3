// Alerts for what an admin must act on, and a monthly budget. Off unless an action group is given
// (an existing one by ID, or one this template creates for an email address); the budget is off
// unless it has an amount.

@description('Prefix of the alert and test names.')
param name string

@description('Azure region of the availability test and the log alert.')
param location string

@description('Email address that receives the alerts (an action group is created for it); empty for none.')
param alertEmail string = ''

@description('Resource ID of an existing action group to notify instead; empty for none.')
param actionGroupId string = ''

@description('Resource ID of the web app.')
param webAppId string

@description('Default host name of the web app (the availability test calls https://<host>/readyz).')
param webAppHostName string

@description('Resource ID of the Cosmos DB account.')
param cosmosAccountId string

@description('Resource ID of Application Insights (availability test results).')
param appInsightsId string

@description('Resource ID of the Log Analytics workspace (log alert on delivery give-ups).')
param workspaceId string

@description('HTTP 5xx responses in 5 minutes that raise an alert.')
@minValue(1)
param http5xxThreshold int = 10

@description('Throttled (429) Cosmos DB requests in 5 minutes that raise an alert.')
@minValue(1)
param cosmosThrottledThreshold int = 50

@description('Request units consumed in one hour that raise an alert.')
@minValue(1000)
param cosmosRuPerHourThreshold int = 1000000

@description('Deliveries given up (log line `delivery gave up`) in 1 hour that raise an alert.')
@minValue(1)
param deliveryGiveUpThreshold int = 5

@description('Monthly budget for the resource group in the billing currency; 0 creates no budget.')
@minValue(0)
param monthlyBudget int = 0

@description('First day of the budget (the first of a month, yyyy-MM-dd).')
param budgetStartDate string

@description('Tags applied to the alert resources.')
param tags object = {}

var alertsOn = !empty(alertEmail) || !empty(actionGroupId)
var createGroup = empty(actionGroupId) && !empty(alertEmail)

resource group 'Microsoft.Insights/actionGroups@2023-01-01' = if (createGroup) {
  name: '${name}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'bearing'
    enabled: true
    emailReceivers: [
      {
        name: 'admin'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var groups = createGroup ? [group.id] : (empty(actionGroupId) ? [] : [actionGroupId])
var actions = [for id in groups: { actionGroupId: id }]

// The metric alerts: on the web app (5xx, health check) and on Cosmos DB (429s, RU use).
var metricRules = [
  {
    id: 'http-5xx'
    scope: webAppId
    namespace: 'Microsoft.Web/sites'
    metric: 'Http5xx'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: http5xxThreshold
    window: 'PT5M'
    dimensions: []
    description: 'The server answered HTTP 5xx more often than usual: see the logs (AppServiceConsoleLogs, AppTraces).'
  }
  {
    id: 'health-check'
    scope: webAppId
    namespace: 'Microsoft.Web/sites'
    metric: 'HealthCheckStatus'
    aggregation: 'Average'
    operator: 'LessThan'
    threshold: 100
    window: 'PT5M'
    dimensions: []
    description: 'An instance failed the App Service health check (/healthz, liveness): the process does not answer.'
  }
  {
    id: 'cosmos-429'
    scope: cosmosAccountId
    namespace: 'Microsoft.DocumentDB/databaseAccounts'
    metric: 'TotalRequests'
    aggregation: 'Count'
    operator: 'GreaterThan'
    threshold: cosmosThrottledThreshold
    window: 'PT5M'
    dimensions: [
      {
        name: 'StatusCode'
        operator: 'Include'
        values: ['429']
      }
    ]
    description: 'Cosmos DB throttled requests (429): the server retries, but sustained throttling slows the tab and the weekly send.'
  }
  {
    id: 'cosmos-ru'
    scope: cosmosAccountId
    namespace: 'Microsoft.DocumentDB/databaseAccounts'
    metric: 'TotalRequestUnits'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: cosmosRuPerHourThreshold
    window: 'PT1H'
    dimensions: []
    description: 'Cosmos DB request units in one hour are above the expected use (cost, or a runaway client).'
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for rule in metricRules: if (alertsOn) {
    name: '${name}-${rule.id}'
    location: 'global'
    tags: tags
    properties: {
      description: rule.description
      severity: 2
      enabled: true
      scopes: [rule.scope]
      evaluationFrequency: rule.window == 'PT1H' ? 'PT15M' : 'PT1M'
      windowSize: rule.window
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: rule.id
            metricNamespace: rule.namespace
            metricName: rule.metric
            timeAggregation: rule.aggregation
            operator: rule.operator
            threshold: rule.threshold
            dimensions: rule.dimensions
          }
        ]
      }
      actions: actions
    }
  }
]

// /readyz from three regions every 5 minutes: store reachable and no stalled delivery backlog.
resource readyzTest 'Microsoft.Insights/webtests@2022-06-15' = if (alertsOn) {
  name: '${name}-readyz'
  location: location
  tags: union(tags, { 'hidden-link:${appInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${name}-readyz'
    Name: 'Bearing /readyz'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'us-va-ash-azr' }
      { Id: 'apac-sg-sin-azr' }
    ]
    Request: {
      RequestUrl: 'https://${webAppHostName}/readyz'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource readyzAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = if (alertsOn) {
  name: '${name}-readyz'
  location: 'global'
  tags: tags
  properties: {
    description: '/readyz failed from two or more regions: Cosmos DB unreachable or deliveries stalled (the 503 body names which).'
    severity: 1
    enabled: true
    scopes: [readyzTest.id, appInsightsId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: readyzTest.id
      componentId: appInsightsId
      failedLocationCount: 2
    }
    actions: actions
  }
}

// The delivery engine logs `delivery gave up` (bot/src/features/delivery/delivery-worker.ts) when a card could
// not be delivered after its last attempt; count them in the logs sent to Application Insights
// (AppTraces) and in the web app's console logs.
resource deliveryGiveUps 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = if (alertsOn) {
  name: '${name}-delivery-give-ups'
  location: location
  tags: tags
  properties: {
    displayName: 'Bearing: deliveries given up'
    description: 'Cards the delivery engine gave up on after its last attempt (Teams kept failing): see lastError in the deliveries container and the log lines.'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'union isfuzzy=true (AppTraces | where Message has "delivery gave up"), (AppServiceConsoleLogs | where ResultDescription has "delivery gave up")'
          timeAggregation: 'Count'
          operator: 'GreaterThanOrEqual'
          threshold: deliveryGiveUpThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: groups
    }
  }
}

resource budget 'Microsoft.Consumption/budgets@2023-11-01' = if (monthlyBudget > 0) {
  name: '${name}-monthly'
  properties: {
    category: 'Cost'
    amount: monthlyBudget
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: budgetStartDate
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: empty(alertEmail) ? [] : [alertEmail]
        contactGroups: groups
        contactRoles: ['Owner']
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: empty(alertEmail) ? [] : [alertEmail]
        contactGroups: groups
        contactRoles: ['Owner']
      }
    }
  }
}

@description('Names of the alert rules created (empty when alerts are off).')
output alertRules array = alertsOn
  ? concat(map(metricRules, r => '${name}-${r.id}'), ['${name}-readyz', '${name}-delivery-give-ups'])
  : []
