import fc from 'fast-check';
import { CARD_VERBS } from '@bearing/core';
import { cardInvoke } from '../support/activities';
import { postJson, startHarness, type Harness } from '../faults/harness';
import { evilJson, evilString } from './arbitraries';

// Every card verb's Action.Execute data, hostile: the bot answers 200 with a card (which says what
// to fix) or a 4xx JSON error, never a 5xx; when the answer is an error, nothing was written.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const plausibleKeys = [
  'krIds',
  'submissionId',
  'week',
  'cycleId',
  'teamId',
  'kpiId',
  'episodeId',
  'until',
  'value',
  'whatChanged',
  'blockers',
  'kr.kr-engagement.value',
  'kr.kr-engagement.confidence',
  '__proto__',
  'constructor',
];

it.each(Object.values(CARD_VERBS).map((v) => [v]))('%s survives hostile data', async (verb) => {
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.constantFrom(...plausibleKeys), fc.oneof(evilString(), evilJson()), {
        maxKeys: 6,
      }),
      async (data) => {
        const before = await h.contents();
        // The loopback serviceUrl is only where replies would go; invokes answer inline.
        const res = await postJson(
          `${h.url}/api/messages`,
          cardInvoke('http://127.0.0.1:9', verb, data),
        );
        expect(res.status).toBeLessThan(500);
        const isCard = res.body?.type === 'application/vnd.microsoft.card.adaptive';
        if (res.status >= 400 || !isCard) expect(await h.contents()).toBe(before);
        if (res.status >= 400) expect(res.text).toMatch(/"error"/);
      },
    ),
    { numRuns: 15 },
  );
});
