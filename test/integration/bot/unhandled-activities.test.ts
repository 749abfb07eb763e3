import fc from 'fast-check';
import { cardInvoke, personalActivity } from '../../../simulators/teams/activities';
import {
  channelClaims,
  nowSeconds,
  startTokenIssuer,
} from '../../../simulators/identity/token-issuer';
import { postJson } from '../../../simulators/http';
import { startInProcess } from '../../support/in-process-server';
import { evilJson, evilString } from '../../fuzz/arbitraries';

// Activities Bearing does not handle, and activities that are not activities, with botbuilder's
// real token validation (locally generated keys) and in local mode: never a 5xx. Invokes we do not
// implement get the Bot Framework's "not implemented" invoke response (501, what botbuilder's
// TeamsActivityHandler answers for them); an envelope that is not an activity gets a 400 JSON.
const BOT_ID = 'bearing-test-bot';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

type Issuer = Awaited<ReturnType<typeof startTokenIssuer>>;
type Server = Awaited<ReturnType<typeof startInProcess>>;
let issuer: Issuer;
let server: Server;
let local: Server;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  [server, local] = await Promise.all([
    startInProcess({
      BOT_ID,
      BOT_TENANT_ID: '00000000-0000-0000-0000-000000000001',
      BOT_TYPE: 'SingleTenant',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_OPENID_METADATA_URL: issuer.openIdMetadataUrl,
      BEARING_JOBS: 'off',
    }),
    startInProcess({ BEARING_JOBS: 'off' }),
  ]);
});
afterAll(async () => {
  await server?.stop();
  await local?.stop();
  await issuer?.stop();
});

const token = () => issuer.sign(channelClaims(BOT_ID, SERVICE_URL));
const withToken = (activity: unknown) =>
  postJson(`${server.url}/api/messages`, activity, { authorization: `Bearer ${token()}` });

const invoke = (name: string, value: unknown) =>
  personalActivity(SERVICE_URL, { type: 'invoke', name, value });

it.each([
  [
    'task/fetch',
    invoke('task/fetch', { data: { type: 'task/fetch' }, context: { theme: 'dark' } }),
  ],
  [
    'composeExtension/submitAction',
    invoke('composeExtension/submitAction', { commandId: 'createTask', data: {} }),
  ],
  ['signin/verifyState', invoke('signin/verifyState', { state: '123456' })],
  ['an unknown invoke name', invoke('bearing/somethingElse', {})],
])('answers %s with the "not implemented" invoke response', async (_name, activity) => {
  const res = await withToken(activity);
  expect(res.status).toBe(501);
  expect(res.text).toBe('');
});

it.each([
  ['a null action', { action: null }],
  ['no action', { trigger: 'manual' }],
  ['an action that is not an object', { action: 'checkin.submit' }],
])('answers adaptiveCard/action with %s with the documented error response', async (_n, value) => {
  const res = await withToken(invoke('adaptiveCard/action', value));
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message: expect.stringMatching(/action/) },
  });
});

it('still answers a real card action with a card', async () => {
  const res = await withToken(cardInvoke(SERVICE_URL, 'card.refresh.unknown', {}));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
});

it.each([
  ['no conversation', { conversation: undefined }],
  ['from that is null', { from: null }],
  ['text that is an object', { text: { x: 1 } }],
])('answers an activity with %s and a valid token with a 400 JSON', async (_name, change) => {
  const res = await withToken({
    ...personalActivity(SERVICE_URL, { type: 'message', text: 'help' }),
    ...change,
  });
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    error: { code: 'BOT.BAD_ACTIVITY', message: expect.stringMatching(/\S/) },
  });
});

it('answers a malformed activity with a forged token with a 401: who calls is checked first', async () => {
  const forged = issuer.sign({ aud: BOT_ID, exp: nowSeconds() + 3600 }, { key: 'other' });
  const res = await postJson(
    `${server.url}/api/messages`,
    { type: 'message' },
    { authorization: `Bearer ${forged}` },
  );
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } });
});

const valid = () => personalActivity('http://127.0.0.1:9', { type: 'message', text: 'help' });
const without = (key: string) => {
  const a: Record<string, unknown> = valid();
  delete a[key];
  return a;
};
const malformed: [string, unknown][] = [
  ['a bare message', { type: 'message' }],
  ['no conversation', without('conversation')],
  ['a serviceUrl that is not a URL', { ...valid(), serviceUrl: 'not a url' }],
  ['a serviceUrl that is not http', { ...valid(), serviceUrl: 'ftp://127.0.0.1/' }],
  ['no serviceUrl', without('serviceUrl')],
  ['no from', without('from')],
  ['no recipient', without('recipient')],
  ['no channelId', without('channelId')],
  ['no type', without('type')],
  ['an empty type', { ...valid(), type: '' }],
  ['a numeric type', { ...valid(), type: 7 }],
  ['a conversation without id', { ...valid(), conversation: { conversationType: 'personal' } }],
  ['a conversation that is a string', { ...valid(), conversation: 'personal-chat-alex' }],
  ['from that is null', { ...valid(), from: null }],
  ['a numeric from.id', { ...valid(), from: { id: 42 } }],
  ['text that is an object', { ...valid(), text: { x: 1 } }],
  ['channelData that is a string', { ...valid(), channelData: 'tenant' }],
  ['entities that are not a list', { ...valid(), entities: { type: 'mention' } }],
  ['a mention without who', { ...valid(), entities: [{ type: 'mention', text: '<at>x</at>' }] }],
  ['an invoke without a name', { ...valid(), type: 'invoke', value: {} }],
];

it.each(malformed)('answers %s in local mode with a 400 JSON', async (_name, activity) => {
  const res = await postJson(`${local.url}/api/messages`, activity);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    error: { code: 'BOT.BAD_ACTIVITY', message: expect.stringMatching(/\S/) },
  });
});

it('never answers a 5xx, whatever the envelope', async () => {
  const keys = [
    'type',
    'name',
    'serviceUrl',
    'channelId',
    'conversation',
    'from',
    'recipient',
    'channelData',
    'text',
    'value',
    'entities',
    'membersAdded',
    'membersRemoved',
    'replyToId',
    'id',
    'locale',
    'deliveryMode',
    'attachments',
  ] as const;
  const field = fc.oneof(
    evilString(),
    evilJson(),
    fc.constantFrom(
      'message',
      'invoke',
      'conversationUpdate',
      'installationUpdate',
      'messageReaction',
      'event',
      'adaptiveCard/action',
      'expectReplies',
      'not a url',
      'http://127.0.0.1:9',
      { id: '' },
      { id: 'x', aadObjectId: 'y' },
      [{ id: 'z' }],
      [{ type: 'mention' }],
      { action: null },
      { tenant: { id: 5 } },
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 5 }),
      fc.boolean(),
      async (changes, fromScratch) => {
        // Replies go to port 9 on loopback (nothing listens): refused at once, never elsewhere.
        const activity = { ...(fromScratch ? {} : valid()), ...changes };
        const url = activity.serviceUrl;
        if (typeof url === 'string' && !url.startsWith('http://127.0.0.1:9')) {
          activity.serviceUrl = 'http://127.0.0.1:9';
        }
        const res = await postJson(`${local.url}/api/messages`, activity);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.text).toMatch(/"message"/);
      },
    ),
    { numRuns: 150 },
  );
}, 60_000);
