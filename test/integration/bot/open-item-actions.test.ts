import { CARD_VERBS, OPEN_ITEM_TEXT_INPUT } from '@bearing/core';
import {
  ALEX,
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  cardInvoke,
} from '../../../simulators/teams/activities';
import { texts } from '../../support/cards';
import { postJson } from '../../../simulators/http';
import { startHarness, type Harness } from '../../faults/harness';

// A member updates their own open item (last week's decision request, still open) from the
// check-in card, through the bot's real turn path; bad text and other people's items change nothing.
let h: Harness;
const SERVICE = 'http://127.0.0.1:9';

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const items = () => h.stores.openItems.listOpenItems(DEMO_TENANT_ID, DEMO_TEAM_ID);

async function invoke(data: Record<string, unknown>) {
  const res = await postJson(
    `${h.url}/api/messages`,
    cardInvoke(SERVICE, CARD_VERBS.openItemUpdate, { teamId: DEMO_TEAM_ID, ...data }),
  );
  expect(res.status).toBe(200);
  const card = (res.body as { value?: { body?: { color?: string }[] } }).value;
  return {
    texts: texts(res.body).join('\n'),
    isError: card?.body?.length === 1 && card.body[0]?.color === 'attention',
  };
}

it('the author rewords last week’s open decision from the card; the card shows the new text', async () => {
  const mine = (await items()).find((i) => i.value.authorId === ALEX.aadObjectId);
  expect(mine?.value.kind).toBe('decision');
  const res = await invoke({
    itemId: mine!.value.id,
    [OPEN_ITEM_TEXT_INPUT(mine!.value.id)]: '  Pause feature work for two sprints?  ',
  });
  expect(res.isError).toBe(false);
  expect(res.texts).toContain('Decision needed: Pause feature work for two sprints?');
  const stored = (await items()).find((i) => i.value.id === mine!.value.id);
  expect(stored?.value).toMatchObject({
    text: 'Pause feature work for two sprints?',
    status: 'open',
    createdWeek: mine!.value.createdWeek,
  });
});

it('empty text is refused with what to do, and nothing changes', async () => {
  const mine = (await items()).find((i) => i.value.authorId === ALEX.aadObjectId)!;
  const res = await invoke({ itemId: mine.value.id, [OPEN_ITEM_TEXT_INPUT(mine.value.id)]: ' ' });
  expect(res.isError).toBe(true);
  expect(res.texts).toContain('Enter the text, or withdraw the item.');
  const after = (await items()).find((i) => i.value.id === mine.value.id);
  expect(after?.etag).toBe(mine.etag);
});

it('someone else’s item cannot be reworded', async () => {
  const theirs = (await items()).find((i) => i.value.authorId !== ALEX.aadObjectId)!;
  const res = await invoke({
    itemId: theirs.value.id,
    [OPEN_ITEM_TEXT_INPUT(theirs.value.id)]: 'Rewritten by Alex',
  });
  expect(res.isError).toBe(true);
  const after = (await items()).find((i) => i.value.id === theirs.value.id);
  expect(after?.value.text).toBe(theirs.value.text);
  expect(after?.etag).toBe(theirs.etag);
});
