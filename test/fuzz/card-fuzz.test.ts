import fc from 'fast-check';
import { CARD_VERBS, CHECKIN_INPUTS, KPI_READING_INPUT, cycleFor, isoWeek } from '@bearing/core';
import { DEMO_TEAM_ID, cardInvoke } from '../../simulators/teams/activities';
import { postJson } from '../../simulators/http';
import { startHarness, type Harness } from '../faults/harness';
import { evilJson, evilString } from './arbitraries';

// Every card verb's Action.Execute data, hostile: the bot answers 200 with a card (which says what
// to fix) or a 4xx JSON error, never a 5xx; when the answer is an error, nothing was written. The
// bot turns any exception of a handler into a 200 "try again" card, so the status alone would let a
// TypeError through: no handler may log a warning or an error (nothing here fails on purpose).
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
  'itemId',
  'userId',
  'kr.kr-engagement.value',
  'kr.kr-engagement.confidence',
  '__proto__',
  'constructor',
];

// Data a real card of the demo team carries, so that hostile values also reach the handlers behind
// the parser (the key result ids are Alex's, the KPI is one of the team's).
const KR = 'kr-engagement';
const valid = (): Record<string, unknown> => ({
  teamId: DEMO_TEAM_ID,
  cycleId: cycleFor(new Date().toISOString().slice(0, 10), 7).id,
  week: isoWeek(new Date().toISOString(), 'America/Los_Angeles'),
  submissionId: 'fuzz-submission-1',
  krIds: [KR],
  [CHECKIN_INPUTS.value(KR)]: '7.5',
  [CHECKIN_INPUTS.confidence(KR)]: 'onTrack',
  kpiId: 'kpi-csat',
  episodeId: 'episode-1',
  [KPI_READING_INPUT]: '4.2',
  view: 'digest',
  itemId: `blocker.fuzz-user.${isoWeek(new Date().toISOString(), 'America/Los_Angeles')}`,
  userId: 'fuzz-user',
});

it.each(Object.values(CARD_VERBS).map((v) => [v]))('%s survives hostile data', async (verb) => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.dictionary(fc.constantFrom(...plausibleKeys), fc.oneof(evilString(), evilJson()), {
          maxKeys: 6,
        }),
        fc
          .dictionary(fc.constantFrom(...plausibleKeys), fc.oneof(evilString(), evilJson()), {
            maxKeys: 2,
          })
          .map((hostile) => ({ ...valid(), ...hostile })),
      ),
      async (data) => {
        const before = await h.contents();
        const logged = h.logs.length;
        // The loopback serviceUrl is only where replies would go; invokes answer inline.
        const res = await postJson(
          `${h.url}/api/messages`,
          cardInvoke('http://127.0.0.1:9', verb, data),
        );
        const problems = h.logs.slice(logged).filter((l) => /^(warn|error) /.test(l));
        expect({ data, problems }).toEqual({ data, problems: [] });
        expect(res.status).toBeLessThan(500);
        const isCard = res.body?.type === 'application/vnd.microsoft.card.adaptive';
        if (res.status >= 400 || !isCard) expect(await h.contents()).toBe(before);
        if (res.status >= 400) expect(res.text).toMatch(/"error"/);
      },
    ),
    { numRuns: 30 },
  );
});
