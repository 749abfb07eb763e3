import { en } from '@bearing/core';
import { personalActivity } from '../../../simulators/teams/activities';
import { texts } from '../../support/cards';
import { startFakeConnector } from '../../../simulators/connector/fake-connector';
import { postJson } from '../../../simulators/http';
import { startInProcess } from '../../support/in-process-server';

// Chat commands through the bot's real turn path: each command of the help card answers with its
// own card; anything else, including names every JavaScript object has, gets the help card.
let server: Awaited<ReturnType<typeof startInProcess>>;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;

beforeAll(async () => {
  [server, connector] = await Promise.all([startInProcess(), startFakeConnector()]);
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
});

/** What Alex gets back for typing `text` in his chat with Bearing. */
async function say(text: string): Promise<string[]> {
  const before = connector.sent.length;
  const res = await postJson(
    `${server.url}/api/messages`,
    personalActivity(connector.url, { type: 'message', text }),
  );
  expect(res.status).toBe(200);
  return texts(connector.sent.slice(before).map((s) => s.activity));
}

const FIRST_LINE: Record<(typeof en.help.commands)[number][0], RegExp> = {
  'check in': /^Weekly check-in · week of [A-Z][a-z]{2} \d{1,2}$/,
  'my okrs': /^My key results$/,
  'team status': / · week of [A-Z][a-z]{2} \d{1,2}$/,
  'send check-ins': /^Starting this week's check-in for /,
  'update kpi': /^(Update a KPI|You own no KPIs)/,
  help: /^What Bearing can do$/,
};

it.each(en.help.commands.map(([command]) => command))(
  '"%s" answers with its own card, whatever the case and spacing',
  async (command) => {
    const answer = await say(`  ${command.toUpperCase().replace(' ', '   ')} `);
    expect(answer.length).toBeGreaterThan(0);
    expect(answer.some((t) => FIRST_LINE[command].test(t))).toBe(true);
    if (command !== 'help') expect(answer).not.toContain(en.help.title);
  },
);

// Lower case as the bot reads them (it compares commands in lower case).
it.each(['constructor', 'tostring', 'valueof', 'hasownproperty', 'make coffee'])(
  '"%s" is not a command: the help card quotes it',
  async (text) => {
    const answer = await say(text);
    expect(answer).toEqual(expect.arrayContaining([en.help.unknown(text), en.help.title]));
  },
);
