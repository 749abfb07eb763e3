import { DEFAULT_TEAM_SETTINGS, encodeTabContext, tabDeepLink } from '@bearing/core';
import {
  ALEX,
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  personalActivity,
} from '../../../simulators/teams/activities';
import { channelClaims, startTokenIssuer } from '../../../simulators/identity/token-issuer';
import { postJson } from '../../../simulators/http';
import { keyResult, objective } from '../../fixtures/okrs';
import { cardProblems, texts } from '../../support/cards';
import { startHarness, type Harness } from '../../faults/harness';

// The message extension over HTTP against the real bot with Bot Framework authentication on (the
// Agents Playground does not support message extensions): the compose box search
// (`composeExtension/query`) and link unfurling (`composeExtension/queryLink`) answer with the one
// shared card, valid for Teams, and only with what the user may see: their tenant, their teams.
const BOT_ID = 'bearing-test-bot';
const DOMAIN = 'bearing.example.net';
const TAB = `https://${DOMAIN}/tab/`;
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const OTHER_TENANT = '00000000-0000-0000-0000-0000000000ee';
// A second team of the demo tenant that Alex is not in; Bo is its only member.
const TEAM_B = '00000000-0000-0000-0000-0000000000b2';
const BO = { id: 'user-id-bo', aadObjectId: '00000000-0000-0000-0000-0000000000b0', name: 'Bo' };
const SECRET_KR = 'kr-secret-merger';

let issuer: Awaited<ReturnType<typeof startTokenIssuer>>;
let h: Harness;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  h = await startHarness({
    bot: {
      appId: BOT_ID,
      tenantId: '00000000-0000-0000-0000-000000000001',
      openIdMetadataUrl: issuer.openIdMetadataUrl,
    },
    env: { BOT_DOMAIN: DOMAIN },
  });
  const demoKr = await h.stores.okrs.getKeyResult(DEMO_TENANT_ID, DEMO_TEAM_ID, 'kr-engagement');
  const cycleId = demoKr!.value.cycleId;
  const now = new Date().toISOString();
  const s = h.stores;
  await s.teams.saveTeam({
    tenantId: DEMO_TENANT_ID,
    id: TEAM_B,
    name: 'Corporate development',
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'UTC' },
    createdAt: now,
    updatedAt: now,
  });
  await s.teams.saveMember({
    tenantId: DEMO_TENANT_ID,
    teamId: TEAM_B,
    userId: BO.aadObjectId,
    displayName: BO.name,
    role: 'owner',
    active: true,
    timeZone: 'UTC',
    joinedAt: now,
    updatedAt: now,
  });
  await s.users.saveUser({
    tenantId: DEMO_TENANT_ID,
    userId: BO.aadObjectId,
    displayName: BO.name,
    teamIds: [TEAM_B],
    updatedAt: now,
  });
  const ids = { tenantId: DEMO_TENANT_ID, teamId: TEAM_B, cycleId, ownerId: BO.aadObjectId };
  await s.okrs.saveObjective(
    objective({ ...ids, id: 'obj-secret', title: 'Close the engagement acquisition quietly' }),
  );
  await s.okrs.saveKeyResult(
    keyResult({
      ...ids,
      id: SECRET_KR,
      objectiveId: 'obj-secret',
      title: 'Sign the engagement term sheet',
      confidence: 'atRisk',
    }),
  );
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await issuer?.stop();
});

