import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';

/** How to reach a Cosmos account. */
export interface CosmosConnection {
  readonly endpoint: string;
  /** Account key: emulators and the embedded server only. Azure uses managed identity. */
  readonly key?: string;
  /** True for the embedded loopback server (no endpoint discovery: it has one region). */
  readonly embedded?: boolean;
}

/**
 * The one CosmosClient of the process. 429s and transient failures are retried by the SDK's own
 * policy; we tune it instead of wrapping it in a loop of our own.
 */
export function createCosmosClient(connection: CosmosConnection): CosmosClient {
  return new CosmosClient({
    endpoint: connection.endpoint,
    ...(connection.key
      ? { key: connection.key }
      : { aadCredentials: new DefaultAzureCredential() }),
    userAgentSuffix: 'bearing',
    connectionPolicy: {
      enableEndpointDiscovery: !connection.embedded,
      requestTimeout: 10_000,
      retryOptions: {
        maxRetryAttemptCount: 9,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: 30,
      },
    },
  });
}
