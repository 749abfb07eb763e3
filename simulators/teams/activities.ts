import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/features/demo/demo-organization';

/** Alex Wilber, the Playground's current user and a member of the demo team. */
export const ALEX = {
  id: 'user-id-0',
  aadObjectId: '00000000-0000-0000-0000-000000000020',
  name: 'Alex Wilber',
};

let sequence = 0;

/** A Teams activity in Alex's 1:1 chat, shaped like the ones Teams (and the Playground) send. */
export function personalActivity(serviceUrl: string, fields: Record<string, unknown>) {
  sequence += 1;
  return {
    id: `act-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: ALEX,
    recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Bearing' },
    conversation: {
      id: 'personal-chat-alex',
      conversationType: 'personal',
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    locale: 'en-US',
    ...fields,
  };
}

/** An Action.Execute invoke from a card. */
export function cardInvoke(serviceUrl: string, verb: string, data: Record<string, unknown>) {
  return personalActivity(serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

export { DEMO_TEAM_ID, DEMO_TENANT_ID };