type Who = { id: string; aadObjectId: string; name: string };
const invoke = (
  name: string,
  value: unknown,
  from: Who = ALEX,
  tenantId = DEMO_TENANT_ID,
  locale = 'en-US',
) =>
  postJson(
    `${h.url}/api/messages`,
    personalActivity(SERVICE_URL, {
      type: 'invoke',
      name,
      value,
      from,
      conversation: { id: `chat-${from.id}`, conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      locale,
    }),
    { authorization: `Bearer ${issuer.sign(channelClaims(BOT_ID, SERVICE_URL))}` },
  );

interface Answer {
  composeExtension: {
    type: string;
    text?: string;
    attachmentLayout?: string;
    attachments?: {
      contentType: string;
      content: unknown;
      preview: { contentType: string; content: { title: string; text: string } };
    }[];
  };
}
const search = async (query: string | undefined, from?: Who, tenantId?: string) => {
  const parameters =
    query === undefined
      ? [{ name: 'initialRun', value: 'true' }]
      : [{ name: 'query', value: query }];
  const res = await invoke(
    'composeExtension/query',
    { commandId: 'searchOkrs', parameters, queryOptions: { skip: 0, count: 25 } },
    from,
    tenantId,
  );
  expect(res.status).toBe(200);
  return (res.body as unknown as Answer).composeExtension;
};
const unfurl = async (url: unknown, from?: Who, tenantId?: string) => {
  const res = await invoke('composeExtension/queryLink', { url }, from, tenantId);
  expect(res.status).toBe(200);
  return (res.body as unknown as Answer).composeExtension;
};
const titles = (answer: Answer['composeExtension']) =>
  (answer.attachments ?? []).map((a) => a.preview.content.title);
/** The card's facts (progress, confidence, owner) by title. */
const facts = (card: unknown) =>
  Object.fromEntries(
    ((card as { body?: { type: string; facts?: { title: string; value: string }[] }[] }).body ?? [])
      .flatMap((e) => (e.type === 'FactSet' ? (e.facts ?? []) : []))
      .map((f) => [f.title, f.value]),
  );
const krLink = (teamId: string, keyResultId: string) =>
  `${TAB}?${encodeTabContext({ view: 'alignment', teamId, keyResultId })}`;

describe('compose box search (composeExtension/query)', () => {
  it('finds the objectives and key results of the user’s team, as valid shared cards', async () => {
    const answer = await search('engagement');
    expect(answer.type).toBe('result');
    expect(answer.attachmentLayout).toBe('list');
    expect(titles(answer)).toEqual(
      expect.arrayContaining(['Raise the engagement score from 7.2 to 8.5']),
    );
    for (const a of answer.attachments ?? []) {
      expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(a.content)).toEqual([]);
      expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(a.preview.content.text).toMatch(/\S/);
    }
    const kr = answer.attachments?.find(
      (a) => a.preview.content.title === 'Raise the engagement score from 7.2 to 8.5',
    );
    expect(facts(kr?.content)).toEqual({
      Progress: expect.stringMatching(/^\d+% · 7\.6 points → 8\.5 points$/),
      Confidence: 'On track',
      Owner: 'Alex Wilber',
    });
    expect(texts(kr?.content)).toContain(
      'Key result · Objective: Make My Team a place people want to stay · in My Team',
    );
    // "Open in Bearing" is a link into the tab that unfurls to this same card.
    const open = (kr?.content as { actions?: { url?: string }[] }).actions?.[0]?.url;
    expect(open).toBe(krLink(DEMO_TEAM_ID, 'kr-engagement'));
    const unfurled = await unfurl(open);
    expect(unfurled.attachments?.map((a) => a.content)).toEqual([kr?.content]);
  });

  it('never shows another team’s OKRs to someone outside it, and shows them to its member', async () => {
    expect(titles(await search('engagement'))).not.toContain('Sign the engagement term sheet');
    expect(titles(await search('term sheet'))).toEqual([]);
    expect(titles(await search('term sheet', BO))).toEqual(['Sign the engagement term sheet']);
  });

  it('gives a user of another tenant nothing, whatever the ids they send', async () => {
    const stranger = { ...ALEX, id: 'user-id-stranger' };
    expect(titles(await search('engagement', stranger, OTHER_TENANT))).toEqual([]);
    expect(titles(await search(undefined, stranger, OTHER_TENANT))).toEqual([]);
    expect(
      (await unfurl(krLink(DEMO_TEAM_ID, 'kr-engagement'), stranger, OTHER_TENANT)).attachments,
    ).toEqual([]);
  });

  it('opens with what the user owns first, and pages with skip and count', async () => {
    const first = await search(undefined);
    expect(first.type).toBe('result');
    expect(first.attachments?.length).toBeGreaterThan(2);
    const owners = (first.attachments ?? []).map((a) => facts(a.content).Owner);
    const firstOther = owners.findIndex((o) => o !== 'Alex Wilber');
    expect(firstOther).toBeGreaterThan(0);
    expect(owners.slice(firstOther)).not.toContain('Alex Wilber');
    const res = await invoke('composeExtension/query', {
      commandId: 'searchOkrs',
      parameters: [{ name: 'initialRun', value: 'true' }],
      queryOptions: { skip: 1, count: 2 },
    });
    expect(titles((res.body as unknown as Answer).composeExtension)).toEqual(
      titles(first).slice(1, 3),
    );
  });

  it('writes numbers in the user’s locale', async () => {
    const res = await invoke(
      'composeExtension/query',
      { commandId: 'searchOkrs', parameters: [{ name: 'query', value: 'engagement score' }] },
      ALEX,
      DEMO_TENANT_ID,
      'de-DE',
    );
    const [kr] = (res.body as unknown as Answer).composeExtension.attachments ?? [];
    expect(facts(kr?.content).Progress).toMatch(/ · 7,6 points → 8,5 points$/);
  });

  it('says when nothing matches', async () => {
    const answer = await search('no such objective anywhere');
    expect(answer).toEqual({
      type: 'message',
      text: 'No objective or key result you can see matches “no such objective anywhere”.',
    });
  });

  it.each([
    ['no value', undefined, /could not read this search/],
    ['a value that is a string', 'engagement', /could not read this search/],
    ['no command', { parameters: [] }, /could not read this search/],
    ['parameters that are not a list', { commandId: 'searchOkrs', parameters: 'x' }, /could not/],
    [
      'a numeric query',
      { commandId: 'searchOkrs', parameters: [{ name: 'query', value: 7 }] },
      /could not/,
    ],
    [
      'an unknown command',
      { commandId: 'createTask', parameters: [] },
      /does not know this search/,
    ],
    [
      'a query that is too long',
      { commandId: 'searchOkrs', parameters: [{ name: 'query', value: 'x'.repeat(101) }] },
      /at most 100 characters/,
    ],
    [
      'a negative skip',
      { commandId: 'searchOkrs', parameters: [], queryOptions: { skip: -1 } },
      /could not read this search/,
    ],
  ])('answers %s with a message, never a 500', async (_name, value, message) => {
    const res = await invoke('composeExtension/query', value);
    expect(res.status).toBe(200);
    const answer = (res.body as unknown as Answer).composeExtension;
    expect(answer.type).toBe('message');
    expect(answer.text).toMatch(message);
  });
});

