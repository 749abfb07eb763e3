import { CARD_VERBS, KPI_READING_INPUT } from '@bearing/core';
import {
  ALEX,
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  cardInvoke,
} from '../../../simulators/teams/activities';
import { texts } from '../../support/cards';
import { postJson } from '../../../simulators/http';
import { startHarness, type Harness } from '../../faults/harness';

// The answers to KPI alert actions (Acknowledge, Snooze, Draft corrective OKR) and to the check-in
// card's "Remind me tomorrow", through the bot's real turn path: when the action did not apply the
// user is told what to do instead, never shown the card as if it had worked.
let h: Harness;
const SERVICE = 'http://127.0.0.1:9';

beforeAll(async () => {
  h = await startHarness();
  // Alex owns CSAT (demo: in its warning band); a manual reading below the range opens an episode.
  const csat = await h.stores.kpis.getKpi(DEMO_TENANT_ID, DEMO_TEAM_ID, 'kpi-csat');
  await h.stores.kpis.saveKpi({ ...csat!.value, ownerId: ALEX.aadObjectId }, csat!.etag);
  const reading = await invoke(CARD_VERBS.kpiManualReading, {
    kpiId: 'kpi-csat',
    [KPI_READING_INPUT]: '4.1',
  });
  expect(reading.texts).toContain('Recorded 4.1 score for CSAT.');
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

async function invoke(verb: string, data: Record<string, unknown>) {
  const res = await postJson(
    `${h.url}/api/messages`,
    cardInvoke(SERVICE, verb, { teamId: DEMO_TEAM_ID, ...data }),
  );
  expect(res.status).toBe(200);
  const card = (res.body as { value?: { body?: { color?: string }[] } }).value;
  return {
    texts: texts(res.body),
    /** The answer is an error card (one attention-coloured message). */
    isError: card?.body?.length === 1 && card.body[0]?.color === 'attention',
  };
}

const episode = async (kpiId = 'kpi-csat') =>
  (await h.stores.kpis.getKpi(DEMO_TENANT_ID, DEMO_TEAM_ID, kpiId))?.value.episode;

describe('KPI alert actions', () => {
  it('acknowledging the open episode answers with the alert card that says who acknowledged', async () => {
    const open = await episode();
    expect(open?.state).toBe('open');
    const res = await invoke(CARD_VERBS.kpiAcknowledge, {
      kpiId: 'kpi-csat',
      episodeId: open!.id,
    });
    expect(res.isError).toBe(false);
    expect(res.texts.join('\n')).toMatch(/Acknowledged by Alex Wilber/);
  });

  it('acknowledging from the card of an earlier episode says so and changes nothing', async () => {
    const before = await episode();
    const res = await invoke(CARD_VERBS.kpiAcknowledge, {
      kpiId: 'kpi-csat',
      episodeId: 'episode-from-an-old-card',
    });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual([
      'This alert is about an earlier time CSAT left its range. Use the latest alert card, or open Bearing.',
    ]);
    expect(await episode()).toEqual(before);
  });

  it('acknowledging a KPI that is not out of range says there is nothing to acknowledge', async () => {
    const res = await invoke(CARD_VERBS.kpiAcknowledge, { kpiId: 'kpi-uptime' });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual(['Uptime is not out of range anymore, so there is nothing to do.']);
    expect(await episode('kpi-uptime')).toBeUndefined();
  });

  it('snoozing a KPI that does not exist (deleted, or another team) says it is gone', async () => {
    const res = await invoke(CARD_VERBS.kpiSnooze, { kpiId: 'kpi-deleted', duration: '1d' });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual([
      'This KPI no longer exists in this team. Open Bearing to see the team’s KPIs.',
    ]);
  });

  it('snoozing without a duration asks for one', async () => {
    const res = await invoke(CARD_VERBS.kpiSnooze, { kpiId: 'kpi-csat', duration: '1y' });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual(['Choose how long to snooze.']);
    expect((await episode())?.snoozedUntil).toBeUndefined();
  });

  it('snoozing the open episode answers with the alert card that says until when', async () => {
    const res = await invoke(CARD_VERBS.kpiSnooze, { kpiId: 'kpi-csat', duration: '1w' });
    expect(res.isError).toBe(false);
    expect(res.texts.join('\n')).toMatch(/Snoozed until/);
    expect((await episode())?.snoozedUntil).toBeDefined();
  });

  it('drafting a corrective OKR for a KPI that is back in range says there is nothing to do', async () => {
    const res = await invoke(CARD_VERBS.kpiDraftCorrectiveOkr, { kpiId: 'kpi-uptime' });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual(['Uptime is not out of range anymore, so there is nothing to do.']);
  });

  it('drafting a corrective OKR for the open episode answers with the alert card that names it', async () => {
    const res = await invoke(CARD_VERBS.kpiDraftCorrectiveOkr, { kpiId: 'kpi-csat' });
    expect(res.isError).toBe(false);
    expect(res.texts.join('\n')).toMatch(
      /Draft corrective OKR created: Bring CSAT back into range/,
    );
  });
});

describe('check-in snooze', () => {
  it('"Remind me tomorrow" on a card of an earlier week says the card is out of date', async () => {
    const res = await invoke(CARD_VERBS.checkInSnooze, { week: '2020-W01' });
    expect(res.isError).toBe(true);
    expect(res.texts).toEqual([
      'This check-in card is for 2020-W01, not this week. Type "check in" for this week’s card.',
    ]);
  });

  it('"Remind me tomorrow" on this week’s card snoozes it once', async () => {
    const { week } = await currentWeek();
    const first = await invoke(CARD_VERBS.checkInSnooze, { week });
    expect(first.isError).toBe(false);
    expect(first.texts.join('\n')).toMatch(/^Got it — I'll bring your check-in back /);
    const again = await invoke(CARD_VERBS.checkInSnooze, { week });
    expect(again.texts.join('\n')).toMatch(/^Your check-in is already snoozed until /);
  });
});

/** This week's label as the check-in card carries it. */
async function currentWeek() {
  const res = await postJson(
    `${h.url}/api/messages`,
    cardInvoke(SERVICE, CARD_VERBS.checkInOpen, { teamId: DEMO_TEAM_ID }),
  );
  const json = JSON.stringify(res.body);
  const week = json.match(/"week":"(\d{4}-W\d{2})"/)?.[1];
  if (!week) throw new Error(`no week in ${json.slice(0, 500)}`);
  return { week };
}
