import { CARD_VERBS, CHECKIN_INPUTS } from '@bearing/core';
import { cardInvoke, personalActivity } from '../../simulators/teams/activities';
import type { startFakeConnector } from '../../simulators/connector/fake-connector';
import { postJson } from '../../simulators/http';
import { type Harness } from './harness';

// Alex's weekly check-in as the store fault tests drive it: a real card from "check in", and the
// check-in documents it leaves (the demo organisation's own check-ins left out).
type Connector = Awaited<ReturnType<typeof startFakeConnector>>;
type ExecuteAction = { type: string; verb: string; data: Record<string, unknown> };

/** Alex's check-in documents other than the seeded demo ones, as the store holds them. */
export const alexCheckInDocs = async (h: Harness): Promise<string[]> =>
  (await h.contents())
    .split('\n')
    .filter((l) => l.includes('"id":"checkIn|00000000-0000-0000-0000-000000000020|'))
    .filter((l) => !l.includes('"submissionId":"demo-'));

/** Alex's check-in card from "check in", as the invoke that submits `value` for every KR. */
export async function alexCheckInSubmit(h: Harness, connector: Connector, value: string) {
  const before = connector.sent.length;
  await postJson(
    `${h.url}/api/messages`,
    personalActivity(connector.url, { type: 'message', text: 'check in' }),
  );
  const reply = connector.sent
    .slice(before)
    .find((s) => JSON.stringify(s.activity).includes(CARD_VERBS.checkInSubmit));
  if (!reply) throw new Error('no check-in card');
  const card = (reply.activity.attachments as { content: { actions: ExecuteAction[] } }[])[0]
    .content;
  const data = card.actions.find((a) => a.verb === CARD_VERBS.checkInSubmit)!.data as {
    krIds: string[];
  };
  return cardInvoke(connector.url, CARD_VERBS.checkInSubmit, {
    ...data,
    ...Object.fromEntries(
      data.krIds.flatMap((id) => [
        [CHECKIN_INPUTS.value(id), value],
        [CHECKIN_INPUTS.confidence(id), 'onTrack'],
      ]),
    ),
  });
}