describe('link unfurling (composeExtension/queryLink)', () => {
  it('unfurls a tab link to a key result into the same card the search inserts', async () => {
    const answer = await unfurl(krLink(DEMO_TEAM_ID, 'kr-turnover'));
    expect(answer.type).toBe('result');
    expect(titles(answer)).toEqual(['Cut voluntary turnover from 14% to 9%']);
    const card = answer.attachments?.[0]?.content;
    expect(cardProblems(card)).toEqual([]);
    const searched = await search('voluntary turnover');
    expect(searched.attachments?.map((a) => a.content)).toContainEqual(card);
  });

  it('unfurls a Teams deep link to the tab the same way', async () => {
    const link = tabDeepLink(
      { appId: '2f1a7c9e-5b8d-4e3f-9a61-0c7d2b4e8f10', entityId: 'myOkrs' },
      { view: 'alignment', teamId: DEMO_TEAM_ID, keyResultId: 'kr-turnover' },
    );
    expect(titles(await unfurl(link))).toEqual(['Cut voluntary turnover from 14% to 9%']);
  });

  it('unfurls another team’s key result for its member only', async () => {
    expect((await unfurl(krLink(TEAM_B, SECRET_KR))).attachments).toEqual([]);
    expect(titles(await unfurl(krLink(TEAM_B, SECRET_KR), BO))).toEqual([
      'Sign the engagement term sheet',
    ]);
    // Naming Alex's own team does not open a key result of another team either.
    expect((await unfurl(krLink(DEMO_TEAM_ID, SECRET_KR))).attachments).toEqual([]);
  });

  it.each([
    [
      'a link to another site',
      `https://evil.example/tab/?${encodeTabContext({ teamId: DEMO_TEAM_ID, keyResultId: 'kr-turnover' })}`,
    ],
    ['a link with no key result', `${TAB}?view=alignment&teamId=${DEMO_TEAM_ID}`],
    ['an unknown key result', krLink(DEMO_TEAM_ID, 'kr-nope')],
    ['a link that is not a URL', 'not a url at all'],
    ['a broken escape', `${TAB}?teamId=%E0%A4%A&keyResult=kr-turnover`],
    ['a url that is a number', 42],
    ['no url', undefined],
    ['a very long url', `${TAB}?x=${'a'.repeat(5000)}`],
  ])('answers %s with no card (the link stays a link), never a 500', async (_name, url) => {
    const answer = await unfurl(url);
    expect(answer).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });
});

it('says something went wrong when the store fails, never a 500', async () => {
  h.proxy.setFault((req) =>
    req.headers['x-ms-documentdb-isquery'] ? { kind: 'status', status: 503 } : undefined,
  );
  try {
    const answer = await search('engagement');
    expect(answer).toEqual({
      type: 'message',
      text: 'Something went wrong on our side. Please try again in a moment.',
    });
  } finally {
    h.proxy.setFault(undefined);
  }
  expect(titles(await search('engagement')).length).toBeGreaterThan(0);
});

it('keeps answering invokes it does not implement with 501', async () => {
  const res = await invoke('composeExtension/fetchTask', { commandId: 'searchOkrs' });
  expect(res.status).toBe(501);
});
